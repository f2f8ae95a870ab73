using System.Net;
using System.Net.Http.Json;
using Lantern.Core.Auditing;
using Lantern.Core.Features.Cases;
using Lantern.Integration.Tests.Infrastructure;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Security;

/// <summary>
/// Every persona against every API operation: the status each must get, with no unexpected success, and no
/// other tenant's row in any list, count or export. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class PersonaMatrixTests(ServerFixture fixture)
{
    private const int Ok = 200, Created = 201, NoContent = 204, Unauthorized = 401, Forbidden = 403, NotFound = 404;

    public static TheoryData<Persona, string, int> Matrix()
    {
        // operation -> expected status for: InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous
        var table = new (string Operation, int[] Expected)[]
        {
            ("list cases", [Ok, Ok, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("get case A", [Ok, NotFound, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("export case A", [Ok, NotFound, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("update case A", [NoContent, NotFound, Forbidden, Forbidden, NoContent, Unauthorized, Unauthorized]),
            ("add note to case A", [Created, NotFound, Forbidden, Forbidden, Created, Unauthorized, Unauthorized]),
            ("add person to case A", [Created, NotFound, Forbidden, Forbidden, Created, Unauthorized, Unauthorized]),
            ("add event to case A", [Created, NotFound, Forbidden, Forbidden, Created, Unauthorized, Unauthorized]),
            ("get victim of case A", [Ok, NotFound, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("create case", [Created, Created, Forbidden, Forbidden, Created, Unauthorized, Unauthorized]),
            ("import cases", [Ok, Ok, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("delete a case of A", [Forbidden, Forbidden, Forbidden, Forbidden, NoContent, Unauthorized, Unauthorized]),
            ("statistics", [Forbidden, Forbidden, Ok, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("routes", [Forbidden, Forbidden, Ok, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("victim statistics", [Forbidden, Forbidden, Ok, Forbidden, Ok, Unauthorized, Unauthorized]), // GLOTIP statistics
            ("audit log", [Forbidden, Forbidden, Forbidden, Ok, Forbidden, Unauthorized, Unauthorized]),
            ("list users", [Forbidden, Forbidden, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("add user", [Forbidden, Forbidden, Forbidden, Forbidden, Created, Unauthorized, Unauthorized]),
            ("me", [Ok, Ok, Ok, Ok, Ok, Unauthorized, Unauthorized]),
            ("list my tokens", [Ok, Ok, Ok, Ok, Ok, Unauthorized, Unauthorized]),
            ("organisations", [Ok, Ok, Ok, Ok, Ok, Unauthorized, Unauthorized]),
            ("assign an officer to case A", [NoContent, Forbidden, Forbidden, Forbidden, NoContent, Unauthorized, Unauthorized]),
            ("share case A", [NoContent, Forbidden, Forbidden, Forbidden, NoContent, Unauthorized, Unauthorized]),
            ("create my token", [Created, Created, Created, Created, Created, Unauthorized, Unauthorized]),
            ("disable a user", [Forbidden, Forbidden, Forbidden, Forbidden, NoContent, Unauthorized, Unauthorized]),
        };
        var personas = new[] { InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous };
        var data = new TheoryData<Persona, string, int>();
        foreach (var (operation, expected) in table)
        {
            for (var i = 0; i < personas.Length; i++)
            {
                data.Add(personas[i], operation, expected[i]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_ForPersona_GetsExactlyTheExpectedStatus(Persona persona, string operation, int expected)
    {
        var server = fixture.Server;
        using var client = server.Client(persona);
        var unique = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var caseA = $"/api/v1/cases/{fixture.CaseA}";
        using var response = operation switch
        {
            "list cases" => await client.GetAsync(Uri("/api/v1/cases")),
            "get case A" => await client.GetAsync(Uri(caseA)),
            "export case A" => await client.GetAsync(Uri(caseA + "/export")),
            "update case A" => await client.PutAsJsonAsync(Uri(caseA), new { reference = "FIX-A-0001", status = "Active", openedOn = "2026-03-14", summary = "Updated by " + persona }),
            "add note to case A" => await client.PostAsJsonAsync(Uri(caseA + "/notes"), new { text = "Note by " + persona }),
            "add person to case A" => await client.PostAsJsonAsync(Uri(caseA + "/persons"), new { person = new { role = "witness", prs_FirstName = "Nasreen" } }),
            "add event to case A" => await client.PostAsJsonAsync(Uri(caseA + "/events"), new { @event = new { hte_Type = "Transit", hte_Country = "IR", hte_City = "Zahedan" } }),
            "get victim of case A" => await client.GetAsync(Uri($"/api/v1/persons/{fixture.VictimA}")),
            "create case" => await Post(client, "/api/v1/cases", CaseDocuments.Victim("MTX-" + unique)),
            "import cases" => await Post(client, "/api/v1/cases/import", CaseDocuments.Victim("MTX-" + unique)),
            "delete a case of A" => await client.DeleteAsync(Uri($"/api/v1/cases/{await server.ImportAsync(CaseDocuments.Victim("DEL-" + unique))}")),
            "statistics" => await client.GetAsync(Uri("/api/v1/statistics/cases")),
            "routes" => await client.GetAsync(Uri("/api/v1/statistics/routes?level=province")),
            "victim statistics" => await client.GetAsync(Uri("/api/v1/statistics/victims?year=2026&by=sex-age")), // GLOTIP statistics
            "audit log" => await client.GetAsync(Uri("/api/v1/audit")),
            "list users" => await client.GetAsync(Uri("/api/v1/users")),
            "add user" => await client.PostAsJsonAsync(Uri("/api/v1/users"), new { username = "new." + unique.ToLowerInvariant(), role = "caseworker", password = "Another long passphrase 77" }),
            "me" => await client.GetAsync(Uri("/api/v1/me")),
            "list my tokens" => await client.GetAsync(Uri("/api/v1/tokens")),
            "organisations" => await client.GetAsync(Uri("/api/v1/organisations")),
            "share case A" => await client.PostAsJsonAsync(Uri(caseA + "/shares"), new { organisation = LanternServer.OrganisationA }),
            "create my token" => await client.PostAsJsonAsync(Uri("/api/v1/tokens"), new { name = "matrix", days = 1 }),
            "disable a user" => await client.PostAsync(Uri($"/api/v1/users/{LanternServer.Username(DisabledA)}/disable"), null),
            "assign an officer to case A" => await client.PostAsJsonAsync(Uri(caseA + "/assignments"), new { username = LanternServer.Username(InvestigatorA) }),
            _ => throw new ArgumentException("Unknown operation " + operation, nameof(operation)),
        };
        Assert.True(expected == (int)response.StatusCode, $"{persona} / {operation}: expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<Persona, string, string> PageMatrix()
    {
        // page -> where each persona ends up: "200" (shown), or the path it is redirected to.
        var table = new (string Page, string[] Expected)[]
        {
            ("/cases", ["200", "200", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/cases/{caseA}", ["200", "/not-found", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/cases/{caseA}/edit", ["200", "/not-found", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/cases/{caseA}?handler=export", ["200", "/not-found", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/persons/{victimA}", ["200", "/not-found", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/cases/new", ["200", "200", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/statistics", ["/forbidden", "/forbidden", "200", "/forbidden", "200", "/login", "/login"]),
            ("/statistics/routes", ["/forbidden", "/forbidden", "200", "/forbidden", "200", "/login", "/login"]),
            ("/statistics/glotip", ["/forbidden", "/forbidden", "200", "/forbidden", "200", "/login", "/login"]), // GLOTIP statistics
            ("/statistics/glotip?handler=Csv&table=sex-age", ["/forbidden", "/forbidden", "200", "/forbidden", "200", "/login", "/login"]),
            ("/statistics/prosecution", ["/forbidden", "/forbidden", "200", "/forbidden", "200", "/login", "/login"]),
            ("/statistics/prosecution?handler=Csv", ["/forbidden", "/forbidden", "200", "/forbidden", "200", "/login", "/login"]),
            // ---- Reports and anonymised releases: XLSX beside each CSV; the release page is the administrator's ----
            ("/statistics/glotip?handler=Xlsx&table=sex-age", ["/forbidden", "/forbidden", "200", "/forbidden", "200", "/login", "/login"]),
            ("/statistics/prosecution?handler=Xlsx", ["/forbidden", "/forbidden", "200", "/forbidden", "200", "/login", "/login"]),
            ("/reports/releases", ["/forbidden", "/forbidden", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            // ---- end ----
            ("/deadlines", ["200", "/forbidden", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/hearings", ["200", "200", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/audit", ["/forbidden", "/forbidden", "/forbidden", "200", "/forbidden", "/login", "/login"]),
            ("/admin/users", ["/forbidden", "/forbidden", "/forbidden", "/forbidden", "200", "/login", "/login"]),
        };
        var personas = new[] { InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous };
        var data = new TheoryData<Persona, string, string>();
        foreach (var (page, expected) in table)
        {
            for (var i = 0; i < personas.Length; i++)
            {
                data.Add(personas[i], page, expected[i]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task Page_ForPersona_IsShownOnlyWhenAllowed(Persona persona, string page, string expected)
    {
        using var client = fixture.Server.Client(persona);
        var path = page.Replace("{caseA}", fixture.CaseA.ToString(), StringComparison.Ordinal).Replace("{victimA}", fixture.VictimA.ToString(), StringComparison.Ordinal);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var raw = new HttpClient(handler) { BaseAddress = client.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        using var response = await raw.GetAsync(Uri(path));
        var outcome = response.StatusCode == HttpStatusCode.OK ? "200" : response.Headers.Location?.OriginalString.Split('?')[0] ?? ((int)response.StatusCode).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expected == outcome, $"{persona} {page}: expected {expected}, got {outcome}");
    }

    [Fact]
    public async Task CaseList_OfOrganisationB_HoldsNoRowOfOrganisationA()
    {
        var page = await fixture.Server.GetJsonAsync<Paged<CaseListItem>>(CaseworkerB, "/api/v1/cases?pageSize=100");
        Assert.Contains(page.Items, c => c.Id == fixture.CaseB);
        // Organisation A's rows appear only where A shared the case with B (the SHR- cases of the sharing test).
        Assert.DoesNotContain(page.Items, c => c.Id == fixture.CaseA);
        Assert.All(page.Items.Where(c => c.Organisation == LanternServer.OrganisationA), c => Assert.StartsWith("SHR-", c.Reference, StringComparison.Ordinal));
        var search = await fixture.Server.GetJsonAsync<Paged<CaseListItem>>(CaseworkerB, "/api/v1/cases?q=Rukhsana%20Kausar");
        Assert.Equal(0, search.Total);
        var byCnic = await fixture.Server.GetJsonAsync<Paged<CaseListItem>>(CaseworkerB, "/api/v1/cases?q=35202-1111111-1");
        Assert.Equal(0, byCnic.Total);
    }

    [Fact]
    public async Task CaseList_FilteredByAnotherOrganisation_CountsNothing()
    {
        var page = await fixture.Server.GetJsonAsync<Paged<CaseListItem>>(CaseworkerB, $"/api/v1/cases?organisationId={fixture.Server.OrganisationAId}&pageSize=100");
        Assert.All(page.Items, c => Assert.StartsWith("SHR-", c.Reference, StringComparison.Ordinal));
        Assert.Equal(page.Items.Count, page.Total);
    }

    [Fact]
    public async Task AuditLog_OfAuditorA_HoldsNoEntryOfOrganisationB()
    {
        // Make sure organisation B has audit entries of its own.
        using (var b = fixture.Server.Client(CaseworkerB))
        {
            (await b.GetAsync(Uri("/api/v1/cases"))).Dispose();
        }
        var page = await fixture.Server.GetJsonAsync<Paged<AuditEntryView>>(AuditorA, "/api/v1/audit?pageSize=200");
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, e => Assert.Equal(fixture.Server.OrganisationAId, e.OrganisationId));
        Assert.DoesNotContain(page.Items, e => e.Actor == LanternServer.Username(CaseworkerB));
    }

    [Fact]
    public async Task Statistics_OfAnalystA_CountOnlyCasesOfOrganisationA()
    {
        var statistics = await fixture.Server.GetJsonAsync<Core.Features.Statistics.CaseStatistics.Response>(AnalystA, "/api/v1/statistics/cases");
        var visibleToA = await fixture.Server.GetJsonAsync<Paged<CaseListItem>>(AdministratorA, "/api/v1/cases?pageSize=1");
        Assert.Equal(visibleToA.Total, statistics.Cases);
        var everywhere = await fixture.Server.CountCasesAsync();
        Assert.True(everywhere > statistics.Cases, "organisation B's cases must not be counted for A");
    }

    [Fact]
    public async Task Export_ByAnotherOrganisation_AnswersExactlyLikeAMissingCase()
    {
        using var client = fixture.Server.Client(CaseworkerB);
        using var hidden = await client.GetAsync(Uri($"/api/v1/cases/{fixture.CaseA}/export"));
        using var missing = await client.GetAsync(Uri($"/api/v1/cases/{Guid.NewGuid()}/export"));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(missing.StatusCode, hidden.StatusCode);
        var hiddenBody = (await hidden.Content.ReadAsStringAsync()).Split("traceId")[0];
        var missingBody = (await missing.Content.ReadAsStringAsync()).Split("traceId")[0];
        Assert.Equal(missingBody, hiddenBody);
    }

    [Fact]
    public async Task SharedOrAssignedCase_BecomesVisible_OnlyToThoseItWasOpenedTo()
    {
        var server = fixture.Server;
        var id = await server.ImportAsync(CaseDocuments.Victim("SHR-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()));
        using var b = server.Client(CaseworkerB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(Uri($"/api/v1/cases/{id}"))).StatusCode);

        // Organisation B cannot share A's case with itself.
        using (var selfShare = await server.PostJsonAsync(CaseworkerB, $"/api/v1/cases/{id}/shares", $"{{\"organisation\":\"{LanternServer.OrganisationB}\"}}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, selfShare.StatusCode);
        }
        using (var share = await server.PostJsonAsync(InvestigatorA, $"/api/v1/cases/{id}/shares", $"{{\"organisation\":\"{LanternServer.OrganisationB}\"}}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, share.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(Uri($"/api/v1/cases/{id}"))).StatusCode);
        var list = await server.GetJsonAsync<Paged<CaseListItem>>(CaseworkerB, "/api/v1/cases?pageSize=100");
        Assert.Contains(list.Items, c => c.Id == id);
        // Sharing opens this case only: A's other case stays hidden.
        Assert.DoesNotContain(list.Items, c => c.Id == fixture.CaseA);
    }

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, global::System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(Uri(path), content);
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class PersonaMatrixSqliteTests(SqliteServerFixture fixture) : PersonaMatrixTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class PersonaMatrixPostgresTests(PostgresServerFixture fixture) : PersonaMatrixTests(fixture);
