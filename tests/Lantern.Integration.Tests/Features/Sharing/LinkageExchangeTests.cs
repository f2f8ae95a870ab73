using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lantern.Core.Features.Sharing;
using Lantern.Integration.Tests.Infrastructure;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.Sharing;

/// <summary>
/// Privacy-preserving matching between two installations (ADR 0025): the FIA's encodes its victims and suspects for
/// the police's, which matches them against its own persons and sees possible common persons (its own person and
/// whom to contact, no score); agreements to share details travel back as signed packages.
/// </summary>
public sealed class LinkageExchangeTests : IAsyncLifetime
{
    private const string Secret = "q3Jx9vT2mW8kLp4ZrB6nYc1HdF5sGa7E";
    private const string FiaName = "FIA AHTC Islamabad (partner installation)";
    private const string PoliceName = "Punjab Police Lahore (partner installation)";

    private static readonly string[] Victims = ["victim"];
    private static readonly string[] UnknownRole = ["victim,smuggler"];

    private LanternServer _fia = null!;
    private LanternServer _police = null!;
    private Guid _policeAtFia;
    private Guid _fiaAtPolice;

    public async Task InitializeAsync()
    {
        _fia = await LanternServer.StartAsync(Provider.Sqlite);
        _police = await LanternServer.StartAsync(Provider.Sqlite);
        _policeAtFia = (await RegisterAsync(_fia, _police, PoliceName)).Id;
        _fiaAtPolice = (await RegisterAsync(_police, _fia, FiaName)).Id;
        await _fia.ImportAsync("""
            { "format": "lantern-case/1", "case": { "reference": "FIA-LNK-0001", "cas_Status": "Active", "summary": "Girls recruited for domestic work in Dubai." },
              "persons": [ { "key": "v1", "role": "victim", "prs_FirstName": "Nasreen", "prs_SecondName": "Akhtar", "prs_Birthdate": "1998-04-12", "prs_Gender": "Feminine",
                             "identityDocuments": [ { "type": "CNIC", "number": "35202-1234567-4" } ] },
                           { "key": "v2", "role": "victim", "prs_FirstName": "Shazia", "prs_SecondName": "Parveen", "prs_Birthdate": "2001-09-30", "prs_Gender": "Feminine" },
                           { "key": "s1", "role": "suspect", "prs_FirstName": "Tariq", "prs_SecondName": "Mehmood", "prs_Birthdate": "1979-01-05", "prs_Gender": "Masculine",
                             "identityDocuments": [ { "type": "CNIC", "number": "61101-7654321-3" } ] },
                           { "key": "w1", "role": "witness", "prs_FirstName": "Bashir", "prs_SecondName": "Ahmed", "prs_Birthdate": "1965-02-02", "prs_Gender": "Masculine" } ] }
            """);
        await _police.ImportAsync("""
            { "format": "lantern-case/1", "case": { "reference": "LHR-LNK-0009", "cas_Status": "Active", "summary": "Raid on a house in Gulberg." },
              "persons": [ { "key": "v1", "role": "victim", "prs_FirstName": "Nasrin", "prs_SecondName": "Akhtar", "prs_Birthdate": "1998-04-12", "prs_Gender": "Feminine",
                             "identityDocuments": [ { "type": "CNIC", "number": "3520212345674" } ] },
                           { "key": "s1", "role": "suspect", "prs_FirstName": "Tariq", "prs_SecondName": "Mahmood", "prs_Birthdate": "1979-01-05", "prs_Gender": "Masculine",
                             "identityDocuments": [ { "type": "CNIC", "number": "61101-7654321-3" } ] },
                           { "key": "s2", "role": "suspect", "prs_FirstName": "Imran", "prs_SecondName": "Qureshi", "prs_Birthdate": "1990-11-11", "prs_Gender": "Masculine" },
                           { "key": "w1", "role": "witness", "prs_FirstName": "Bashir", "prs_SecondName": "Ahmed", "prs_Birthdate": "1965-02-02", "prs_Gender": "Masculine" } ] }
            """);
    }

    public async Task DisposeAsync()
    {
        await _fia.DisposeAsync();
        await _police.DisposeAsync();
    }

