using System.Net;
using System.Text.Json.Nodes;
using Lantern.Integration.Tests.Features.Statistics;
using Lantern.Integration.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Lantern.Integration.Tests.Features.Reports;

/// <summary>The annual report through the API and the CLI, over the statistics tests' fixed data set (2025: 7 victims in A, 1 in B).</summary>
public sealed class AnnualReportApiTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        await StatisticsData.SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? MediaType, byte[] Body)> ReportAsync(Persona persona, string json)
    {
        using var response = await _server.PostJsonAsync(persona, "/api/v1/reports/annual", json);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<HttpResponseMessage> PutJsonAsync(Persona persona, string path, string json)
    {
        using var client = _server.Client(persona);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await client.PutAsync(new Uri(path, UriKind.Relative), content);
    }

    private static string Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // Letters on one baseline, left to right, a space where the gap is wider than kerning: Skia places each glyph,
        // so PdfPig's own words split at kerned pairs such as "Wo".
        return string.Join(" ", document.GetPages().SelectMany(p => p.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var line = new System.Text.StringBuilder();
                double? end = null;
                foreach (var l in g.OrderBy(l => l.StartBaseLine.X))
                {
                    if (end is { } e && l.StartBaseLine.X - e > 1.5)
                    {
                        line.Append(' ');
                    }
                    line.Append(l.Value);
                    end = l.EndBaseLine.X;
                }
                return System.Text.RegularExpressions.Regex.Replace(line.ToString(), " {2,}", " ").Trim();
            })));
    }

    [Fact]
    public async Task AnnualReport_Administrator_FiguresAreThePublicStatistics()
    {
        var (status, mediaType, body) = await ReportAsync(Persona.AdministratorA, """{ "year": 2025 }""");
        var published = await _server.GetJsonAsync<JsonObject>(Persona.AdministratorA, "/api/v1/statistics/victims?year=2025&by=sex-age&public=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/pdf", mediaType);
        var text = Words(body);
        foreach (var row in published["rows"]!.AsArray().Where(r => (string)r!["text"]! != "0"))
        {
            var label = (string)row!["group"]!;
            Assert.Contains($"{char.ToUpperInvariant(label[0])}{label[1..]} {(string)row["text"]!}", text, StringComparison.Ordinal);
        }
        Assert.Contains($"Total {(string)published["total"]!["text"]!}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnualReport_SmallCell_IsSuppressedEvenForExactUsers()
    {
        var (_, _, body) = await ReportAsync(Persona.AdministratorA, """{ "year": 2025, "organisation": "Organisation A" }""".Replace("Organisation A", LanternServer.OrganisationA, StringComparison.Ordinal));

        var text = Words(body);
        Assert.Contains("Boys <5", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Boys 1", text, StringComparison.Ordinal);
        Assert.Contains("suppressed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnualReport_Period_CountsOnlyTheCasesOpenedInIt()
    {
        // Organisation A's case was opened on 2 April 2025; B's (10 June 2025) is not visible to A's administrator.
        var (status, _, spring) = await ReportAsync(Persona.AdministratorA, """{ "from": "2025-03-01", "to": "2025-05-31" }""");
        var (_, _, june) = await ReportAsync(Persona.AdministratorA, """{ "from": "2025-06-01", "to": "2025-06-30" }""");

        Assert.Equal(HttpStatusCode.OK, status);
        var springText = Words(spring);
        var juneText = Words(june);
        Assert.Contains("1 March 2025 to 31 May 2025", springText, StringComparison.Ordinal);
        // Six women and one boy: the boy is "<5", so the women are hidden too ("x") to keep him from the total.
        Assert.Contains("Boys <5", springText, StringComparison.Ordinal);
        Assert.DoesNotContain("Girls", springText, StringComparison.Ordinal);
        Assert.Contains("1 June 2025 to 30 June 2025", juneText, StringComparison.Ordinal);
        Assert.DoesNotContain("Girls", juneText, StringComparison.Ordinal);
        Assert.DoesNotContain("Women", juneText, StringComparison.Ordinal);
        Assert.DoesNotContain("Boys", juneText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "year": 2025, "from": "2025-01-01", "to": "2025-06-30" }""", "year")]
    [InlineData("""{ "from": "2025-01-01" }""", "to")]
    [InlineData("""{ "from": "2025-02-30", "to": "2025-06-30" }""", "from")]
    [InlineData("""{ "from": "2025-07-01", "to": "2025-06-30" }""", "to")]
    public async Task AnnualReport_BadPeriod_IsProblemJsonNamingTheField(string json, string field)
    {
        var (status, mediaType, body) = await ReportAsync(Persona.AnalystA, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains($"\"{field}\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnualReport_UnknownPlaceholder_IsProblemJsonNamingIt()
    {
        var (status, mediaType, body) = await ReportAsync(Persona.AnalystA, """{ "year": 2025, "template": "# Report\n\n{{victims.colour}}" }""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        var problem = System.Text.Encoding.UTF8.GetString(body);
        Assert.Contains("\"template\"", problem, StringComparison.Ordinal);
        Assert.Contains("{{victims.colour}}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Persona.AnalystA, HttpStatusCode.OK)]
    [InlineData(Persona.AdministratorA, HttpStatusCode.OK)]
    [InlineData(Persona.CaseworkerA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.AuditorA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task AnnualReport_ByPersona_NeedsStatisticsRead(Persona persona, HttpStatusCode expected)
    {
        var (status, _, _) = await ReportAsync(persona, """{ "year": 2025 }""");

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task SaveTemplate_Administrator_IsUsedForTheNextReport_AndAnalystMayNotEdit()
    {
        using var saved = await PutJsonAsync(Persona.AdministratorA, "/api/v1/reports/annual/template", """{ "text": "# Our own report {{year}}\n\nKilns: {{inspections.total}}." }""");
        using var denied = await PutJsonAsync(Persona.AnalystA, "/api/v1/reports/annual/template", """{ "text": "# Theirs" }""");
        using var bad = await PutJsonAsync(Persona.AdministratorA, "/api/v1/reports/annual/template", """{ "text": "{{nope}}" }""");

        var (_, _, body) = await ReportAsync(Persona.AdministratorA, """{ "year": 2025 }""");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Our own report 2025", Words(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_InspectionReader_ShowsInspectionStatisticsAndTheDistrictMap()
    {
        using var client = _server.Client(Persona.AdministratorA);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var reports = await client.GetStringAsync(new Uri("/reports", UriKind.Relative));

        Assert.Contains("id=\"dashboard-districts\"", home, StringComparison.Ordinal);
        Assert.Contains("class=\"chart district-map\"", home, StringComparison.Ordinal);
        Assert.Contains("GeoNames", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/inspections/statistics\"", home, StringComparison.Ordinal);
        Assert.Contains("{{table:victims-by-sex-age}}", reports, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportCommand_Period_WritesItsPdf_AndRefusesAPeriodEndingBeforeItBegins()
    {
        var path = Path.Combine(Path.GetTempPath(), $"period-{Guid.NewGuid():N}.pdf");
        try
        {
            var made = await Infrastructure.Cli.RunAsync(_server.Database, null, "report", "annual", "--from", "2025-06-01", "--to", "2025-06-30", "--out", path);
            var bad = await Infrastructure.Cli.RunAsync(_server.Database, null, "report", "annual", "--from", "2025-06-01", "--to", "2025-05-31", "--out", path + ".x");

            Assert.Equal(0, made.ExitCode);
            Assert.Contains("Girls <5", Words(await File.ReadAllBytesAsync(path)), StringComparison.Ordinal);
            Assert.NotEqual(0, bad.ExitCode);
            Assert.Contains("--to", bad.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(path + ".x"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReportCommand_WritesPdf_AndRefusesBadYear()
    {
        var path = Path.Combine(Path.GetTempPath(), $"annual-{Guid.NewGuid():N}.pdf");
        try
        {
            var made = await Infrastructure.Cli.RunAsync(_server.Database, null, "report", "annual", "--year", "2025", "--out", path);
            var bad = await Infrastructure.Cli.RunAsync(_server.Database, null, "report", "annual", "--year", "twenty", "--out", path + ".x");

            Assert.Equal(0, made.ExitCode);
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Contains("annual report: victims", made.Stderr, StringComparison.Ordinal);
            Assert.Contains("Girls <5", Words(bytes), StringComparison.Ordinal);
            Assert.NotEqual(0, bad.ExitCode);
            Assert.Contains("--year", bad.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(path + ".x"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
