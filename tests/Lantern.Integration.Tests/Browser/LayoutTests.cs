using System.Web;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>What every visitor sees before signing in: the demo banner (only on demo installations) and the way to the sign-in page.</summary>
public sealed class LayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string BannerText = "DEMO — synthetic data only. Do not enter real cases on this installation.";

    [Fact]
    public async Task LoginPage_DemoInstallation_ShowsDemoBanner()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false, demo: true);
        await browser.RunAsync(server.Address, async session =>
        {
            await session.GotoAsync("/login");
            var banner = session.Page.GetByRole(AriaRole.Status);
            await Expect(banner).ToBeVisibleAsync();
            await Expect(banner).ToHaveTextAsync(BannerText);
            await session.ScreenshotAsync("demo-login");
        });
    }

    [Fact]
    public async Task LoginPage_RegularInstallation_HasNoDemoBanner()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await browser.RunAsync(server.Address, async session =>
        {
            await session.GotoAsync("/login");
            await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await Expect(session.Page.Locator(".demo-banner")).ToHaveCountAsync(0);
            await Expect(session.Page.Locator("body")).Not.ToContainTextAsync("synthetic data");
            await session.ScreenshotAsync("login");
        });
    }

    [Fact]
    public async Task Cases_SignedOut_RedirectsToLoginAndBackAfterSignIn()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        var username = await Investigators.AddAsync(server);
        await browser.RunAsync(server.Address, async session =>
        {
            var page = session.Page;
            await session.GotoAsync("/cases");
            await session.WaitForPathAsync("/login");
            Assert.Equal("/cases", HttpUtility.ParseQueryString(new Uri(page.Url).Query)["ReturnUrl"]);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(0);
            await session.ScreenshotAsync("redirected");

            // The place the visitor asked for survives the password and enrolment steps.
            await session.GotoAsync("/cases/new");
            await session.WaitForPathAsync("/login");
            await session.SubmitPasswordAsync(username, Investigators.Password);
            await session.EnrolSecondFactorAsync();
            await session.WaitForPathAsync("/cases/new");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New case" })).ToBeVisibleAsync();
            await session.ScreenshotAsync("back-where-asked");
        });
    }
}