    private static async Task<PartnerView> RegisterAsync(LanternServer at, LanternServer partner, string name)
    {
        var keys = await partner.GetJsonAsync<InstallationKeysView>(AdministratorA, "/api/v1/sharing/keys");
        using var client = at.Client(AdministratorA);
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/sharing/partners", UriKind.Relative), new { name, signingKey = keys.SigningKey, encryptionKey = keys.EncryptionKey });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PartnerView>(Json.Options))!;
    }

    private static async Task<HttpResponseMessage> SetSecretAsync(LanternServer server, Persona persona, Guid partner, string secret)
    {
        using var client = server.Client(persona);
        return await client.PutAsJsonAsync(new Uri($"/api/v1/sharing/partners/{partner}/linkage-secret", UriKind.Relative), new { secret });
    }

    private async Task<byte[]> SendEncodingsAsync(string roles = "victim,suspect")
    {
        using var client = _fia.Client(InvestigatorA);
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/sharing/linkage/encodings", UriKind.Relative),
            new { partnerId = _policeAtFia, roles = new[] { roles }, consentBasis = "law-enforcement-cooperation" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<LinkageSendResult>(Json.Options))!;
        return await client.GetByteArrayAsync(new Uri($"/api/v1/sharing/packages/{result.Package.Id}/file", UriKind.Relative));
    }

    private static async Task<HttpResponseMessage> ImportAsync(LanternServer server, byte[] file)
    {
        using var client = server.Client(InvestigatorA);
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(new Uri("/api/v1/sharing/packages/import", UriKind.Relative), content);
    }

    private static async Task<(string Raw, List<LinkagePairView> Pairs)> PairsAsync(LanternServer server, Persona persona = InvestigatorA)
    {
        using var client = server.Client(persona);
        var raw = await client.GetStringAsync(new Uri("/api/v1/sharing/linkage/pairs", UriKind.Relative));
        return (raw, System.Text.Json.JsonSerializer.Deserialize<List<LinkagePairView>>(raw, Json.Options)!);
    }

