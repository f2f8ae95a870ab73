using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Lantern.Integration.Tests.Infrastructure;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.Watchlists;

/// <summary>Lists, entries and imports through HTTP and the CLI.</summary>
public abstract class WatchlistApiTests(ServerFixture fixture)
{
    private const string Csv = "id,name,aliases,birth_date,nationality,national_id,passport,reason\nW-1,Imran Saleem Butt,عمران سلیم بٹ,1984-02-17,PK,35202-1234567-1,,Wanted\nW-2,Tariq Mehmood Gondal,,1979,PK,,AB1234567,Wanted\n";

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task ImportCsv_ThroughTheApi_ReplacesEntriesAndIsInTheHistory()
    {
        var server = fixture.Server;
        var list = await WatchlistScenario.CreateAsync(server, AdministratorA, "Wanted", "Import");
        using var client = server.Client(AdministratorA);
        using (var body = new StringContent(Csv, Encoding.UTF8, "text/csv"))
        using (var response = await client.PostAsync(Uri($"/api/v1/watchlists/{list}/imports?format=csv"), body))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal((1, 2), ((int)result["listVersion"]!, (int)result["added"]!));
        }
        using (var form = new MultipartFormDataContent())
        {
            using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv.Replace("W-2,Tariq Mehmood Gondal,,", "W-2,Tariq Mehmood Gondal,Tariq Gondal,", StringComparison.Ordinal)));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "wanted-v2.csv");
            using var response = await client.PostAsync(Uri($"/api/v1/watchlists/{list}/imports"), form);
            var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal((2, 1, 1), ((int)result["listVersion"]!, (int)result["changed"]!, (int)result["unchanged"]!));
        }
        var imports = JsonNode.Parse(await client.GetStringAsync(Uri($"/api/v1/watchlists/{list}/imports")))!.AsArray();
        Assert.Equal("wanted-v2.csv", (string?)imports[0]!["fileName"]);
        var items = JsonNode.Parse(await client.GetStringAsync(Uri($"/api/v1/watchlists/{list}/items?name=gondal")))!;
        var row = Assert.Single(items["rows"]!.AsArray())!;
        var history = JsonNode.Parse(await client.GetStringAsync(Uri($"/api/v1/watchlists/{list}/items/{(string)row["id"]!}/history")))!.AsArray();
        Assert.Equal(["Added", "Changed"], history.Select(h => (string)h!["change"]!));
    }

    [Fact]
    public async Task ImportCsv_BadBirthDate_IsProblemJsonNamingTheFieldAndWritesNothing()
    {
        var server = fixture.Server;
        var list = await WatchlistScenario.CreateAsync(server, AdministratorA, "Wanted", "Import");
        using var client = server.Client(AdministratorA);
        using var body = new StringContent(Csv + "W-3,Asif Rana,,yesterday,PK,,,\n", Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(Uri($"/api/v1/watchlists/{list}/imports?format=csv"), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("birth_date", (string?)problem["field"]);
        Assert.Contains("record 4", (string)problem["detail"]!, StringComparison.Ordinal);
        var view = JsonNode.Parse(await client.GetStringAsync(Uri($"/api/v1/watchlists/{list}")))!;
        Assert.Equal((0, 0), ((int)view["version"]!, (int)view["entries"]!));
    }

    [Fact]
    public async Task CreateList_WithoutKind_IsProblemJsonNamingTheField()
    {
        using var client = fixture.Server.Client(AdministratorA);
        using var response = await client.PostAsJsonAsync(Uri("/api/v1/watchlists"), new { name = "No kind", purpose = "Test." });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("kind", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]);
    }

    [Fact]
    public async Task ManualEntry_AddChangeRemoveThroughTheApi_KeepsHistory()
    {
        var server = fixture.Server;
        var list = await WatchlistScenario.CreateAsync(server, AdministratorA, "Wanted", "Manual");
        using var client = server.Client(AdministratorA);
        using var added = await client.PostAsJsonAsync(Uri($"/api/v1/watchlists/{list}/items"), new { name = "Shahid Nawaz Cheema", birthDate = "1990", nationality = "PK" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var item = (string)JsonNode.Parse(await added.Content.ReadAsStringAsync())!["id"]!;
        using var bad = await client.PutAsJsonAsync(Uri($"/api/v1/watchlists/{list}/items/{item}"), new { name = "Shahid Nawaz Cheema", nationality = "Pakistan" });
        Assert.Equal("nationality", (string?)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["field"]);
        using var changed = await client.PutAsJsonAsync(Uri($"/api/v1/watchlists/{list}/items/{item}"), new { name = "Shahid Nawaz Cheema", birthDate = "1990-07", nationality = "PK" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var removed = await client.DeleteAsync(Uri($"/api/v1/watchlists/{list}/items/{item}"));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var view = JsonNode.Parse(await client.GetStringAsync(Uri($"/api/v1/watchlists/{list}/items/{item}")))!;
        Assert.Equal("Removed", (string?)view["status"]);
        Assert.Equal([1, 2, 3], view["history"]!.AsArray().Select(h => (int)h!["listVersion"]!));
    }

    [Fact]
    public async Task CliImport_UnSample_ReportsCountsAndProgress()
    {
        var server = fixture.Server;
        var list = await WatchlistScenario.CreateAsync(server, AdministratorA, "Sanctions", "Import");
        var path = Path.Combine(AppContext.BaseDirectory, "data", "watchlists", "un-consolidated-sample.xml");
        var result = await Infrastructure.Cli.RunAsync(server.Database, null, "watchlists", "import", "--list", list.ToString(), "--file", path);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("added 4", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("import: read 4 entries", result.Stderr, StringComparison.Ordinal);
        var shown = await Infrastructure.Cli.RunAsync(server.Database, null, "watchlists", "show", "--list", list.ToString(), "--name", "zarghun");
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("ZARGHUN KHAN DURRANI", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("زرغون خان درانی", shown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliImport_BadFile_OneLineOnStderrAndNonZeroExit()
    {
        var server = fixture.Server;
        var list = await WatchlistScenario.CreateAsync(server, AdministratorA, "Wanted", "Import");
        var path = Path.Combine(Path.GetTempPath(), "lantern-bad-" + WatchlistScenario.Unique() + ".csv");
        await File.WriteAllTextAsync(path, "id,name,nationality\nW-1,Imran Butt,Pakistan\n");
        try
        {
            var result = await Infrastructure.Cli.RunAsync(server.Database, null, "watchlists", "import", "--list", list.ToString(), "--file", path, "--format", "csv");
            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: nationality: record 2", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Refresh_RecordsList_ListsTheSuspectOfTheOpenCaseThroughApiAndCli()
    {
        var server = fixture.Server;
        var list = await WatchlistScenario.CreateAsync(server, AdministratorA, "Suspects", "Records");
        using var client = server.Client(AdministratorA);
        using (var refreshed = await client.PostAsync(Uri($"/api/v1/watchlists/{list}/refresh"), null))
        {
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            var result = JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!;
            Assert.True((int)result["added"]! >= 1, result.ToJsonString());
        }
        var items = JsonNode.Parse(await client.GetStringAsync(Uri($"/api/v1/watchlists/{list}/items")))!;
        Assert.All(items["rows"]!.AsArray(), r => Assert.StartsWith("person-", (string)r!["externalId"]!, StringComparison.Ordinal));
        var cli = await Infrastructure.Cli.RunAsync(server.Database, null, "watchlists", "refresh", "--list", list.ToString());
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Contains("added 0\tchanged 0\tremoved 0", cli.Stdout, StringComparison.Ordinal);
        using var wrong = await client.PostAsync(Uri($"/api/v1/watchlists/{await WatchlistScenario.CreateAsync(server, AdministratorA, "Wanted", "Manual")}/refresh"), null);
        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
    }

    [Fact]
    public async Task CliCreateAndList_AsTheOrganisation_ShowsTheNewList()
    {
        var server = fixture.Server;
        var name = "CLI list " + WatchlistScenario.Unique();
        var created = await Infrastructure.Cli.RunAsync(server.Database, null, "watchlists", "create", "--name", name, "--purpose", "Test.", "--kind", "wanted", "--organisation", LanternServer.OrganisationA);
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.True(Guid.TryParse(created.Stdout.Trim(), out _));
        var listed = await Infrastructure.Cli.RunAsync(server.Database, null, "watchlists", "list");
        Assert.Contains(name, listed.Stdout, StringComparison.Ordinal);
        var bad = await Infrastructure.Cli.RunAsync(server.Database, null, "watchlists", "create", "--name", name, "--purpose", "Test.", "--kind", "enemies");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("error: kind:", bad.Stderr, StringComparison.Ordinal);
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class WatchlistApiSqliteTests(SqliteServerFixture fixture) : WatchlistApiTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class WatchlistApiPostgresTests(PostgresServerFixture fixture) : WatchlistApiTests(fixture);
