using Lantern.Core.Common;
using Lantern.Core.Features.Sharing;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Sharing;

/// <summary>
/// Matching between two installations through packages (ADR 0025), through the handlers: encodings out, pairs at the
/// recipient with no score, agreements back; a recorded-consent scope without consents encodes nobody.
/// </summary>
public sealed class LinkageExchangeTests : IAsyncLifetime
{
    private const string Secret = "Wm3x7Qp1Rt9Kb5Zc2Nv8Hy4Ld6Fs0Ga";

    private SharingInstallation _fia = null!;
    private SharingInstallation _police = null!;
    private PartnerView _policeAtFia = null!;
    private PartnerView _fiaAtPolice = null!;

    public async Task InitializeAsync()
    {
        _fia = await SharingInstallation.CreateAsync("FIA AHTC Islamabad");
        _police = await SharingInstallation.CreateAsync("Punjab Police Lahore");
        _policeAtFia = await _fia.RegisterAsync(_police, "Punjab Police Lahore (partner installation)");
        _fiaAtPolice = await _police.RegisterAsync(_fia, "FIA AHTC Islamabad (partner installation)");
        await _fia.CaseAsync("FIA-LNK-1", """
            [ { "key": "v", "role": "victim", "prs_FirstName": "Nargis", "prs_SecondName": "Akhtar", "prs_Birthdate": "1994-03-02", "prs_Gender": "Feminine" },
              { "key": "s", "role": "suspect", "prs_FirstName": "Zubair", "prs_SecondName": "Qureshi", "prs_Birthdate": "1980-07-19", "prs_Gender": "Masculine" } ]
            """);
        await _police.CaseAsync("LHR-LNK-1", """
            [ { "key": "v", "role": "victim", "prs_FirstName": "Nargis", "prs_SecondName": "Akhter", "prs_Birthdate": "1994-03-02", "prs_Gender": "Feminine" },
              { "key": "w", "role": "witness", "prs_FirstName": "Saima", "prs_SecondName": "Noreen", "prs_Birthdate": "1987-12-01", "prs_Gender": "Feminine" } ]
            """);
        await SecretAsync(_fia, _policeAtFia.Id, Secret);
        await SecretAsync(_police, _fiaAtPolice.Id, Secret);
    }

    public async Task DisposeAsync()
    {
        await _fia.DisposeAsync();
        await _police.DisposeAsync();
    }

    private static Task<PartnerView> SecretAsync(SharingInstallation at, Guid partner, string secret) => at.Run(sp =>
        sp.GetRequiredService<SetLinkageSecret.Handler>().Handle(at.Administrator, new SetLinkageSecret.Request(partner, secret), CancellationToken.None));

    private async Task<byte[]> EncodingsAsync(string basis = "law-enforcement-cooperation")
    {
        var sent = await _fia.Run(sp => sp.GetRequiredService<SendLinkageEncodings.Handler>().Handle(_fia.Investigator,
            new SendLinkageEncodings.Request(_policeAtFia.Id, ["victim", "suspect"], basis), CancellationToken.None));
        return await _fia.FileAsync(sent.Package.Id);
    }

    private static Task<IReadOnlyList<LinkagePairView>> PairsAsync(SharingInstallation at) => at.Run(sp =>
        sp.GetRequiredService<ListLinkagePairs.Handler>().Handle(at.Investigator, CancellationToken.None));

    private static async Task<byte[]> AgreeAsync(SharingInstallation at, Guid pair)
    {
        var result = await at.Run(sp => sp.GetRequiredService<AgreeOnLinkagePair.Handler>().Handle(at.Investigator, pair, CancellationToken.None));
        return await at.FileAsync(result.Package.Id);
    }

    [Fact]
    public async Task Exchange_CommonVictim_IsPairedAtTheRecipient_AndKnownToTheSenderOnlyAfterAgreement()
    {
        var imported = await _police.ImportAsync(await EncodingsAsync());
        var pair = Assert.Single(await PairsAsync(_police));
        var beforeAgreement = await PairsAsync(_fia);
        await _fia.ImportAsync(await AgreeAsync(_police, pair.Id));
        var atFia = Assert.Single(await PairsAsync(_fia));
        await _police.ImportAsync(await AgreeAsync(_fia, atFia.Id));

        Assert.Equal(2, imported.EncodingsReceived);
        Assert.Equal(1, imported.PossibleCommonPersons);
        Assert.Equal("Nargis Akhter", pair.PersonName);
        Assert.Equal("FIA AHTC Islamabad (partner installation)", pair.PartnerName);
        Assert.Empty(beforeAgreement);
        Assert.Equal("Nargis Akhtar", atFia.PersonName);
        Assert.Equal(pair.Reference, atFia.Reference);
        Assert.Equal("both-agreed", Assert.Single(await PairsAsync(_police)).Status);
        Assert.Empty((await _police.OverviewAsync()).ReceivedItems);
    }

    [Fact]
    public async Task Agree_Twice_IsRefused()
    {
        await _police.ImportAsync(await EncodingsAsync());
        var pair = Assert.Single(await PairsAsync(_police));
        await AgreeAsync(_police, pair.Id);

        var again = await Assert.ThrowsAsync<ValidationException>(() => AgreeAsync(_police, pair.Id));

        Assert.Equal("pair", again.Field);
    }

    [Fact]
    public void LinkagePairView_CarriesNoSimilarity()
    {
        var names = typeof(LinkagePairView).GetProperties().Select(p => p.Name.ToLowerInvariant()).ToList();

        Assert.Contains("personname", names);
        Assert.DoesNotContain(names, n => n.Contains("score", StringComparison.Ordinal) || n.Contains("similar", StringComparison.Ordinal)
            || n.Contains("dice", StringComparison.Ordinal) || n.Contains("distance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendEncodings_OnRecordedConsentWithoutAnyConsent_EncodesNobody()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => EncodingsAsync("recorded-consent"));

        Assert.Equal("roles", refused.Field);
    }
}
