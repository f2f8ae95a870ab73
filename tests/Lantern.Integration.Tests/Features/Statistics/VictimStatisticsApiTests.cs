using System.Net;
using System.Text.Json.Nodes;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Statistics;

/// <summary><c>/api/v1/statistics/victims</c> and <c>/offenders</c> per persona, on a server of their own (fixed counts).</summary>
public sealed class VictimStatisticsApiTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        await StatisticsData.SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> GetAsync(Persona persona, string path)
    {
        using var client = _server.Client(persona);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Rows(string body) =>
        JsonNode.Parse(body)!["rows"]!.AsArray().ToDictionary(r => (string)r!["group"]!, r => (string)r!["text"]!);

    [Fact]
    public async Task Victims_Administrator_GetsExactFiguresOfOwnOrganisationsCases()
    {
        var (status, _, body) = await GetAsync(Persona.AdministratorA, "/api/v1/statistics/victims?year=2025&by=sex-age");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new Dictionary<string, string> { ["women"] = "6", ["men"] = "0", ["girls"] = "0", ["boys"] = "1", ["unknown"] = "0" }, Rows(body));
        Assert.False((bool)JsonNode.Parse(body)!["suppressed"]!);
    }

    [Fact]
    public async Task Victims_AnalystWithoutExactFigures_GetsSuppressedAggregatesAndNoIdentity()
    {
        var (status, _, body) = await GetAsync(Persona.AnalystA, "/api/v1/statistics/victims?year=2025&by=sex-age");

        Assert.Equal(HttpStatusCode.OK, status);
        // The boy (1) is shown as <5; the women (6) are withheld so that 7 - 6 does not give him away.
        Assert.Equal(new Dictionary<string, string> { ["women"] = "x", ["men"] = "0", ["girls"] = "0", ["boys"] = "<5", ["unknown"] = "0" }, Rows(body));
        Assert.Equal("7", (string)JsonNode.Parse(body)!["total"]!["text"]!);
        Assert.DoesNotContain("Sadia", body, StringComparison.Ordinal);
        Assert.DoesNotContain(StatisticsData.WomanName, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hamid", body, StringComparison.Ordinal);
        Assert.DoesNotContain("GLO-A", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Victims_PublicForAdministrator_IsSuppressed()
    {
        var (_, _, body) = await GetAsync(Persona.AdministratorA, "/api/v1/statistics/victims?year=2025&by=citizenship&public=true");

        Assert.Equal(new Dictionary<string, string> { ["PK"] = "x", ["AF"] = "<5", ["unknown"] = "0" }, Rows(body));
        Assert.True((bool)JsonNode.Parse(body)!["suppressed"]!);
    }

    [Theory]
    [InlineData("/api/v1/statistics/victims?year=2025&by=gender", "by")]
    [InlineData("/api/v1/statistics/victims?year=20x5&by=sex-age", "year")]
    [InlineData("/api/v1/statistics/victims?by=sex-age", "year")]
    [InlineData("/api/v1/statistics/victims?year=2025&by=sex-age&public=maybe", "public")]
    [InlineData("/api/v1/statistics/victims?year=2025&by=sex-age&organisation=Nobody", "organisation")]
    [InlineData("/api/v1/statistics/offenders?year=1066", "year")]
    public async Task Victims_BadInput_IsProblemJsonNamingTheField(string path, string field)
    {
        var (status, mediaType, body) = await GetAsync(Persona.AdministratorA, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Persona.AnalystA, HttpStatusCode.OK)]
    [InlineData(Persona.AdministratorA, HttpStatusCode.OK)]
    [InlineData(Persona.InvestigatorA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.CaseworkerB, HttpStatusCode.Forbidden)]
    [InlineData(Persona.AuditorA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Victims_ForPersona_GetsTheExpectedStatus(Persona persona, HttpStatusCode expected)
    {
        var (victims, _, _) = await GetAsync(persona, "/api/v1/statistics/victims?year=2025&by=exploitation");
        var (offenders, _, _) = await GetAsync(persona, "/api/v1/statistics/offenders?year=2025");

        Assert.Equal(expected, victims);
        Assert.Equal(expected, offenders);
    }

    [Fact]
    public async Task Offenders_Administrator_CountsTheSuspectBySexAndCitizenship()
    {
        var (_, _, body) = await GetAsync(Persona.AdministratorA, "/api/v1/statistics/offenders?year=2025");

        var suspects = JsonNode.Parse(body)!["tables"]!.AsArray().Single(t => (string)t!["name"]! == "suspects")!;
        Assert.Equal("1", (string)suspects["total"]!["text"]!);
        var male = suspects["rows"]!.AsArray().Single(r => (string)r!["group"]! == "male")!;
        Assert.Equal("1", (string)male["cells"]!.AsArray().Single(c => (string)c!["group"]! == "PK")!["text"]!);
        Assert.DoesNotContain("Javed", body, StringComparison.Ordinal);
    }
}
