using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lantern.Core.Features.Sharing;
using Lantern.Integration.Tests.Infrastructure;
using OtpNet;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.Sharing;

/// <summary>
/// Two installations (two servers, each with its own database and keys): the FIA's sends a package to the police's,
/// through the API, the CLI and the pages; H2 items cannot be passed on through any of them; who may do what.
/// </summary>
public sealed partial class SharingApiTests : IAsyncLifetime
{
    private LanternServer _fia = null!;
    private LanternServer _police = null!;
    private Guid _policeAtFia;
    private Guid _case;

    public async Task InitializeAsync()
    {
        _fia = await LanternServer.StartAsync(Provider.Sqlite);
        _police = await LanternServer.StartAsync(Provider.Sqlite);
        _policeAtFia = (await RegisterAsync(_fia, _police, "Punjab Police Lahore (partner installation)")).Id;
        await RegisterAsync(_police, _fia, "FIA AHTC Islamabad (partner installation)");
        _case = await _fia.ImportAsync("""{ "format": "lantern-case/1", "case": { "reference": "SHARE-0001", "cas_Status": "Active", "summary": "Kiln raid." }, "persons": [] }""");
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

    private async Task<Guid> IntelligenceAsync(string text, string handling)
    {
        using var client = _fia.Client(InvestigatorA);
        using var response = await client.PostAsJsonAsync(new Uri($"/api/v1/cases/{_case}/intelligence", UriKind.Relative),
            new { text, sourceReliability = "B", informationAccuracy = "2", handlingCode = handling });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private async Task<HttpResponseMessage> CreateAsync(Persona persona, object item)
    {
        using var client = _fia.Client(persona);
        return await client.PostAsJsonAsync(new Uri("/api/v1/sharing/packages", UriKind.Relative), new { partnerId = _policeAtFia, items = new[] { item } });
    }

    private static async Task<HttpResponseMessage> ImportAsync(LanternServer server, Persona persona, byte[] file)
    {
        using var client = server.Client(persona);
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(new Uri("/api/v1/sharing/packages/import", UriKind.Relative), content);
    }

    [Fact]
    public async Task Package_SentByOneInstallation_IsImportedByTheOther_OnceOnly()
    {
        var item = await IntelligenceAsync("The agent meets recruits at Faisalabad bus stand.", "H1");
        using var created = await CreateAsync(InvestigatorA, new { kind = "intelligence", id = item });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var package = (await created.Content.ReadFromJsonAsync<PackageView>(Json.Options))!;
        using var fia = _fia.Client(InvestigatorA);
        var file = await fia.GetByteArrayAsync(new Uri($"/api/v1/sharing/packages/{package.Id}/file", UriKind.Relative));

        using var imported = await ImportAsync(_police, InvestigatorA, file);
        using var replayed = await ImportAsync(_police, InvestigatorA, file);
        var tampered = (byte[])file.Clone();
        tampered[file.Length / 3] ^= 0x20;
        using var altered = await ImportAsync(_police, InvestigatorA, tampered);
        var overview = await _police.GetJsonAsync<SharingOverview>(InvestigatorA, "/api/v1/sharing/packages");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("Replay", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        var received = Assert.Single(overview.ReceivedItems);
        Assert.Equal("The agent meets recruits at Faisalabad bus stand.", received.Content);
        Assert.Equal("H1", received.HandlingCode);
        Assert.Equal(item, received.OriginalId);
        Assert.Equal("FIA AHTC Islamabad (partner installation)", received.SenderName);
        Assert.DoesNotContain(_police.Logs.Lines, l => l.Contains("Faisalabad bus stand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreatePackage_H2Item_IsRefusedThroughTheApi()
    {
        var item = await IntelligenceAsync("Source inside the recruitment agency.", "H2");

        using var response = await CreateAsync(InvestigatorA, new { kind = "intelligence", id = item });
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("items[0]", problem, StringComparison.Ordinal);
        Assert.Contains("H2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePackage_H2Item_IsRefusedThroughTheCli()
    {
        var item = await IntelligenceAsync("Source inside the recruitment agency.", "H2");
        var output = Path.Combine(_fia.Database.DataFolder, "out.json");

        var result = await Infrastructure.Cli.RunAsync(_fia.Database, null, "sharing", "package", "create", "--partner", "Punjab Police Lahore (partner installation)",
            "--item", "intelligence:" + item, "--out", output, "--organisation", LanternServer.OrganisationA);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("H2", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task CreatePackage_H2Item_IsRefusedOnThePage()
    {
        var item = await IntelligenceAsync("Source inside the recruitment agency.", "H2");
        using var browser = new FormBrowser(_fia.Address);
        await SignInWithSecondFactorAsync(browser, LanternServer.Username(InvestigatorA));

        var landed = await browser.PostFormAsync($"/sharing/new?case={_case}", $"/sharing/new?case={_case}",
            new() { ["PartnerId"] = _policeAtFia.ToString(), ["Selected"] = "intelligence:" + item });

        Assert.Equal("/sharing/new", landed.AbsolutePath);
        Assert.Contains("H2: I-", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("cannot go into a package", browser.LastPage, StringComparison.Ordinal);
        Assert.Empty((await _fia.GetJsonAsync<SharingOverview>(InvestigatorA, "/api/v1/sharing/packages")).Sent);
    }

    [Fact]
    public async Task CliPackage_CreatedAtOneInstallation_ImportsAtTheOther()
    {
        var item = await IntelligenceAsync("Lead passed on by the CLI.", "H0");
        var file = Path.Combine(_fia.Database.DataFolder, "cli-package.json");

        var created = await Infrastructure.Cli.RunAsync(_fia.Database, null, "sharing", "package", "create", "--partner", "Punjab Police Lahore (partner installation)",
            "--item", "intelligence:" + item, "--out", file, "--organisation", LanternServer.OrganisationA);
        var imported = await Infrastructure.Cli.RunAsync(_police.Database, null, "sharing", "package", "import", file, "--organisation", LanternServer.OrganisationA);
        var again = await Infrastructure.Cli.RunAsync(_police.Database, null, "sharing", "package", "import", file, "--organisation", LanternServer.OrganisationA);

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("1 imported", imported.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("Replay", again.Stderr, StringComparison.Ordinal);

        // Lists: rows on stdout, the count and column legend on stderr.
        var partners = await Infrastructure.Cli.RunAsync(_fia.Database, null, "sharing", "partners", "list", "--organisation", LanternServer.OrganisationA);
        Assert.Equal(0, partners.ExitCode);
        Assert.Contains("\tPunjab Police Lahore (partner installation)\t", partners.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("1 partner(s): id, name,", partners.Stderr, StringComparison.Ordinal);
        var packages = await Infrastructure.Cli.RunAsync(_police.Database, null, "sharing", "package", "list", "--organisation", LanternServer.OrganisationA);
        Assert.Equal(0, packages.ExitCode);
        Assert.Contains("package(s): id, direction,", packages.Stderr, StringComparison.Ordinal);
        Assert.Contains("\treceived\t", packages.Stdout.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_PackageMadeAtOneInstallation_IsImportedAtTheOther()
    {
        var item = await IntelligenceAsync("Lead sent through the pages.", "H0");
        using var sender = new FormBrowser(_fia.Address);
        await SignInWithSecondFactorAsync(sender, LanternServer.Username(InvestigatorA));
        var made = await sender.PostFormAsync($"/sharing/new?case={_case}", $"/sharing/new?case={_case}",
            new() { ["PartnerId"] = _policeAtFia.ToString(), ["Selected"] = "intelligence:" + item });
        Assert.Equal("/sharing", made.AbsolutePath);
        var link = DownloadPattern().Match(sender.LastPage).Groups[1].Value;
        var file = await sender.Client.GetByteArrayAsync(new Uri(link, UriKind.Relative));

        using var receiver = new FormBrowser(_police.Address);
        await SignInWithSecondFactorAsync(receiver, LanternServer.Username(InvestigatorA));
        var page = await receiver.GetAsync("/sharing");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "package.json" },
        };
        using var posted = await receiver.Client.PostAsync(new Uri("/sharing?handler=import", UriKind.Relative), form);
        var landed = await receiver.GetAsync("/sharing");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("1 item(s)", landed, StringComparison.Ordinal);
        Assert.Contains("Lead sent through the pages.", landed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AdministratorA, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(InvestigatorA, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(ProsecutorA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(CaseworkerA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(AnalystA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(AuditorA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Anonymous, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    public async Task Personas_ManageSendReceive(Persona persona, HttpStatusCode keys, HttpStatusCode partners, HttpStatusCode packages)
    {
        using var client = _fia.Client(persona);

        Assert.Equal(keys, (await client.GetAsync(new Uri("/api/v1/sharing/keys", UriKind.Relative))).StatusCode);
        Assert.Equal(partners, (await client.GetAsync(new Uri("/api/v1/sharing/partners", UriKind.Relative))).StatusCode);
        Assert.Equal(packages, (await client.GetAsync(new Uri("/api/v1/sharing/packages", UriKind.Relative))).StatusCode);
        using var add = await client.PostAsJsonAsync(new Uri("/api/v1/sharing/partners", UriKind.Relative), new { name = "X", signingKey = "", encryptionKey = "" });
        Assert.Equal(persona switch { AdministratorA => HttpStatusCode.BadRequest, Anonymous => HttpStatusCode.Unauthorized, _ => HttpStatusCode.Forbidden }, add.StatusCode);
    }

    private static async Task SignInWithSecondFactorAsync(FormBrowser browser, string username)
    {
        await browser.SignInAsync(username, LanternServer.Password);
        var secret = SecretPattern().Match(await browser.GetAsync("/login/enrol")).Groups[1].Value;
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);
        await browser.PostFormAsync("/login/enrol", "/login/enrol", new() { ["Code"] = code });
    }

    [GeneratedRegex("href=\"(/sharing/packages/[0-9a-f-]+/file)\"")]
    private static partial Regex DownloadPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<code id=\"totp-secret\">([A-Z2-7]+)</code>")]
    private static partial Regex SecretPattern();
}
