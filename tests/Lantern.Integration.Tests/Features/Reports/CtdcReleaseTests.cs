using System.Net;
using System.Text.Json.Nodes;
using Lantern.Core.Features.Reports;
using Lantern.Integration.Tests.Features.Statistics;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Reports;

/// <summary>The CTDC release through the API and the CLI, per persona, over the statistics tests' fixed data set (2025: 7 victims in A, 1 in B).</summary>
public sealed class CtdcReleaseTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        await StatisticsData.SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> ReleaseAsync(Persona persona, string json)
    {
        using var response = await _server.PostJsonAsync(persona, "/api/v1/releases/ctdc", json);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static List<string[]> Rows(string csv) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(','))];

    private static void AssertKAnonymous(List<string[]> rows, int k)
    {
        Assert.Equal(CtdcDataset.Columns, rows[0]);
        Assert.All(rows.Skip(1).GroupBy(r => string.Join(',', r)), g => Assert.True(g.Count() >= k, $"{g.Key} occurs {g.Count()} times"));
    }

    [Fact]
    public async Task ReleaseCtdc_Administrator_GetsKAnonymousCsvWithoutIdentities()
    {
        var (status, mediaType, body) = await ReleaseAsync(Persona.AdministratorA, """{ "from": 2025, "to": 2025, "k": 3 }""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/csv", mediaType);
        var rows = Rows(body);
        AssertKAnonymous(rows, 3);
        foreach (var word in new[] { StatisticsData.WomanName, "Sadia", "Hamid", "Javed", "Saima", "GLO-A", "Kasur", "Punjab", LanternServer.OrganisationA })
        {
            Assert.DoesNotContain(word, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReleaseCtdc_Made_IsLoggedWithParametersAndRowCounts()
    {
        await ReleaseAsync(Persona.AdministratorA, """{ "from": 2024, "to": 2025, "k": 2 }""");

        var log = await _server.GetJsonAsync<JsonArray>(Persona.AdministratorA, "/api/v1/releases");

        var entry = Assert.Single(log, e => (int)e!["k"]! == 2)!;
        Assert.Equal("ctdc", (string)entry["kind"]!);
        Assert.Equal(LanternServer.Username(Persona.AdministratorA), (string)entry["username"]!);
        Assert.Equal(2024, (int)entry["fromYear"]!);
        Assert.Equal(7, (int)entry["sourceRows"]!);
        Assert.Equal(7, (int)entry["releasedRows"]! + (int)entry["suppressedRows"]!);
        Assert.Contains("citizenship:", (string)entry["generalisation"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Persona.AnalystA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.InvestigatorA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.CaseworkerB, HttpStatusCode.Forbidden)]
    [InlineData(Persona.ProsecutorA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.AuditorA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Persona.AdministratorA, HttpStatusCode.OK)]
    public async Task ReleaseCtdc_ByPersona_OnlyAdministratorsMayRelease(Persona persona, HttpStatusCode expected)
    {
        var (status, _, _) = await ReleaseAsync(persona, """{ "from": 2025, "to": 2025 }""");
        using var client = _server.Client(persona);
        using var list = await client.GetAsync(new Uri("/api/v1/releases", UriKind.Relative));

        Assert.Equal(expected, status);
        Assert.Equal(expected, list.StatusCode);
    }

    [Theory]
    [InlineData("""{ "from": 2025, "to": 2025, "k": 1 }""", "k")]
    [InlineData("""{ "to": 2025 }""", "from")]
    [InlineData("""{ "from": 2025, "to": 2020 }""", "to")]
    [InlineData("""{ "from": 2025, "to": 2025, "organisation": "Nobody" }""", "organisation")]
    public async Task ReleaseCtdc_BadInput_IsProblemJsonNamingTheFieldAndNothingLogged(string json, string field)
    {
        var (status, mediaType, body) = await ReleaseAsync(Persona.AdministratorA, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        var log = await _server.GetJsonAsync<JsonArray>(Persona.AdministratorA, "/api/v1/releases");
        Assert.DoesNotContain(log, e => (int)e!["fromYear"]! == 2025 && (int)e!["toYear"]! == 2020);
    }

    [Fact]
    public async Task ReleaseCommand_WritesFileAndListsTheRelease()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ctdc-{Guid.NewGuid():N}.csv");
        try
        {
            var made = await Infrastructure.Cli.RunAsync(_server.Database, null, "release", "ctdc", "--from", "2025", "--to", "2025", "--k", "2", "--out", path);
            var list = await Infrastructure.Cli.RunAsync(_server.Database, null, "release", "list");

            Assert.Equal(0, made.ExitCode);
            var rows = Rows(await File.ReadAllTextAsync(path));
            AssertKAnonymous(rows, 2);
            Assert.Contains($"{rows.Count - 1} row(s) released, {8 - (rows.Count - 1)} suppressed of 8;", made.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, list.ExitCode);
            Assert.Contains(",system:local-operator,ctdc,2025,2025,2,,8,", list.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("1", "--k")]
    [InlineData("eleven", "--k")]
    public async Task ReleaseCommand_BadK_ExitsNonZeroNamingK(string k, string option)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ctdc-{Guid.NewGuid():N}.csv");

        var result = await Infrastructure.Cli.RunAsync(_server.Database, null, "release", "ctdc", "--from", "2025", "--to", "2025", "--k", k, "--out", path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {option}:", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ReleaseCommand_AsAnalyst_IsForbidden()
    {
        var result = await Infrastructure.Cli.RunAsync(_server.Database, null, "release", "ctdc", "--from", "2025", "--to", "2025", "--out", Path.Combine(Path.GetTempPath(), "never.csv"),
            "--as", LanternServer.Username(Persona.AnalystA));

        Assert.Equal(4, result.ExitCode);
    }
}
