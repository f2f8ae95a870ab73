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

    [Fact]
    public async Task ReportForm_InUrduWithoutJavaScript_RightToLeftWithVisibleTextAndSubmits()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite);
        await browser.RunAsync(server.Address, javaScript: false, async session =>
        {
            var page = session.Page;
            await page.SetViewportSizeAsync(360, 740);
            await session.GotoAsync("/report?lang=ur");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            var heading = page.GetByRole(AriaRole.Heading, new() { Name = "انسانی اسمگلنگ یا بردہ فروشی کی اطلاع دیں" });
            await Expect(heading).ToBeVisibleAsync();
            await session.ScreenshotAsync("urdu-tip-form");
            // The heading is drawn (not blank while the Nastaliq font loads) and sits against the right edge.
            var shot = await heading.ScreenshotAsync();
            Assert.True(InkPixels(shot) > 300, $"The Urdu heading rendered no visible text ({InkPixels(shot)} dark pixels).");
            // Nothing widens the page beyond the phone's screen (a wider page is zoomed out until the text is unreadable).
            using (var whole = SkiaSharp.SKBitmap.Decode(await page.ScreenshotAsync(new() { FullPage = true })))
            {
                Assert.True(whole.Width <= 360, $"The Urdu tip form is {whole.Width} px wide on a 360 px screen.");
            }
            var box = (await heading.BoundingBoxAsync())!;
            var field = (await page.Locator("#whatHappened").BoundingBoxAsync())!;
            Assert.True(field.X + field.Width > 300, $"The form is not laid out across the page: field at {field.X}+{field.Width}.");
            Assert.True(box.X + box.Width > 300, $"The heading is not on the right: {box.X}+{box.Width} of 360.");

            await page.Locator("#whatHappened").FillAsync("ساتھ والے گھر میں تقریباً دس سال کی بچی دن رات کام کرتی ہے اور اسکول نہیں جاتی۔");
            await page.Locator("#province").SelectOptionAsync("Punjab");
            await page.Locator("#district").FillAsync("لاہور");
            await page.Locator("input[name=Children][value=ImmediateDanger]").CheckAsync();
            await page.Locator("button[type=submit]").ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "شکریہ۔ آپ کی اطلاع ہمیں مل گئی ہے۔" })).ToBeVisibleAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Expect(page.Locator("#tip-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^T-[0-9]{4}-[0-9]{4}$"));
            Assert.Empty((await page.Context.CookiesAsync()).Select(c => c.Name));
            await session.ScreenshotAsync("urdu-tip-received");
        });
        var board = await server.GetJsonAsync<Lantern.Core.Features.Tips.TipBoard>(Persona.InvestigatorA, "/api/v1/tips");
        Assert.Contains(board.Urgent, t => t.District == "لاہور");
    }

    /// <summary>Dark pixels in a PNG: text drawn on the light page background.</summary>
    private static int InkPixels(byte[] png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var ink = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 110)
                {
                    ink++;
                }
            }
        }
        return ink;
    }
}
