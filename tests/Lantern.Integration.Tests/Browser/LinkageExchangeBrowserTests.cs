using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// Two installations in headless Chromium: an investigator at the FIA's shares a case and sends encodings of its
/// persons through the pages; an investigator at the police's imports both through its pages and sees the received
/// case and a possible common person (its own person, whom to contact, no score).
/// </summary>
public sealed class LinkageExchangeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Username = "browser.linkage";
    private const string Secret = "Zk4p8R2wQm6tYv1Xb9Nc3Hs7Jd5Lf0Ga";
    private const string FiaName = "FIA AHTC Islamabad (partner installation)";
    private const string PoliceName = "Punjab Police Lahore (partner installation)";

    private LanternServer? _fia;
    private LanternServer? _police;
    private Guid _case;

    private LanternServer Fia => _fia ?? throw new InvalidOperationException("The FIA's server has not started.");
    private LanternServer Police => _police ?? throw new InvalidOperationException("The police's server has not started.");

    public async Task InitializeAsync()
    {
        _fia = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        _police = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        var fiaOrganisation = await AddInvestigatorAsync(Fia);
        var policeOrganisation = await AddInvestigatorAsync(Police);
        var fiaKeys = await Fia.AsOperatorAsync((sp, _) => sp.GetRequiredService<ShowInstallationKeys.Handler>().Handle(Actor.LocalOperator(fiaOrganisation), CancellationToken.None));
        var policeKeys = await Police.AsOperatorAsync((sp, _) => sp.GetRequiredService<ShowInstallationKeys.Handler>().Handle(Actor.LocalOperator(policeOrganisation), CancellationToken.None));
        await PartnerWithSecretAsync(Fia, fiaOrganisation, PoliceName, policeKeys);
        await PartnerWithSecretAsync(Police, policeOrganisation, FiaName, fiaKeys);
        _case = await Fia.ImportAsync("""
            { "format": "lantern-case/1", "case": { "reference": "BRW-LNK-0001", "cas_Status": "Active", "summary": "Girls recruited for domestic work in Dubai." },
              "persons": [ { "key": "v", "role": "victim", "prs_FirstName": "Nasreen", "prs_SecondName": "Akhtar", "prs_Birthdate": "1998-04-12", "prs_Gender": "Feminine",
                             "identityDocuments": [ { "type": "CNIC", "number": "35202-1234567-4" } ] },
                           { "key": "s", "role": "suspect", "prs_FirstName": "Tariq", "prs_SecondName": "Mehmood", "prs_Birthdate": "1979-01-05", "prs_Gender": "Masculine" } ] }
            """, Investigators.Organisation);
        await Police.ImportAsync("""
            { "format": "lantern-case/1", "case": { "reference": "BRW-LHR-0002", "cas_Status": "Active", "summary": "Raid on a house in Gulberg." },
              "persons": [ { "key": "v", "role": "victim", "prs_FirstName": "Nasrin", "prs_SecondName": "Akhtar", "prs_Birthdate": "1998-04-12", "prs_Gender": "Feminine",
                             "identityDocuments": [ { "type": "CNIC", "number": "3520212345674" } ] },
                           { "key": "w", "role": "witness", "prs_FirstName": "Imran", "prs_SecondName": "Qureshi", "prs_Birthdate": "1990-11-11", "prs_Gender": "Masculine" } ] }
            """, Investigators.Organisation);
    }

    private static async Task<OrganisationId> AddInvestigatorAsync(LanternServer server) =>
        await server.AsOperatorAsync(async (sp, actor) =>
        {
            var organisation = await sp.GetRequiredService<Organisations.AddHandler>().Handle(actor, Investigators.Organisation, "LawEnforcement", "PK", "Lahore", CancellationToken.None);
            await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(Username, Investigators.Organisation, "investigator", Investigators.Password), CancellationToken.None);
            return new OrganisationId(organisation.Id);
        });

    private static Task<PartnerView> PartnerWithSecretAsync(LanternServer at, OrganisationId organisation, string name, InstallationKeysView keys) =>
        at.AsOperatorAsync(async (sp, _) =>
        {
            var actor = Actor.LocalOperator(organisation);
            var partner = await sp.GetRequiredService<AddPartner.Handler>().Handle(actor, new AddPartner.Request(name, keys.SigningKey, keys.EncryptionKey), CancellationToken.None);
            return await sp.GetRequiredService<SetLinkageSecret.Handler>().Handle(actor, new SetLinkageSecret.Request(partner.Id, Secret), CancellationToken.None);
        });

    public async Task DisposeAsync()
    {
        if (_fia is not null)
        {
            await _fia.DisposeAsync();
        }
        if (_police is not null)
        {
            await _police.DisposeAsync();
        }
    }

    /// <summary>
    /// Fetches the file a download link points at with the tab's session (as GlotipDashboardTests does): a click would
    /// end in an aborted navigation, which the session counts as a broken page.
    /// </summary>
    private async Task DownloadAsync(IPage page, ILocator link, string path)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The download link has no address.");
        var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(Fia.Address), href).ToString());
        Assert.True(response.Ok, $"GET {href} answered {response.Status}.");
        await File.WriteAllBytesAsync(path, await response.BodyAsync());
    }

    [Fact]
    public async Task TwoInstallations_CaseAndEncodingsSentThroughThePages_ReceivedCaseAndPossibleCommonPersonShown()
    {
        var folder = Directory.CreateTempSubdirectory("lantern-linkage-").FullName;
        var casePackage = Path.Combine(folder, "case.json");
        var encodingsPackage = Path.Combine(folder, "encodings.json");

        await browser.RunAsync(Fia.Address, async session =>
        {
            var page = session.Page;
            await session.SignInFirstTimeAsync(Username, Investigators.Password);

            await session.GotoAsync($"/sharing/new?case={_case}");
            await page.GetByLabel("Partner").SelectOptionAsync(new SelectOptionValue { Label = PoliceName });
            await page.GetByLabel("The case (reference, status, opening date, numbers of victims and suspects; no names)").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Make the package" }).ClickAsync();
            await session.WaitForPathAsync("/sharing");
            await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Download", Exact = true }).First, casePackage);

            await page.GetByRole(AriaRole.Link, new() { Name = "Matching with partners" }).ClickAsync();
            await session.WaitForPathAsync("/sharing/linkage");
            await page.GetByLabel("Partner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = PoliceName });
            await page.GetByLabel("Basis for sharing a person's data").SelectOptionAsync("law-enforcement-cooperation");
            await page.GetByRole(AriaRole.Button, new() { Name = "Make the encodings package" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Encodings of 2 person(s) packed for " + PoliceName);
            await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Download the package" }), encodingsPackage);
            await session.ScreenshotAsync("encodings-sent");
        });

        await browser.RunAsync(Police.Address, async session =>
        {
            var page = session.Page;
            await session.SignInFirstTimeAsync(Username, Investigators.Password);

            await session.GotoAsync("/sharing");
            await page.GetByLabel("Package file").SetInputFilesAsync(casePackage);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Package from " + FiaName + " imported: 1 item(s).");
            await Expect(page.Locator("main")).ToContainTextAsync("Case BRW-LNK-0001");

            await page.GetByLabel("Package file").SetInputFilesAsync(encodingsPackage);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 linkage encoding(s), 1 possible common person(s)");

            await page.GetByRole(AriaRole.Link, new() { Name = "Matching with partners" }).ClickAsync();
            await session.WaitForPathAsync("/sharing/linkage");
            var row = page.Locator("table tbody tr");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("Nasrin Akhtar");
            await Expect(row).ToContainTextAsync("possible common person, contact " + FiaName);
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Nasreen");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Mehmood");
            await session.ScreenshotAsync("possible-common-person");
        });
    }
}
