using Lantern.Core.Features.Cases;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>Lantern in Urdu in a real browser: right-to-left, mirrored header, the Nastaliq font served by Lantern; screenshots of the main pages.</summary>
public sealed class UrduLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MainPages_UserSwitchesToUrdu_AreRightToLeftWithNavigationOnTheRight()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        var username = await Investigators.AddAsync(server);
        var caseId = await server.ImportAsync(CaseDocuments.Victim("LHR-2026-0042", "Nasreen", "Akhtar", "35202-4444444-4", "+923004444444"), Investigators.Organisation);
        var view = await server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<GetCase.Handler>().Handle(actor, new Core.Common.CaseId(caseId), CancellationToken.None));
        var personId = view.People[0].PersonId;

        await browser.RunAsync(server.Address, async session =>
        {
            var page = session.Page;
            await session.SignInFirstTimeAsync(username, Investigators.Password);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");

            await page.GetByRole(AriaRole.Button, new() { Name = "اردو" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ur");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "مقدمات", Exact = true })).ToBeVisibleAsync();
            Assert.Equal("/cases", session.Path);

            // Mirrored: the brand sits at the right edge, the navigation runs leftwards from it, sign-out is at the left.
            var width = page.ViewportSize!.Width;
            var brand = await BoxAsync(page.Locator("header.top .brand"));
            var firstLink = await BoxAsync(page.Locator("header.top nav a").First);
            var lastLink = await BoxAsync(page.Locator("header.top nav a").Last);
            var signOut = await BoxAsync(page.Locator("header.top .signout"));
            Assert.True(brand.X + brand.Width > width - 60, $"The brand should sit at the right edge (right {brand.X + brand.Width} of {width}).");
            Assert.True(firstLink.X < brand.X, "The first navigation link should be left of the brand.");
            Assert.True(lastLink.X < firstLink.X, "The navigation should run from right to left.");
            Assert.True(signOut.X < width / 3.0, $"Sign-out should sit at the left (x {signOut.X}).");
            // Table headers start at the right.
            var header = await BoxAsync(page.Locator("table.list th").First);
            var table = await BoxAsync(page.Locator("table.list"));
            Assert.True(header.X + header.Width > table.X + table.Width - 2, "The first column should be the rightmost.");
            // The case reference keeps its own left-to-right order inside the Urdu text.
            await Expect(page.Locator("table.list td bdi").First).ToHaveTextAsync("LHR-2026-0042");

            // The Nastaliq font comes from Lantern itself and is in use.
            await page.EvaluateAsync("() => document.fonts.ready");
            Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px \"Noto Nastaliq Urdu\"', 'مقدمات')"), "Noto Nastaliq Urdu did not load.");
            Assert.Contains("Noto Nastaliq Urdu", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).fontFamily"), StringComparison.Ordinal);
            await session.ScreenshotAsync("urdu-cases");

            await session.GotoAsync($"/cases/{caseId}");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "افراد" })).ToBeVisibleAsync();
            await session.ScreenshotAsync("urdu-case");

            await session.GotoAsync($"/persons/{personId}");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await session.ScreenshotAsync("urdu-person");

            await session.GotoAsync("/referrals");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "حوالگیاں", Exact = true })).ToBeVisibleAsync();
            await session.ScreenshotAsync("urdu-referrals");

            // Signed out, the sign-in page stays in Urdu (the cookie), and the switch goes back to English.
            await page.GetByRole(AriaRole.Button, new() { Name = "سائن آؤٹ" }).ClickAsync();
            await session.GotoAsync("/login");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "سائن اِن" })).ToBeVisibleAsync();
            await session.ScreenshotAsync("urdu-sign-in");
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        });
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("Not rendered: " + locator);
}
