using Lantern.Core.Features.Demo;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// The network view on the demo data set: a Lahore investigator picks a broker, sees the network drawn, expands a
/// node, hides a kind and opens a record, without a script error or a refused request.
/// </summary>
public sealed class NetworkViewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task NetworkView_DemoBroker_DrawsExpandsFiltersAndOpensTheRecord()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false, demo: true);
        var seeded = await server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<SeedDemoData.Handler>().Handle(actor, CancellationToken.None));
        var password = seeded.Accounts.Single(a => a.Username == "demo.investigator.lhr").Password;

        await browser.RunAsync(server.Address, async session =>
        {
            var page = session.Page;
            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("demo.investigator.lhr", password);
            await session.WaitForPathAsync("/cases");
            await page.GetByRole(AriaRole.Link, new() { Name = "Network", Exact = true }).ClickAsync();
            await Expect(page.Locator("#network-brokers tbody tr").First).ToBeVisibleAsync();
            await session.ScreenshotAsync("brokers");

            // One hop around the first broker, so that expanding a neighbour brings new nodes.
            var broker = await page.Locator("#network-brokers tbody tr a").First.GetAttributeAsync("href");
            await session.GotoAsync(broker + "&Hops=1");
            var graph = page.Locator("#network-graph");
            await Expect(graph).ToHaveAttributeAsync("data-drawn-nodes", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
            await Expect(page.Locator("#network-graph canvas").First).ToBeAttachedAsync();
            await Expect(page.Locator("#network-status")).ToContainTextAsync("Drawn:");
            var drawn = int.Parse((await graph.GetAttributeAsync("data-drawn-nodes"))!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(await page.Locator("#network-table tbody tr").CountAsync(), drawn);
            await session.ScreenshotAsync("drawn");

            // Expand the best-connected neighbouring case or person: its own neighbours join the drawing.
            var rows = page.Locator("#network-table tbody tr[data-node]");
            var best = -1;
            var bestLinks = -1;
            for (var i = 1; i < await rows.CountAsync(); i++)
            {
                var kind = await rows.Nth(i).Locator("td").Nth(1).InnerTextAsync();
                if (kind is not ("case" or "person"))
                {
                    continue;
                }
                var links = int.Parse(await rows.Nth(i).Locator("td").Nth(3).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
                if (links > bestLinks)
                {
                    (best, bestLinks) = (i, links);
                }
            }
            Assert.True(best > 0, "The broker has no neighbours.");
            await rows.Nth(best).GetByRole(AriaRole.Button, new() { Name = "Expand in the drawing" }).ClickAsync();
            await Expect(page.Locator("#network-status")).ToContainTextAsync("added around");
            var expanded = int.Parse((await graph.GetAttributeAsync("data-drawn-nodes"))!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(expanded > drawn, $"{expanded} nodes after expanding, {drawn} before.");
            await session.ScreenshotAsync("expanded");

            // Hide the places: fewer nodes drawn, nothing asked of the server.
            await page.Locator("input[data-kind=place]").UncheckAsync();
            var filtered = int.Parse((await graph.GetAttributeAsync("data-drawn-nodes"))!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(filtered < expanded, $"{filtered} nodes after hiding places, {expanded} before.");
            await session.ScreenshotAsync("filtered");

            // The selected node's record opens from the panel.
            var open = page.Locator("#network-open");
            await Expect(open).ToBeVisibleAsync();
            var href = await open.GetAttributeAsync("href");
            await open.ClickAsync();
            await session.WaitForPathAsync(href!);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await session.ScreenshotAsync("record");
        });
    }
}
