using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Sharing;

/// <summary>One Lantern installation for sharing tests: its own database, key folder and sharing keys, one organisation.</summary>
internal sealed class SharingInstallation : IAsyncDisposable
{
    private SharingInstallation(CoreHarness core, OrganisationId organisation, string name)
    {
        Core = core;
        Name = name;
        Organisation = organisation;
        Investigator = new Actor(UserId.New(), "inv", organisation, Role.Investigator, "test");
        Administrator = new Actor(UserId.New(), "admin", organisation, Role.Administrator, "test");
    }

    public CoreHarness Core { get; }
    public string Name { get; }
    public OrganisationId Organisation { get; }
    public Actor Investigator { get; }
    public Actor Administrator { get; }

    public static async Task<SharingInstallation> CreateAsync(string organisationName)
    {
        var core = await CoreHarness.CreateAsync();
        var organisation = await core.RunAsync(async sp =>
            new OrganisationId((await sp.GetRequiredService<Organisations.AddHandler>().Handle(CoreHarness.Operator, organisationName, "LawEnforcement", "PK", "Islamabad", CancellationToken.None)).Id));
        return new SharingInstallation(core, organisation, organisationName);
    }

    public Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => Core.RunAsync(work);

    public Task<InstallationKeysView> KeysAsync() => Run(sp => sp.GetRequiredService<ShowInstallationKeys.Handler>().Handle(Administrator, CancellationToken.None));

    /// <summary>Registers <paramref name="other"/> as a partner of this installation's organisation.</summary>
    public async Task<PartnerView> RegisterAsync(SharingInstallation other, string name)
    {
        var keys = await other.KeysAsync();
        return await Run(sp => sp.GetRequiredService<AddPartner.Handler>().Handle(Administrator, new AddPartner.Request(name, keys.SigningKey, keys.EncryptionKey), CancellationToken.None));
    }

    public async Task<CaseId> CaseAsync(string reference, string personsJson = "[]")
    {
        var json = $$"""{ "format": "lantern-case/1", "case": { "reference": "{{reference}}", "cas_Status": "Active", "summary": "Recruited for a brick kiln in Kasur." }, "persons": {{personsJson}} }""";
        return await Run(async sp => new CaseId((await sp.GetRequiredService<ImportCases.Handler>().Handle(CoreHarness.Operator,
            new ImportCases.Request([new ImportCases.Source("t.json", json)], Name), CancellationToken.None)).Cases[0].Id));
    }

    public Task<IntelligenceItemView> IntelligenceAsync(CaseId caseId, string text, string handling, string? conditions = null) => Run(sp =>
        sp.GetRequiredService<AddIntelligence.Handler>().Handle(Investigator, caseId, new AddIntelligence.Request(text, "B", "2", handling, conditions), CancellationToken.None));

    public Task<PackageView> PackageAsync(Guid partner, params CreatePackage.Item[] items) => Run(sp =>
        sp.GetRequiredService<CreatePackage.Handler>().Handle(Investigator, new CreatePackage.Request(partner, items), CancellationToken.None));

    public async Task<byte[]> FileAsync(Guid package) => (await Run(sp => sp.GetRequiredService<DownloadPackage.Handler>().Handle(Investigator, package, CancellationToken.None))).Content;

    public Task<ImportResult> ImportAsync(byte[] file, Actor? actor = null) => Run(sp => sp.GetRequiredService<ImportPackage.Handler>().Handle(actor ?? Investigator, file, CancellationToken.None));

    public Task<SharingOverview> OverviewAsync() => Run(sp => sp.GetRequiredService<ListPackages.Handler>().Handle(Investigator, CancellationToken.None));

    public ValueTask DisposeAsync() => Core.DisposeAsync();
}
