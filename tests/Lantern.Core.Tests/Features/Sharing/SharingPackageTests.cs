using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Referrals;
using Lantern.Core.Features.Sharing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Lantern.Core.Tests.Features.Sharing;

/// <summary>
/// Packages between two installations (each its own database and keys): signature, tampering, replay, unknown sender,
/// wrong recipient, revocation, and the handling codes.
/// </summary>
public sealed class SharingPackageTests : IAsyncLifetime
{
    private SharingInstallation _fia = null!;
    private SharingInstallation _police = null!;
    private PartnerView _policeAtFia = null!;
    private PartnerView _fiaAtPolice = null!;
    private CaseId _case;

    public async Task InitializeAsync()
    {
        _fia = await SharingInstallation.CreateAsync("FIA AHTC Islamabad");
        _police = await SharingInstallation.CreateAsync("Punjab Police Lahore");
        _policeAtFia = await _fia.RegisterAsync(_police, "Punjab Police Lahore (partner installation)");
        _fiaAtPolice = await _police.RegisterAsync(_fia, "FIA AHTC Islamabad (partner installation)");
        _case = await _fia.CaseAsync("FIA-0001", """[ { "key": "v", "role": "victim", "prs_FirstName": "Nargis", "prs_SecondName": "Akhtar", "prs_Birthdate": "1994-03-02", "prs_Gender": "Feminine" } ]""");
    }

    public async Task DisposeAsync()
    {
        await _fia.DisposeAsync();
        await _police.DisposeAsync();
    }

