using System.Net;
using System.Text.Json.Nodes;
using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Integration.Tests.Features.Prosecutions;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Statistics;

/// <summary>
/// Small cells on every statistics page and its download, per persona: an analyst (no exact figures) sees "&lt;5" and
/// "x", an administrator the exact counts; and the year or free period on the pages and the API. Data: the fixed
/// statistics set plus, in organisation A in 2025, two men recruited in Sindh and exploited in Punjab (a route of 2),
/// and one proceeding with a complaint received in 2025 (a funnel of 1).
/// </summary>
public sealed class StatisticsPagesTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        await StatisticsData.SeedAsync(_server);
        await _server.ImportAsync("""
            { "format": "lantern-case/1", "case": { "reference": "GLO-A-2025-2", "cas_Status": "Active", "openedOn": "2025-08-20" },
              "persons": [
                { "key": "m1", "role": "victim", "prs_FirstName": "Asif", "prs_SecondName": "Ali", "prs_Gender": "Masculine", "prs_Citizenship": ["PK"], "vic_AgeWhenTrafficked": 30, "vic_TypeOfExploitation": ["ForcedLabour"] },
                { "key": "m2", "role": "victim", "prs_FirstName": "Tariq", "prs_SecondName": "Shah", "prs_Gender": "Masculine", "prs_Citizenship": ["PK"], "vic_AgeWhenTrafficked": 33, "vic_TypeOfExploitation": ["ForcedLabour"] } ],
              "events": [
                { "hte_Type": "Recruitment", "hte_Date": "2025-05", "hte_Country": "PK", "hte_State": "Sindh", "hte_City": "Karachi" },
                { "hte_Type": "Exploitation", "hte_Date": "2025-06", "hte_Country": "PK", "hte_State": "Punjab", "hte_City": "Multan" } ] }
            """);
        var (caseId, _, _) = await ProsecutionScenario.CaseAsync(_server);
        await _server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<RecordStage.Handler>()
            .Handle(actor, new CaseId(caseId), new RecordStage.Request("ComplaintReceived", new DateOnly(2025, 3, 1)), CancellationToken.None));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(Persona persona, string path)
    {
        using var client = _server.Client(persona);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/statistics?year=2025")]
    [InlineData("/statistics/glotip?year=2025")]
    [InlineData("/statistics/prosecution?year=2025")]
    [InlineData("/statistics/routes?year=2025&level=province")]
    public async Task Page_Analyst_SeesSmallCountsSuppressed(string path)
    {
        var (status, body) = await GetAsync(Persona.AnalystA, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(">&lt;5<", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Asif", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_Administrator_SeesExactCountsAndAnalystDoesNot()
    {
        var (_, exact) = await GetAsync(Persona.AdministratorA, "/statistics?year=2025");
        var (_, suppressed) = await GetAsync(Persona.AnalystA, "/statistics?year=2025");

        // Two men and one boy in organisation A's cases of 2025.
        Assert.Contains("<td>men</td><td class=\"num\" translate=\"no\">2</td>", exact, StringComparison.Ordinal);
        Assert.Contains("<td>men</td><td class=\"num\" translate=\"no\">&lt;5</td>", suppressed, StringComparison.Ordinal);
        Assert.Contains("<td>boys</td><td class=\"num\" translate=\"no\">&lt;5</td>", suppressed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prosecution_Administrator_SeesTheExactFunnel()
    {
        var (_, exact) = await GetAsync(Persona.AdministratorA, "/statistics/prosecution?year=2025");
        var (_, suppressed) = await GetAsync(Persona.AnalystA, "/statistics/prosecution?year=2025");

        Assert.Contains("data-stage=\"Complaints\"><span class=\"n\" translate=\"no\">1<", exact, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"Complaints\"><span class=\"n\" translate=\"no\">&lt;5<", suppressed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_Administrator_SeesExactRoutesAndTheDiagram()
    {
        var (_, body) = await GetAsync(Persona.AdministratorA, "/statistics/routes?year=2025&level=province");

        Assert.Contains("data-testid=\"route-diagram\"", body, StringComparison.Ordinal);
        Assert.Contains("class=\"flow-band\" data-victims=\"2\"", body, StringComparison.Ordinal);
        Assert.Contains("class=\"flow-band\" data-victims=\"7\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("flow-hidden", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_Analyst_HiddenRoutesAreHollowBandsAndCsvIsSuppressed()
    {
        var (_, body) = await GetAsync(Persona.AnalystA, "/statistics/routes?year=2025&level=province");
        var (status, csv) = await GetAsync(Persona.AdministratorA, "/statistics/routes?handler=Csv&year=2025&level=province");

        // The route of 2 is "<5"; the route of 7 is withheld so that 9 - 7 does not give it away.
        Assert.Contains("class=\"flow-band flow-hidden\" data-victims=\"&lt;5\"", body, StringComparison.Ordinal);
        Assert.Contains("class=\"flow-band flow-hidden\" data-victims=\"x\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"Sindh, PK\",,\"Punjab, PK\",domestic,<5", csv.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(",2\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutesApi_FreePeriod_CountsOnlyCasesOpenedInIt()
    {
        var (status, body) = await GetAsync(Persona.AdministratorA, "/api/v1/statistics/routes?level=province&from=2025-08-01&to=2025-08-31");

        Assert.Equal(HttpStatusCode.OK, status);
        var flow = Assert.Single(JsonNode.Parse(body)!["flows"]!.AsArray());
        Assert.Equal("2", (string)flow!["text"]!);
        Assert.Equal("1 August 2025 to 31 August 2025", (string)JsonNode.Parse(body)!["period"]!);
    }

    [Theory]
    [InlineData("/api/v1/statistics/routes?from=2025-01-01", "to")]
    [InlineData("/api/v1/statistics/routes?year=2025&from=2025-01-01&to=2025-02-01", "year")]
    [InlineData("/api/v1/statistics/cases?from=2025-13-01&to=2025-12-31", "from")]
    [InlineData("/api/v1/statistics/victims?by=sex-age&from=2025-03-01&to=2025-02-01", "to")]
    [InlineData("/api/v1/statistics/offenders?to=2025-02-01", "from")]
    public async Task Api_BadPeriod_IsProblemJsonNamingTheField(string path, string field)
    {
        var (status, body) = await GetAsync(Persona.AdministratorA, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_BadPeriod_NamesTheFieldOnTheForm()
    {
        var (status, body) = await GetAsync(Persona.AdministratorA, "/statistics/glotip?from=2025-03-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("name=\"to\" type=\"date\" aria-invalid=\"true\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasesApi_Period_CountsAVictimOnceAndOnlyItsCases()
    {
        var (_, body) = await GetAsync(Persona.AdministratorA, "/api/v1/statistics/cases?from=2025-08-01&to=2025-08-31");

        var json = JsonNode.Parse(body)!;
        Assert.Equal("1", (string)json["cases"]!["text"]!);
        Assert.Equal("2", (string)json["victims"]!["text"]!);
    }
}
