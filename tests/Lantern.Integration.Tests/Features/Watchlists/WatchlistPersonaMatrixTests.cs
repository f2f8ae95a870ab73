using System.Net;
using System.Text;
using Lantern.Integration.Tests.Infrastructure;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.Watchlists;

/// <summary>Every persona against the watchlist operations; and a missing child's name never reaches those without watchlists.children.</summary>
public abstract class WatchlistPersonaMatrixTests(ServerFixture fixture)
{
    private const int Ok = 200, Created = 201, Unauthorized = 401, Forbidden = 403, NotFound = 404;
    private static readonly Persona[] Personas = [InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous];

    public static TheoryData<Persona, string, int> Matrix()
    {
        // operation -> expected status for: InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous
        var table = new (string Operation, int[] Expected)[]
        {
            ("lists", [Ok, Ok, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("create a list", [Forbidden, Forbidden, Forbidden, Forbidden, Created, Unauthorized, Unauthorized]),
            ("a list of A not shared with B", [Ok, NotFound, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("its entries", [Ok, NotFound, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("an entry's history", [Ok, NotFound, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("its imports", [Ok, NotFound, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("import into it", [Forbidden, Forbidden, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("share it", [Forbidden, Forbidden, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
        };
        var data = new TheoryData<Persona, string, int>();
        foreach (var (operation, expected) in table)
        {
            for (var i = 0; i < Personas.Length; i++)
            {
                data.Add(Personas[i], operation, expected[i]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_ForPersona_GetsExactlyTheExpectedStatus(Persona persona, string operation, int expected)
    {
        var server = fixture.Server;
        var list = await WatchlistScenario.CreateAsync(server, AdministratorA, "Wanted", "Import");
        var imported = await WatchlistScenario.ImportAsOperatorAsync(server, list, Encoding.UTF8.GetBytes("id,name\nW-1,Imran Saleem Butt\n"), "csv");
        Assert.Equal(1, imported.Added);
        var item = await server.GetJsonAsync<ItemsPage>(AdministratorA, $"/api/v1/watchlists/{list}/items");
        using var client = server.Client(persona);
        using var csv = new StringContent("id,name\nW-1,Imran Saleem Butt\nW-2,Tariq Gondal\n", Encoding.UTF8, "text/csv");
        using var response = operation switch
        {
            "lists" => await client.GetAsync(Uri("/api/v1/watchlists")),
            "create a list" => await client.PostAsync(Uri("/api/v1/watchlists"), Json("""{"name":"Matrix","purpose":"Test.","kind":"Wanted","source":"Manual"}""")),
            "a list of A not shared with B" => await client.GetAsync(Uri($"/api/v1/watchlists/{list}")),
            "its entries" => await client.GetAsync(Uri($"/api/v1/watchlists/{list}/items")),
            "an entry's history" => await client.GetAsync(Uri($"/api/v1/watchlists/{list}/items/{item.Rows[0].Id}/history")),
            "its imports" => await client.GetAsync(Uri($"/api/v1/watchlists/{list}/imports")),
            "import into it" => await client.PostAsync(Uri($"/api/v1/watchlists/{list}/imports?format=csv"), csv),
            "share it" => await client.PatchAsync(Uri($"/api/v1/watchlists/{list}"), Json("""{"screeners":[]}""")),
            _ => throw new ArgumentException("Unknown operation " + operation, nameof(operation)),
        };
        Assert.True(expected == (int)response.StatusCode, $"{persona} / {operation}: expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task ChildEntry_ScreeningOfficer_NeverSeesTheNameInJsonPageOrCli()
    {
        var server = fixture.Server;
        var (list, item) = await WatchlistScenario.MissingChildAsync(server);
        var screener = await WatchlistScenario.NamedScreeningOfficerAsync(server, LanternServer.OrganisationB);
        using var officer = screener.Client;
        var json = await officer.GetStringAsync(Uri($"/api/v1/watchlists/{list}/items"));
        Assert.DoesNotContain("Ayesha", json, StringComparison.Ordinal);
        Assert.Contains("\"hiddenChildren\":1", json, StringComparison.Ordinal);
        using (var entry = await officer.GetAsync(Uri($"/api/v1/watchlists/{list}/items/{item}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, entry.StatusCode);
        }
        using (var history = await officer.GetAsync(Uri($"/api/v1/watchlists/{list}/items/{item}/history")))
        {
            Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        }
        var page = await officer.GetStringAsync(Uri($"/watchlists/{list}"));
        Assert.DoesNotContain("Ayesha", page, StringComparison.Ordinal);
        Assert.Contains("1 entries of missing children are not shown", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/watchlists\"", page, StringComparison.Ordinal);
        var cli = await Infrastructure.Cli.RunAsync(server.Database, null, "watchlists", "show", "--list", list.ToString(), "--as", screener.Username);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.DoesNotContain("Ayesha", cli.Stdout + cli.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 entries of missing children are not shown", cli.Stdout, StringComparison.Ordinal);
        // The owner with watchlists.children sees it.
        using var admin = server.Client(AdministratorA);
        Assert.Contains(WatchlistScenario.ChildName, await admin.GetStringAsync(Uri($"/watchlists/{list}")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnalystA)]
    [InlineData(AuditorA)]
    public async Task Navigation_WithoutWatchlistsRead_HasNoWatchlistsLinkAndThePageIsForbidden(Persona persona)
    {
        using var client = fixture.Server.Client(persona);
        var home = await client.GetStringAsync(Uri("/"));
        Assert.DoesNotContain("href=\"/watchlists\"", home, StringComparison.Ordinal);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var raw = new HttpClient(handler) { BaseAddress = client.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        using var response = await raw.GetAsync(Uri("/watchlists"));
        Assert.Equal("/forbidden", response.Headers.Location?.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task OtherOrganisation_NotAllowedToScreen_GetsNotFoundOnTheListPage()
    {
        var server = fixture.Server;
        var list = await WatchlistScenario.CreateAsync(server, AdministratorA, "Wanted", "Manual");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = server.Client(CaseworkerB);
        using var raw = new HttpClient(handler) { BaseAddress = client.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        using var response = await raw.GetAsync(Uri($"/watchlists/{list}"));
        Assert.Equal("/not-found", response.Headers.Location?.OriginalString.Split('?')[0]);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    private sealed record ItemsPage(int Total, IReadOnlyList<ItemRow> Rows);

    private sealed record ItemRow(Guid Id, string ExternalId);
}

[Collection(SqliteServerGroup.Name)]
public sealed class WatchlistPersonaMatrixSqliteTests(SqliteServerFixture fixture) : WatchlistPersonaMatrixTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class WatchlistPersonaMatrixPostgresTests(PostgresServerFixture fixture) : WatchlistPersonaMatrixTests(fixture);