    private async Task<byte[]> IntelligencePackageAsync(string text, string handling = "H0")
    {
        var item = await _fia.IntelligenceAsync(_case, text, handling);
        var package = await _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("intelligence", item.Id));
        return await _fia.FileAsync(package.Id);
    }

    [Fact]
    public async Task Import_FromRegisteredPartner_KeepsProvenanceAndCodes()
    {
        var item = await _fia.IntelligenceAsync(_case, "The agent meets recruits at Faisalabad bus stand on Fridays.", "H1");
        var package = await _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("intelligence", item.Id), new CreatePackage.Item("case", _case.Value, "H0", "A", "1"));

        var result = await _police.ImportAsync(await _fia.FileAsync(package.Id));
        var overview = await _police.OverviewAsync();

        Assert.Equal(package.Id, result.PackageId);
        Assert.Equal(1, result.Sequence);
        Assert.Equal(2, result.ItemsImported);
        var received = Assert.Single(overview.ReceivedItems, i => i.Kind == "intelligence");
        Assert.Equal("The agent meets recruits at Faisalabad bus stand on Fridays.", received.Content);
        Assert.Equal(item.Id, received.OriginalId);
        Assert.Equal(package.Id, received.PackageId);
        Assert.Equal("FIA AHTC Islamabad (partner installation)", received.SenderName);
        Assert.Equal("H1", received.HandlingCode);
        Assert.Equal("B2 · H1", received.Grading);
        Assert.False(received.MayBeEvidence);
        Assert.Contains("Reference: FIA-0001", Assert.Single(overview.ReceivedItems, i => i.Kind == "case").Content, StringComparison.Ordinal);
        Assert.Equal(package.Id, Assert.Single(overview.Received).Id);
    }

    [Fact]
    public async Task Import_StoredContent_IsEncryptedAtRest()
    {
        await _police.ImportAsync(await IntelligencePackageAsync("Safe house behind the Kasur grain market."));

        var raw = await _police.Run(sp => sp.GetRequiredService<AppDbContext>().Database.SqlQueryRaw<string>("SELECT \"Content\" AS \"Value\" FROM sharing_received_items").FirstAsync());

        Assert.StartsWith("v1:", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AnyByteFlipped_IsRefusedAndNothingIsStored()
    {
        var file = await IntelligencePackageAsync("Safe house behind the Kasur grain market.");
        var positions = Enumerable.Range(0, file.Length).Where(i => i % 97 == 0).Append(file.Length - 1).Append(file.Length / 2).Distinct().ToList();

        foreach (var position in positions)
        {
            var tampered = (byte[])file.Clone();
            tampered[position] ^= 0x01;
            var error = await Assert.ThrowsAsync<ValidationException>(() => _police.ImportAsync(tampered));
            Assert.Equal("package", error.Field);
        }

        Assert.Empty((await _police.OverviewAsync()).ReceivedItems);
        Assert.Equal(1, (await _police.ImportAsync(file)).ItemsImported);
    }

    [Fact]
    public async Task Import_SignedByAnotherKeyInThePartnersName_IsRefused()
    {
        var police = await _police.KeysAsync();
        var fia = await _fia.KeysAsync();
        var manifest = new PackageManifest(PackageFormat.Format, Guid.NewGuid(), PackageFormat.ItemsKind, 5, "FIA AHTC Islamabad", fia.SigningKey, police.EncryptionKey,
            DateTime.UtcNow, [new PackageItem("intelligence", Guid.NewGuid(), "H0", null, "A", 1, null, "Forged", "Forged lead")], []);
        using var impostor = Key.Create(SignatureAlgorithm.Ed25519);
        var forged = PackageFormat.Seal(manifest, impostor, Convert.FromBase64String(police.EncryptionKey));

        var error = await Assert.ThrowsAsync<ValidationException>(() => _police.ImportAsync(forged));

        Assert.Contains("signature", error.Message, StringComparison.Ordinal);
        Assert.Empty((await _police.OverviewAsync()).ReceivedItems);
    }

    [Fact]
    public async Task Import_Twice_IsRefusedAsReplay()
    {
        var file = await IntelligencePackageAsync("Lead one.");
        await _police.ImportAsync(file);

        var error = await Assert.ThrowsAsync<ValidationException>(() => _police.ImportAsync(file));

        Assert.Contains("Replay", error.Message, StringComparison.Ordinal);
        Assert.Single((await _police.OverviewAsync()).ReceivedItems);
    }

    [Fact]
    public async Task Import_OlderSequenceAfterNewer_IsRefusedAsReplay()
    {
        var first = await IntelligencePackageAsync("Lead one.");
        var second = await IntelligencePackageAsync("Lead two.");
        await _police.ImportAsync(second);

        var error = await Assert.ThrowsAsync<ValidationException>(() => _police.ImportAsync(first));

        Assert.Contains("Replay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FromUnregisteredSender_IsRefusedAndAudited()
    {
        await using var stranger = await SharingInstallation.CreateAsync("Unknown Agency");
        var policeAtStranger = await stranger.RegisterAsync(_police, "Punjab Police");
        var strangerCase = await stranger.CaseAsync("UNK-1");
        var item = await stranger.IntelligenceAsync(strangerCase, "Unverified tip.", "H0");
        var file = await stranger.FileAsync((await stranger.PackageAsync(policeAtStranger.Id, new CreatePackage.Item("intelligence", item.Id))).Id);

        var error = await Assert.ThrowsAsync<ValidationException>(() => _police.ImportAsync(file));

        Assert.Contains("not a registered partner", error.Message, StringComparison.Ordinal);
        var refused = await _police.Run(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == "sharing.package.refused"));
        Assert.Equal(1, refused);
    }

    [Fact]
    public async Task Import_AtAnotherInstallation_CannotDecrypt()
    {
        var file = await IntelligencePackageAsync("For the police only.");
        await using var other = await SharingInstallation.CreateAsync("Sindh Police Karachi");
        await other.RegisterAsync(_fia, "FIA AHTC Islamabad");

        var error = await Assert.ThrowsAsync<ValidationException>(() => other.ImportAsync(file));
        // Pointing the header at the other installation's key breaks the binding of the header to the ciphertext.
        var otherKey = (await other.KeysAsync()).EncryptionKey;
        var envelope = System.Text.Json.JsonSerializer.Deserialize(file, PackageJson.Default.PackageEnvelope)!;
        var header = System.Text.Json.JsonSerializer.Deserialize(Convert.FromBase64String(envelope.Header), PackageJson.Default.PackageHeader)!;
        var newHeader = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(header with { Recipient = otherKey }, PackageJson.Default.PackageHeader);
        var redirected = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(envelope with { Header = Convert.ToBase64String(newHeader) }, PackageJson.Default.PackageEnvelope);
        var redirectedError = await Assert.ThrowsAsync<ValidationException>(() => other.ImportAsync(redirected));

        Assert.Contains("another installation", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not decrypt", redirectedError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ImportedAtRecipient_TombstonesTheItem()
    {
        var item = await _fia.IntelligenceAsync(_case, "Informant saw two girls moved at night.", "H0");
        var package = await _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("intelligence", item.Id));
        await _police.ImportAsync(await _fia.FileAsync(package.Id));

        var revocation = await _fia.Run(sp => sp.GetRequiredService<RevokeItem.Handler>().Handle(_fia.Investigator, item.Id, CancellationToken.None));
        var result = await _police.ImportAsync(await _fia.FileAsync(Assert.Single(revocation.Packages).Id));
        var received = Assert.Single((await _police.OverviewAsync()).ReceivedItems);

        Assert.Equal("revocation", result.Kind);
        Assert.Equal(1, result.ItemsRevoked);
        Assert.True(received.Revoked);
        Assert.Equal("", received.Content);
        Assert.Equal(item.Id, received.OriginalId);
        await Assert.ThrowsAsync<NotFoundException>(() => _fia.Run(sp => sp.GetRequiredService<RevokeItem.Handler>().Handle(_fia.Investigator, item.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task CreatePackage_H2Intelligence_IsRefusedAndNothingIsSent()
    {
        var item = await _fia.IntelligenceAsync(_case, "Source inside the recruitment agency.", "H2");

        var error = await Assert.ThrowsAsync<ValidationException>(() => _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("intelligence", item.Id)));

        Assert.Equal("items[0]", error.Field);
        Assert.StartsWith("H2", error.Message, StringComparison.Ordinal);
        Assert.Empty((await _fia.OverviewAsync()).Sent);
    }

    [Fact]
    public async Task CreatePackage_ReceivedH2Item_CannotBePassedOn()
    {
        var item = await _fia.IntelligenceAsync(_case, "Lead for the police.", "H0");
        var package = await _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("case", _case.Value, "H2", "B", "2"), new CreatePackage.Item("intelligence", item.Id));
        await _police.ImportAsync(await _fia.FileAsync(package.Id));
        var received = (await _police.OverviewAsync()).ReceivedItems;
        var h2 = Assert.Single(received, r => r.HandlingCode == "H2");
        var h0 = Assert.Single(received, r => r.HandlingCode == "H0");

        var error = await Assert.ThrowsAsync<ValidationException>(() => _police.PackageAsync(_fiaAtPolice.Id, new CreatePackage.Item("received", h2.Id)));
        var passedOn = await _police.PackageAsync(_fiaAtPolice.Id, new CreatePackage.Item("received", h0.Id));

        Assert.StartsWith("H2", error.Message, StringComparison.Ordinal);
        Assert.False(h2.MayBePassedOn);
        Assert.Equal(1, passedOn.ItemCount);
    }

    [Fact]
    public async Task CreatePackage_PersonWithoutConsentBasis_IsRefused()
    {
        var person = await PersonAsync();

        var none = await Assert.ThrowsAsync<ValidationException>(() => _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("person", person, "H0", "B", "2")));
        var noConsent = await Assert.ThrowsAsync<ValidationException>(() => _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("person", person, "H0", "B", "2", "recorded-consent")));
        var cooperation = await _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("person", person, "H0", "B", "2", "law-enforcement-cooperation"));
        var imported = await _police.ImportAsync(await _fia.FileAsync(cooperation.Id));

        Assert.Equal("items[0].consentBasis", none.Field);
        Assert.Equal("items[0].consentBasis", noConsent.Field);
        Assert.Equal(1, imported.ItemsImported);
        var received = Assert.Single((await _police.OverviewAsync()).ReceivedItems);
        Assert.Equal("law-enforcement-cooperation", received.ConsentBasis);
        Assert.Contains("Nargis Akhtar", received.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePackage_PersonWithRecordedConsent_IsAccepted()
    {
        var person = await PersonAsync();
        var participant = await _fia.Run(async sp => (await sp.GetRequiredService<GetCase.Handler>().Handle(CoreHarness.Operator, _case, CancellationToken.None)).People[0].ParticipantId);
        await _fia.Run(sp => sp.GetRequiredService<RecordConsent.Handler>().Handle(_fia.Investigator, participant,
            new RecordConsent.Request("ur", null, [new RecordConsent.Grant("LegalAid", null, ["Identity"])]), CancellationToken.None));

        var package = await _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("person", person, "H1", "B", "2", "recorded-consent"));

        Assert.Equal(1, package.ItemCount);
    }

    [Fact]
    public async Task ExportCase_WithH1MaterialReceived_LeavesItOut()
    {
        var item = await _fia.IntelligenceAsync(_case, "Informant codename KESTREL saw the ledger.", "H1");
        var package = await _fia.PackageAsync(_policeAtFia.Id, new CreatePackage.Item("intelligence", item.Id));
        await _police.ImportAsync(await _fia.FileAsync(package.Id));
        var policeCase = await _police.CaseAsync("PP-0001");

        var document = await _police.Run(sp => sp.GetRequiredService<ExportCase.Handler>().Handle(_police.Investigator, policeCase, CancellationToken.None));
        var json = System.Text.Json.JsonSerializer.Serialize(document, CaseDocument.JsonOptions);

        Assert.DoesNotContain("KESTREL", json, StringComparison.Ordinal);
        Assert.Contains("KESTREL", Assert.Single((await _police.OverviewAsync()).ReceivedItems).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personas_WhoMayManageSendAndReceive()
    {
        var caseworker = new Actor(UserId.New(), "cw", _police.Organisation, Role.Caseworker, "test");
        var analyst = new Actor(UserId.New(), "an", _police.Organisation, Role.Analyst, "test");
        var prosecutor = new Actor(UserId.New(), "pr", _police.Organisation, Role.Prosecutor, "test");
        var file = await IntelligencePackageAsync("Lead.");
        var keys = await _fia.KeysAsync();

        foreach (var actor in new[] { caseworker, analyst, prosecutor })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => _police.ImportAsync(file, actor));
            await Assert.ThrowsAsync<ForbiddenException>(() => _police.Run(sp => sp.GetRequiredService<ListPackages.Handler>().Handle(actor, CancellationToken.None)));
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => _police.Run(sp => sp.GetRequiredService<AddPartner.Handler>().Handle(_police.Investigator,
            new AddPartner.Request("Another", keys.SigningKey, keys.EncryptionKey), CancellationToken.None)));
        Assert.Equal(1, (await _police.ImportAsync(file)).ItemsImported);
    }

    private async Task<Guid> PersonAsync() =>
        await _fia.Run(async sp => (await sp.GetRequiredService<GetCase.Handler>().Handle(CoreHarness.Operator, _case, CancellationToken.None)).People[0].PersonId);
}
