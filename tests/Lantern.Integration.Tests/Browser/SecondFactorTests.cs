using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// Signing in again after enrolment, in headless Chromium. Its own class (so its own Chromium) because it waits for the
/// next 30-second TOTP step, and that wait then overlaps the other browser classes instead of adding to them.
/// </summary>
public sealed class SecondFactorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private LanternServer? _server;

    private LanternServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await Investigators.AddAsync(_server);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public Task SignIn_EnrolledUser_AsksForCodeAndRefusesUsedCode() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;
        var enrolment = await session.SignInFirstTimeAsync("browser.investigator", Investigators.Password);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await session.WaitForPathAsync("/logout");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await session.GotoAsync("/cases");
        await session.WaitForPathAsync("/login");

        // The second sign-in asks for a code, not for a new enrolment; the code used to enrol is refused.
        await session.SubmitPasswordAsync("browser.investigator", Investigators.Password);
        await session.WaitForPathAsync("/login/code");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your code" })).ToBeVisibleAsync();
        await Expect(page.Locator("#totp-secret")).ToHaveCountAsync(0);
        var usedCode = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(enrolment.Secret))
            .ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(enrolment.LastUsedStep * 30).UtcDateTime);
        await page.GetByLabel("Code").FillAsync(usedCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code was not accepted.");
        await session.WaitForPathAsync("/login/code");
        await session.ScreenshotAsync("used-code-refused");

        // A code from a later step lets the user in.
        await session.EnterCodeAsync(enrolment);
        await session.WaitForPathAsync("/cases");
        await Expect(page.Locator("header.top .who")).ToHaveTextAsync("browser.investigator");
        await session.ScreenshotAsync("signed-in-again");
    });
}
