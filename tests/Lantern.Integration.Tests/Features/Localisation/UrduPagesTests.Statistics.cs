using System.Net;
using Lantern.Integration.Tests.Features.Statistics;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Localisation;

/// <summary>
/// Urdu for the statistics pages (counts, GLOTIP, prosecution funnel, routes) with their SVG charts, and the
/// anonymised release log: an analyst sees the statistics with small counts suppressed, an administrator the exact
/// figures and the releases. The statistics fixture (2025) gives every table and chart rows.
/// </summary>
public sealed partial class UrduPagesTests
{
    /// <summary>Pages an analyst reaches.</summary>
    public static readonly string[] CoveredPagesByAnalyst =
    [
        "/statistics",
        "/statistics/glotip?year=2025",
        "/statistics/glotip?year=1999",
        "/statistics/prosecution",
        "/statistics/routes?year=2025",
        "/statistics/routes?level=city&year=2025",
        "/statistics/glotip?year=3000",
        "/statistics/indicators?year=2025",
        "/statistics/indicators?from=2025-01-01&to=2025-06-30",
    ];

    /// <summary>Pages only an administrator reaches, or that differ for one (exact figures).</summary>
    public static readonly string[] CoveredStatisticsPagesByAdministrator =
    [
        "/statistics/glotip?year=2025",
        "/statistics/glotip?year=2025&public=true",
        "/reports/releases",
        "/statistics/indicators?year=2025",
        "/statistics/indicators/edit?code=NAP-1.1",
        "/statistics/indicators/edit",
    ];

    /// <summary>The statistics fixture and one release, so the release log has a row.</summary>
    private async Task SeedStatisticsAsync()
    {
        await StatisticsData.SeedAsync(_server);
        using var release = await _server.PostJsonAsync(Persona.AdministratorA, "/api/v1/releases/ctdc", """{ "from": 2025, "to": 2025, "k": 2 }""");
        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
    }

    [Theory]
    [InlineData(Persona.AnalystA)]
    [InlineData(Persona.AdministratorA)]
    public async Task StatisticsPages_InUrdu_HaveNoUntranslatedText(Persona persona)
    {
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, persona);
        await SwitchAsync(browser, "ur", "/statistics");

        var problems = new List<string>();
        foreach (var path in persona == Persona.AnalystA ? CoveredPagesByAnalyst : CoveredStatisticsPagesByAdministrator)
        {
            var page = await browser.GetAsync(path);
            Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", page, StringComparison.Ordinal);
            problems.AddRange(UntranslatedText.In(page).Select(text => $"{path}: {text}"));
        }
        Assert.True(problems.Count == 0, "Untranslated text in Urdu:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task StatisticsCharts_InUrdu_HaveUrduTitlesAndKeepTheirGeometry()
    {
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, Persona.AnalystA);
        await SwitchAsync(browser, "ur", "/statistics");
        var page = await browser.GetAsync("/statistics/glotip?year=2025");

        Assert.Contains("aria-label=\"جنس اور عمر کے لحاظ سے متاثرین\"", page, StringComparison.Ordinal);
        Assert.Contains("direction=\"ltr\"", page, StringComparison.Ordinal);
        // A place in a chart is data: marked, not translated.
        var routes = await browser.GetAsync("/statistics/routes?year=2025");
        Assert.Contains("class=\"chart-label\" translate=\"no\"", routes, StringComparison.Ordinal);
    }
}
