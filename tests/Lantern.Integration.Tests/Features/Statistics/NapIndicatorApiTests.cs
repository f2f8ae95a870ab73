using System.Net;
using System.Text.Json.Nodes;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Statistics;

/// <summary>One server with the statistics fixture (2025: organisation A seven victims, one a boy; organisation B one girl), shared by the indicator tests.</summary>
public sealed class NapIndicatorServer : IAsyncLifetime
{
    public LanternServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LanternServer.StartAsync(Provider.Sqlite);
        await StatisticsData.SeedAsync(Server);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// National Action Plan indicators through the API, the page and the command line, per persona. The starter set is
/// stored on first use; tests that define indicators use codes of their own, so the readers' figures do not move.
/// </summary>
public sealed class NapIndicatorApiTests(NapIndicatorServer fixture) : IClassFixture<NapIndicatorServer>
{
    private LanternServer Server => fixture.Server;

    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> SendAsync(Persona persona, HttpMethod method, string path, string? json = null)
    {
        using var client = Server.Client(persona);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonNode> IndicatorAsync(Persona persona, string code, string query = "year=2025")
    {
        var (status, _, body) = await SendAsync(persona, HttpMethod.Get, $"/api/v1/statistics/indicators?{query}&code={Uri.EscapeDataString(code)}");
        Assert.True(status == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["indicators"]!.AsArray().Single()!;
    }

    private static string Definition(string code, string numerator = "victims.identified", string filters = "{}", double baseline = 2, double target = 10) => $$"""
        { "code": "{{code}}", "title": "Test {{code}}", "numerator": "{{numerator}}", "unit": "count", "filters": {{filters}},
          "baseline": { "year": 2023, "value": {{baseline}} }, "target": { "year": 2027, "value": {{target}} } }
        """;

    [Fact]
    public async Task Indicators_Administrator_CountsOwnOrganisationsVictimsExactlyWithProgress()
    {
        var victims = await IndicatorAsync(Persona.AdministratorA, "NAP-1.1");
        var children = await IndicatorAsync(Persona.AdministratorA, "NAP-1.2");

        // Seven victims of organisation A's case; organisation B's girl is not counted.
        Assert.Equal("7", (string)victims["value"]!["text"]!);
        Assert.Equal("1", (string)children["value"]!["text"]!);
        // Baseline 40 (2023), target 80 (2027): (7 - 40) / 40 = -82.5 %.
        Assert.Equal(-82.5, (double)victims["progress"]!);
        Assert.Equal("off track", (string)victims["status"]!);
        Assert.Contains(victims["series"]!.AsArray(), p => (int)p!["year"]! == 2025 && (string)p["value"]!["text"]! == "7");
        Assert.Contains(victims["series"]!.AsArray(), p => (int)p!["year"]! == 2024 && (string)p["value"]!["text"]! == "0");
    }

    [Fact]
    public async Task Indicators_Analyst_SeesSmallCountsSuppressedAndNoProgressForThem()
    {
        var victims = await IndicatorAsync(Persona.AnalystA, "NAP-1.1");
        var children = await IndicatorAsync(Persona.AnalystA, "NAP-1.2");

        Assert.Equal("7", (string)victims["value"]!["text"]!);
        Assert.Equal("<5", (string)children["value"]!["text"]!);
        Assert.Null(children["value"]!["value"]);
        Assert.Null(children["progress"]);
        Assert.Equal("withheld", (string)children["status"]!);
    }

    [Fact]
    public async Task Indicators_PublicForAdministrator_IsSuppressed()
    {
        var children = await IndicatorAsync(Persona.AdministratorA, "NAP-1.2", "year=2025&public=true");

        Assert.Equal("<5", (string)children["value"]!["text"]!);
    }

    [Fact]
    public async Task Indicators_FreePeriod_CountsTheDaysOfThePeriod()
    {
        var april = await IndicatorAsync(Persona.AdministratorA, "NAP-3.1", "from=2025-04-01&to=2025-04-30");
        var may = await IndicatorAsync(Persona.AdministratorA, "NAP-3.1", "from=2025-05-01&to=2025-05-31");

        Assert.Equal("1", (string)april["value"]!["text"]!); // GLO-A-2025-1 opened 2025-04-02
        Assert.Equal("0", (string)may["value"]!["text"]!);
    }

    [Theory]
    [InlineData("/api/v1/statistics/indicators?year=20x5", "year")]
    [InlineData("/api/v1/statistics/indicators?year=2025&from=2025-01-01&to=2025-02-01", "year")]
    [InlineData("/api/v1/statistics/indicators?from=2025-01-01", "to")]
    [InlineData("/api/v1/statistics/indicators?year=2025&public=maybe", "public")]
    public async Task Indicators_BadQuery_IsProblemJsonNamingTheField(string path, string field)
    {
        var (status, mediaType, body) = await SendAsync(Persona.AnalystA, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Persona.AnalystA, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Persona.AdministratorA, HttpStatusCode.OK, HttpStatusCode.Created)]
    [InlineData(Persona.InvestigatorA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Persona.CaseworkerB, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Persona.AuditorA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Persona.Anonymous, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    public async Task Indicators_ForPersona_ReadAndDefineAsTheRoleMapSays(Persona persona, HttpStatusCode read, HttpStatusCode define)
    {
        var (list, _, _) = await SendAsync(persona, HttpMethod.Get, "/api/v1/statistics/indicators?year=2025&code=NAP-1.1");
        var (definitions, _, _) = await SendAsync(persona, HttpMethod.Get, "/api/v1/statistics/indicators/definitions");
        var (created, _, _) = await SendAsync(persona, HttpMethod.Post, "/api/v1/statistics/indicators", Definition("P-" + persona));
        var (changed, _, _) = await SendAsync(persona, HttpMethod.Put, "/api/v1/statistics/indicators/NAP-4.2", Definition("NAP-4.2"));

        Assert.Equal(read, list);
        Assert.Equal(read, definitions);
        Assert.Equal(define, created);
        Assert.Equal(define == HttpStatusCode.Created ? HttpStatusCode.OK : define, changed);
    }

    [Theory]
    [InlineData("""{ "code": "V-1", "title": "t", "numerator": "tips.received", "filters": { "province": "Punjab" }, "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "filters.province")]
    [InlineData("""{ "code": "V-2", "title": "t", "numerator": "victims.identified", "filters": { "organisation": "Nobody" }, "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "filters.organisation")]
    [InlineData("""{ "code": "V-3", "title": "t", "numerator": "victims.identified", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2020, "value": 2 } }""", "target.year")]
    [InlineData("""{ "code": "V-4", "title": "t", "numerator": "victims.identified", "unit": "percentage", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "denominator")]
    [InlineData("""{ "code": "V-5", "numerator": "victims.identified" }""", "title")]
    [InlineData("""[1, 2]""", "definition")]
    public async Task Define_BadDefinition_IsProblemJsonNamingTheFieldAndKeepsNothing(string json, string field)
    {
        var (status, mediaType, body) = await SendAsync(Persona.AdministratorA, HttpMethod.Post, "/api/v1/statistics/indicators", json);
        var (_, _, definitions) = await SendAsync(Persona.AdministratorA, HttpMethod.Get, "/api/v1/statistics/indicators/definitions");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains($"\"field\":\"{field}\"", body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\"V-", definitions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Define_ThenChange_KeepsEveryVersionAndCountsWithTheNewFilters()
    {
        var (created, _, _) = await SendAsync(Persona.AdministratorA, HttpMethod.Post, "/api/v1/statistics/indicators", Definition("T-BOYS"));
        var (again, _, _) = await SendAsync(Persona.AdministratorA, HttpMethod.Post, "/api/v1/statistics/indicators", Definition("T-BOYS"));
        var before = await IndicatorAsync(Persona.AdministratorA, "T-BOYS");
        var (changed, _, _) = await SendAsync(Persona.AdministratorA, HttpMethod.Put, "/api/v1/statistics/indicators/T-BOYS", Definition("T-BOYS", filters: """{ "sexAge": ["boys"], "district": "Kasur" }"""));
        var after = await IndicatorAsync(Persona.AdministratorA, "T-BOYS");
        var (_, _, history) = await SendAsync(Persona.AnalystA, HttpMethod.Get, "/api/v1/statistics/indicators/definitions/T-BOYS");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal("7", (string)before["value"]!["text"]!);
        Assert.Equal("1", (string)after["value"]!["text"]!);
        Assert.Equal(2, (int)after["version"]!);
        Assert.Equal([1, 2], JsonNode.Parse(history)!.AsArray().Select(v => (int)v!["version"]!));
    }

    [Fact]
    public async Task Change_UnknownOrMismatchedCode_IsNotFoundOrNamesTheCode()
    {
        var (unknown, _, _) = await SendAsync(Persona.AdministratorA, HttpMethod.Put, "/api/v1/statistics/indicators/NOPE-1", Definition("NOPE-1"));
        var (mismatch, _, body) = await SendAsync(Persona.AdministratorA, HttpMethod.Put, "/api/v1/statistics/indicators/NAP-1.2", Definition("NAP-9"));

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch);
        Assert.Contains("\"code\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retire_AnIndicator_LeavesTheListButKeepsItsHistory()
    {
        await SendAsync(Persona.AdministratorA, HttpMethod.Post, "/api/v1/statistics/indicators", Definition("T-OLD"));
        var retired = Definition("T-OLD").TrimEnd().TrimEnd('}') + """, "retired": true }""";
        var (status, _, _) = await SendAsync(Persona.AdministratorA, HttpMethod.Put, "/api/v1/statistics/indicators/T-OLD", retired);
        var (_, _, list) = await SendAsync(Persona.AdministratorA, HttpMethod.Get, "/api/v1/statistics/indicators?year=2025");
        var (_, _, history) = await SendAsync(Persona.AdministratorA, HttpMethod.Get, "/api/v1/statistics/indicators/definitions/T-OLD");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("\"T-OLD\"", list, StringComparison.Ordinal);
        Assert.Contains("NAP-1.1", list, StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(history)!.AsArray().Count);
    }

    [Fact]
    public async Task Page_Analyst_ShowsEveryStarterIndicatorWithChartProgressAndSuppressedCsv()
    {
        var (status, _, page) = await SendAsync(Persona.AnalystA, HttpMethod.Get, "/statistics/indicators?year=2025");
        var (csvStatus, csvType, csv) = await SendAsync(Persona.AnalystA, HttpMethod.Get, "/statistics/indicators?handler=Csv&code=NAP-1.2&year=2025");
        var (_, _, all) = await SendAsync(Persona.AdministratorA, HttpMethod.Get, "/statistics/indicators?handler=Csv&year=2025");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-code=\"NAP-1.1\"", page, StringComparison.Ordinal);
        Assert.Contains("data-code=\"NAP-5.1\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("<progress", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"withheld\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/statistics/indicators/edit", page, StringComparison.Ordinal);
        Assert.DoesNotContain(StatisticsData.WomanName, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csvStatus);
        Assert.Equal("text/csv", csvType);
        Assert.Contains("2025,<5,<5,,", csv, StringComparison.Ordinal);
        // A download leaves Lantern: suppressed for the administrator too.
        Assert.Contains("NAP-1.2,Child victims identified,count,2025,<5,<5,,2023,10,2027,25,17.5,", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Persona.AnalystA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.AdministratorA, HttpStatusCode.OK)]
    public async Task EditorPage_ForPersona_IsTheAdministratorsOnly(Persona persona, HttpStatusCode expected)
    {
        var (status, _, page) = await SendAsync(persona, HttpMethod.Get, "/statistics/indicators/edit?code=NAP-1.1");

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("&quot;numerator&quot;: &quot;victims.identified&quot;", page, StringComparison.Ordinal);
            Assert.Contains("victims.referred", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cli_Indicators_PrintsCsvOverEveryOrganisationForTheOperator()
    {
        var result = await Infrastructure.Cli.RunAsync(Server.Database, null, "stats", "indicators", "--year", "2025", "--code", "NAP-1.2");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("code,title,unit,period,value,numerator,denominator,baseline_year,baseline,target_year,target,expected,progress_percent,status", lines[0]);
        // The boy of organisation A and the girl of organisation B: 2 against baseline 10, target 25.
        Assert.Equal("NAP-1.2,Child victims identified,count,2025,2,2,,2023,10,2027,25,17.5,-53.3,off track", lines[1]);
    }

    [Fact]
    public async Task Cli_DefineBadFile_ExitsTwoWithOneLineNamingTheField()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nap-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "indicators": [ { "code": "F-1", "title": "t", "numerator": "victims.identified", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027 } } ] }""");
        try
        {
            var result = await Infrastructure.Cli.RunAsync(Server.Database, null, "stats", "indicators", "define", "--file", file);

            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.Stderr.Trim().Split('\n'));
            Assert.Contains("target.value", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
