using Lantern.Core.Features.Administration;
using Lantern.Integration.Tests.Features.Statistics;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// The GLOTIP dashboard in Chromium: the analyst sees the tables with small counts suppressed and no names; the
/// supervisor sees exact figures; the CSV download is suppressed for both, since it leaves Lantern.
/// </summary>
public sealed class GlotipDashboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task GlotipDashboard_AnalystAndSupervisor_SeeSuppressedAndExactTablesWithCharts()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await Investigators.AddAsync(server);
        await server.AsOperatorAsync(async (sp, actor) =>
        {
            var users = sp.GetRequiredService<AddUser.Handler>();
            await users.Handle(actor, new AddUser.Request("browser.analyst", Investigators.Organisation, "analyst", Investigators.Password), CancellationToken.None);
            await users.Handle(actor, new AddUser.Request("browser.supervisor", Investigators.Organisation, "administrator", Investigators.Password), CancellationToken.None);
            return 0;
        });
        await StatisticsData.SeedAsync(server, Investigators.Organisation, Investigators.Organisation);

        await browser.RunAsync(server.Address, async session =>
        {
            var page = session.Page;
            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("browser.analyst", Investigators.Password);
            await session.EnrolSecondFactorAsync();
            await session.GotoAsync("/statistics/glotip?year=2025");
            var sexAge = page.Locator("section[data-table='sex-age']");
            await Expect(sexAge.Locator("svg")).ToBeVisibleAsync();
            await Expect(sexAge.Locator("tr", new() { HasText = "boys" })).ToContainTextAsync("<5");
            await Expect(sexAge.Locator("tr", new() { HasText = "girls" })).ToContainTextAsync("<5");
            await Expect(page.GetByTestId("suppression-note")).ToContainTextAsync("shown as <5");
            await Expect(page.Locator("section[data-table='suspects'] table")).ToBeVisibleAsync();
            var text = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain(StatisticsData.WomanName, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Hamid", text, StringComparison.Ordinal);
            await session.ScreenshotAsync("analyst");

            var href = await sexAge.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).GetAttributeAsync("href");
            Assert.NotNull(href);
            var csv = await page.Context.APIRequest.GetAsync(new Uri(new Uri(server.Address), href).ToString());
            Assert.Equal(200, csv.Status);
            Assert.Equal("group,count\nwomen,6\nmen,0\ngirls,<5\nboys,<5\nunknown,0\n", (await csv.TextAsync()).TrimStart('\uFEFF'));
        });

        await browser.RunAsync(server.Address, async session =>
        {
            var page = session.Page;
            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("browser.supervisor", Investigators.Password);
            await session.EnrolSecondFactorAsync();
            await session.WaitForPathAsync("/"); // the supervisor reads inspections: the start page is the dashboard; navigate only once it has loaded
            await session.GotoAsync("/statistics");
            await page.GetByRole(AriaRole.Link, new() { Name = "GLOTIP statistics" }).ClickAsync();
            await session.GotoAsync("/statistics/glotip?year=2025");
            var sexAge = page.Locator("section[data-table='sex-age']");
            await Expect(sexAge.Locator("tr", new() { HasText = "boys" })).ToContainTextAsync("1");
            await Expect(sexAge.Locator("tr", new() { HasText = "women" })).ToContainTextAsync("6");
            await Expect(page.GetByTestId("suppression-note")).ToContainTextAsync("Exact figures");
            await session.ScreenshotAsync("supervisor");
        });
    }
}
