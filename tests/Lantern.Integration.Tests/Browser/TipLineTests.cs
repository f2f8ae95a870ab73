using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>The public tip line in a browser with JavaScript switched off: a plain form post must be enough, on a phone-sized screen.</summary>
public sealed class TipLineTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ReportForm_WithoutJavaScript_SubmitsAndShowsNumberAndPhraseWithoutCookies()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite);
        await browser.RunAsync(server.Address, javaScript: false, async session =>
        {
            var page = session.Page;
            await page.SetViewportSizeAsync(360, 740);
            await session.GotoAsync("/report");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Report trafficking or smuggling" })).ToBeVisibleAsync();
            await page.GetByLabel("What happened? (required)").FillAsync("A girl of about ten works day and night in the house next door and does not go to school.");
            await page.GetByLabel("Province").SelectOptionAsync("Punjab");
            await page.GetByLabel("District").FillAsync("Lahore");
            await page.GetByLabel("Yes, and a child is in danger right now").CheckAsync();
            await page.GetByLabel("How many people may be at risk?").FillAsync("1");
            await session.ScreenshotAsync("tip-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you. We have your report." })).ToBeVisibleAsync();
            await Expect(page.Locator("#tip-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^T-[0-9]{4}-[0-9]{4}$"));
            Assert.Equal(5, (await page.Locator("#tip-phrase").InnerTextAsync()).Split(' ').Length);
            Assert.Empty((await page.Context.CookiesAsync()).Select(c => c.Name));
            await session.ScreenshotAsync("tip-received");
        });
        var board = await server.GetJsonAsync<Lantern.Core.Features.Tips.TipBoard>(Persona.InvestigatorA, "/api/v1/tips");
        Assert.Contains(board.Urgent, t => t.District == "Lahore" && t.Children == Lantern.Core.Features.Tips.ChildrenAtRisk.ImmediateDanger);
    }
}
