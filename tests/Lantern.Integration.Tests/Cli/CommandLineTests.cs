using System.Net;
using System.Text.Json.Nodes;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Lantern.Integration.Tests.Cli;

/// <summary>The CLI as an operator uses it, in its own process, while the server runs on the same database.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private LanternServer _server = null!;
    private string _files = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        _files = Path.Combine(_server.Database.DataFolder, "files");
        Directory.CreateDirectory(_files);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<CliResult> Run(params string[] args) => Infrastructure.Cli.RunAsync(_server.Database, null, args);

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_files, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    [Fact]
    public async Task ImportThenExport_WhileServing_RoundTripsAndTheServerSeesIt()
    {
        var document = CaseDocuments.Victim("CLI-RT-0001", "Kiran", "Shahzadi", "33100-5555555-5", "+923335555555");
        var import = await Run("cases", "import", await WriteAsync("one.json", document), "--organisation", LanternServer.OrganisationA);
        Assert.True(import.ExitCode == 0, import.Stderr);
        var id = Guid.Parse(import.Stdout.Trim());

        var export = await Run("cases", "export", id.ToString());
        Assert.Equal(0, export.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(document), JsonNode.Parse(export.Stdout)), export.Stdout);

        using var api = _server.Client(Persona.InvestigatorA);
        using var response = await api.GetAsync(new Uri($"/api/v1/cases/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Import_FileWithOneBadCase_StoresNoneAndNamesFileCaseAndField()
    {
        var before = await _server.CountCasesAsync();
        var bad = CaseDocuments.Victim("CLI-BAD-2").Replace("\"2010-05\"", "\"2010-5-40\"", StringComparison.Ordinal);
        var path = await WriteAsync("batch.json", $"[{CaseDocuments.Victim("CLI-GOOD-1")}, {bad}]");
        var result = await Run("cases", "import", path);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("batch.json", line, StringComparison.Ordinal);
        Assert.Contains("[1].persons[0].prs_Birthdate", line, StringComparison.Ordinal);
        Assert.Equal(before, await _server.CountCasesAsync());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Import_MissingFile_FailsWithOneLine()
    {
        var result = await Run("cases", "import", Path.Combine(_files, "nope.json"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("nope.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_ReadsPasswordFromStdin_AndRefusesAWeakOne()
    {
        // Through the shipped executable: the password arrives on a real pipe, as an operator's script gives it.
        var weak = await Infrastructure.Cli.RunProcessAsync(_server.Database, "password12345\n", "users", "add", "--username", "cli.weak", "--organisation", LanternServer.OrganisationA, "--role", "caseworker");
        Assert.Equal(2, weak.ExitCode);
        Assert.StartsWith("error: password:", weak.Stderr.Trim(), StringComparison.Ordinal);

        var ok = await Infrastructure.Cli.RunProcessAsync(_server.Database, "Shelter intake desk 2026\n", "users", "add", "--username", "cli.caseworker", "--organisation", LanternServer.OrganisationB, "--role", "caseworker");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        var token = await Run("tokens", "create", "--username", "cli.caseworker", "--days", "2");
        Assert.Equal(0, token.ExitCode);
        using var client = new HttpClient { BaseAddress = new Uri(_server.Address) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Stdout.Trim());
        var me = await client.GetStringAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Contains("cli.caseworker", me, StringComparison.Ordinal);

        var list = await Run("tokens", "list", "--username", "cli.caseworker");
        var tokenId = list.Stdout.Split('\t')[0];
        Assert.Equal(0, (await Run("tokens", "revoke", tokenId)).ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AuditVerify_ReportsIntact_ThenNamesTheFirstEditedEntry()
    {
        await _server.ImportAsync(CaseDocuments.Victim("CLI-AUD-1"));
        var intact = await Run("audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.Stderr);
        Assert.Contains("intact", intact.Stdout, StringComparison.Ordinal);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_server.Database.DataFolder, "lantern.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit_log SET Action = 'case.view' WHERE Sequence = 3";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var broken = await Run("audit", "verify");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("entry 3", broken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRotate_ReencryptsEverything_AndTheRunningServerStillReads()
    {
        var id = await _server.ImportAsync(CaseDocuments.Victim("CLI-KEY-1", "Sadia", "Noreen"));
        var rotate = await Run("keys", "rotate");
        Assert.True(rotate.ExitCode == 0, rotate.Stderr);
        Assert.Contains("key version 2", rotate.Stdout, StringComparison.Ordinal);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_server.Database.DataFolder, "lantern.db")};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM persons WHERE FirstName LIKE 'v1:%'";
            Assert.Equal(0L, await command.ExecuteScalarAsync());
        }
        using var api = _server.Client(Persona.InvestigatorA);
        var body = await api.GetStringAsync(new Uri($"/api/v1/cases/{id}", UriKind.Relative));
        Assert.Contains("Sadia Noreen", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCaseId_ExitsNonZeroWithOneLine()
    {
        var result = await Run("cases", "export", Guid.NewGuid().ToString());
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: The case was not found.", result.Stderr.Trim());
    }
}