    private static async Task<byte[]> AgreeAsync(LanternServer server, Guid pair)
    {
        using var client = server.Client(InvestigatorA);
        using var response = await client.PostAsync(new Uri($"/api/v1/sharing/linkage/pairs/{pair}/agree", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<LinkageAgreementResult>(Json.Options))!;
        return await client.GetByteArrayAsync(new Uri($"/api/v1/sharing/packages/{result.Package.Id}/file", UriKind.Relative));
    }

    [Fact]
    public async Task Exchange_CommonPersons_AreFoundWithoutScores_AndAgreementsTravelBothWays()
    {
        Assert.Equal(HttpStatusCode.OK, (await SetSecretAsync(_fia, AdministratorA, _policeAtFia, Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SetSecretAsync(_police, AdministratorA, _fiaAtPolice, Secret)).StatusCode);
        var file = await SendEncodingsAsync();

        using var imported = await ImportAsync(_police, file);
        var result = (await imported.Content.ReadFromJsonAsync<ImportResult>(Json.Options))!;
        var (raw, pairs) = await PairsAsync(_police);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, result.EncodingsReceived); // two victims and a suspect; the witness is out of scope
        Assert.Equal(2, result.PossibleCommonPersons);
        Assert.Equal(["Nasrin Akhtar", "Tariq Mahmood"], pairs.Select(p => p.PersonName).Order(StringComparer.Ordinal));
        Assert.All(pairs, p => Assert.Equal(FiaName, p.PartnerName));
        Assert.All(pairs, p => Assert.Equal("possible", p.Status));
        foreach (var leak in new[] { "score", "similarity", "dice", "Nasreen", "Mehmood", "Shazia", "35202" })
        {
            Assert.DoesNotContain(leak, raw, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Empty((await _police.GetJsonAsync<SharingOverview>(InvestigatorA, "/api/v1/sharing/packages")).ReceivedItems);

        // the police agree on one pair; the FIA learns of it only then, with its own person
        var nasrin = pairs.Single(p => p.PersonName == "Nasrin Akhtar");
        using var agreement = await ImportAsync(_fia, await AgreeAsync(_police, nasrin.Id));
        Assert.Equal(HttpStatusCode.OK, agreement.StatusCode);
        var (fiaRaw, fiaPairs) = await PairsAsync(_fia);
        var atFia = Assert.Single(fiaPairs);
        Assert.Equal("Nasreen Akhtar", atFia.PersonName);
        Assert.Equal(nasrin.Reference, atFia.Reference);
        Assert.Equal("partner-agreed", atFia.Status);
        Assert.DoesNotContain("Nasrin", fiaRaw, StringComparison.Ordinal);

        using var back = await ImportAsync(_police, await AgreeAsync(_fia, atFia.Id));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("both-agreed", (await PairsAsync(_fia)).Pairs.Single().Status);
        Assert.Equal("both-agreed", (await PairsAsync(_police)).Pairs.Single(p => p.Id == nasrin.Id).Status);
        Assert.DoesNotContain(_police.Logs.Lines.Concat(_fia.Logs.Lines), l => l.Contains("Nasr", StringComparison.Ordinal) || l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_ReplayedOrTamperedEncodings_AreRefusedAndAddNoPairs()
    {
        await SetSecretAsync(_fia, AdministratorA, _policeAtFia, Secret);
        await SetSecretAsync(_police, AdministratorA, _fiaAtPolice, Secret);
        var file = await SendEncodingsAsync();
        var tampered = (byte[])file.Clone();
        tampered[file.Length / 2] ^= 0x01;

        using var altered = await ImportAsync(_police, tampered);
        using var first = await ImportAsync(_police, file);
        using var replayed = await ImportAsync(_police, file);

        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("Replay", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await PairsAsync(_police)).Pairs.Count);
    }

    [Fact]
    public async Task Import_WrongSecret_IsRefusedAndFindsNothing_ThenImportsWithTheAgreedOne()
    {
        await SetSecretAsync(_fia, AdministratorA, _policeAtFia, Secret);
        await SetSecretAsync(_police, AdministratorA, _fiaAtPolice, "another secret entirely, 32 chars");
        var file = await SendEncodingsAsync();

        using var wrong = await ImportAsync(_police, file);
        var problem = await wrong.Content.ReadAsStringAsync();
        var afterWrong = (await PairsAsync(_police)).Pairs;
        await SetSecretAsync(_police, AdministratorA, _fiaAtPolice, Secret);
        using var right = await ImportAsync(_police, file);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("different secrets", problem, StringComparison.Ordinal);
        Assert.Empty(afterWrong);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(2, (await PairsAsync(_police)).Pairs.Count);
    }

    [Fact]
    public async Task SendEncodings_WithoutSecretOrBasis_IsRefusedNamingTheField()
    {
        using var client = _fia.Client(InvestigatorA);
        using var noSecret = await client.PostAsJsonAsync(new Uri("/api/v1/sharing/linkage/encodings", UriKind.Relative),
            new { partnerId = _policeAtFia, roles = Victims, consentBasis = "law-enforcement-cooperation" });
        await SetSecretAsync(_fia, AdministratorA, _policeAtFia, Secret);
        using var noBasis = await client.PostAsJsonAsync(new Uri("/api/v1/sharing/linkage/encodings", UriKind.Relative),
            new { partnerId = _policeAtFia, roles = Victims });
        using var badRole = await client.PostAsJsonAsync(new Uri("/api/v1/sharing/linkage/encodings", UriKind.Relative),
            new { partnerId = _policeAtFia, roles = UnknownRole, consentBasis = "vital-interests" });
        using var shortSecret = await SetSecretAsync(_fia, AdministratorA, _policeAtFia, "short");

        Assert.Equal(HttpStatusCode.BadRequest, noSecret.StatusCode);
        Assert.Contains("partnerId", await noSecret.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noBasis.StatusCode);
        Assert.Contains("consentBasis", await noBasis.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("smuggler", await badRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, shortSecret.StatusCode);
        Assert.Contains("\"secret\"", await shortSecret.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AdministratorA, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(InvestigatorA, HttpStatusCode.Forbidden, HttpStatusCode.OK)]
    [InlineData(AnalystA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(ProsecutorA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(CaseworkerA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(AuditorA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Anonymous, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    public async Task Personas_SecretAndPairs(Persona persona, HttpStatusCode secret, HttpStatusCode pairs)
    {
        using var client = _police.Client(persona);

        using var set = await SetSecretAsync(_police, persona, _fiaAtPolice, Secret);
        using var list = await client.GetAsync(new Uri("/api/v1/sharing/linkage/pairs", UriKind.Relative));

        Assert.Equal(secret, set.StatusCode);
        Assert.Equal(pairs, list.StatusCode);
    }

    [Fact]
    public async Task Pairs_OfAnotherOrganisation_AreNotFound()
    {
        await SetSecretAsync(_fia, AdministratorA, _policeAtFia, Secret);
        await SetSecretAsync(_police, AdministratorA, _fiaAtPolice, Secret);
        await ImportAsync(_police, await SendEncodingsAsync());
        var pair = (await PairsAsync(_police)).Pairs[0];

        using var other = _police.Client(InvestigatorB);
        using var agree = await other.PostAsync(new Uri($"/api/v1/sharing/linkage/pairs/{pair.Id}/agree", UriKind.Relative), null);
        var listed = await other.GetStringAsync(new Uri("/api/v1/sharing/linkage/pairs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, agree.StatusCode);
        Assert.Equal("[]", listed);
    }

    [Fact]
    public async Task Cli_SecretSendImportPairsAgree_RoundTrip()
    {
        var secretFile = Path.Combine(_fia.Database.DataFolder, "linkage.secret");
        await File.WriteAllTextAsync(secretFile, Secret + "\n");
        var package = Path.Combine(_fia.Database.DataFolder, "encodings.json");
        var agreement = Path.Combine(_police.Database.DataFolder, "agreement.json");
        var admin = LanternServer.Username(AdministratorA);
        var investigator = LanternServer.Username(InvestigatorA);

        var fiaSecret = await Infrastructure.Cli.RunAsync(_fia.Database, null, "sharing", "linkage", "secret", "--partner", PoliceName, "--secret-file", secretFile, "--as", admin);
        var policeSecret = await Infrastructure.Cli.RunAsync(_police.Database, null, "sharing", "linkage", "secret", "--partner", FiaName, "--secret-file", secretFile, "--as", admin);
        var refused = await Infrastructure.Cli.RunAsync(_fia.Database, null, "sharing", "linkage", "secret", "--partner", PoliceName, "--secret-file", secretFile, "--as", investigator);
        var sent = await Infrastructure.Cli.RunAsync(_fia.Database, null, "sharing", "linkage", "send", "--partner", PoliceName, "--roles", "victim,suspect",
            "--basis", "law-enforcement-cooperation", "--out", package, "--as", investigator);
        var imported = await Infrastructure.Cli.RunAsync(_police.Database, null, "sharing", "package", "import", package, "--as", investigator);
        var pairs = await Infrastructure.Cli.RunAsync(_police.Database, null, "sharing", "linkage", "pairs", "--as", investigator);
        Assert.True(imported.ExitCode == 0 && pairs.ExitCode == 0, imported.Stderr + pairs.Stderr + sent.Stderr);
        var pairId = pairs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Split('\t')[0];
        var agreed = await Infrastructure.Cli.RunAsync(_police.Database, null, "sharing", "linkage", "agree", pairId, "--out", agreement, "--as", investigator);
        var back = await Infrastructure.Cli.RunAsync(_fia.Database, null, "sharing", "package", "import", agreement, "--as", investigator);
        var fiaPairs = await Infrastructure.Cli.RunAsync(_fia.Database, null, "sharing", "linkage", "pairs", "--as", investigator);

        Assert.Equal(0, fiaSecret.ExitCode);
        Assert.Equal(fiaSecret.Stdout.Split('\t')[^1], policeSecret.Stdout.Split('\t')[^1]); // the same key check on both sides
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Equal(0, sent.ExitCode);
        Assert.Contains("3 person(s) encoded", sent.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, imported.ExitCode);
        Assert.Equal(2, pairs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\tpossible", pairs.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Mehmood", pairs.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, agreed.ExitCode);
        Assert.Equal(0, back.ExitCode);
        Assert.Contains("\tpartner-agreed", fiaPairs.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, string.Concat(fiaSecret.Stdout, fiaSecret.Stderr, sent.Stdout, sent.Stderr), StringComparison.Ordinal);
    }
}
