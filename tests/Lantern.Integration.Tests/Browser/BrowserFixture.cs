using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// One headless Chromium (Debian's, never a Playwright download) per test class; each test gets a fresh
/// browser context, so no cookie or session leaks from one test into the next.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "LANTERN_CHROMIUM";
    public const string ArtifactsVariable = "LANTERN_ARTIFACTS";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where screenshots (and the trace of a failed test) go: LANTERN_ARTIFACTS as set by ./test, else beside the test assembly.</summary>
    public static string ArtifactsFolder { get; } =
        Environment.GetEnvironmentVariable(ArtifactsVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        // Playwright's own expectations wait up to 5 s by default; a 2-core CI machine running other tests needs more.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    /// <summary>
    /// Runs <paramref name="test"/> in a new browser context against <paramref name="baseAddress"/>. On failure it keeps a
    /// screenshot and a Playwright trace named after the test; on success it also checks that no page broke along the way
    /// (a script error, or a request the server answered with 4xx/5xx).
    /// </summary>
    public Task RunAsync(string baseAddress, Func<BrowserSession, Task> test, [CallerMemberName] string testName = "") =>
        RunAsync(baseAddress, javaScript: true, test, testName);

    /// <summary>As above; with <paramref name="javaScript"/> false the page runs no script at all (the tip line must work so).</summary>
    public async Task RunAsync(string baseAddress, bool javaScript, Func<BrowserSession, Task> test, [CallerMemberName] string testName = "")
    {
        var browser = _browser ?? throw new InvalidOperationException("Chromium has not started.");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(30_000);
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        var session = new BrowserSession(page, testName, ArtifactsFolder);
        try
        {
            await test(session);
            Assert.Empty(session.PageProblems);
        }
        catch
        {
            await KeepEvidenceAsync(session, context, testName);
            throw;
        }
        await context.Tracing.StopAsync();
    }

    private static async Task KeepEvidenceAsync(BrowserSession session, IBrowserContext context, string testName)
    {
        try
        {
            await session.ScreenshotAsync("failed");
            await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(ArtifactsFolder, testName + "-trace.zip") });
        }
        catch (PlaywrightException)
        {
            // The page may be gone (the cause of the failure); the test's own exception is the one to report.
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
