using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>The second factor a user set up: the key from the enrolment page and the time step of the code last used.</summary>
public sealed record Enrolment(string Secret, long LastUsedStep);

/// <summary>One test's browser tab, with intent methods for signing in and full-page screenshots named after the test.</summary>
public sealed class BrowserSession
{
    private readonly string _testName;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _problems = new();
    private int _shots;

    internal BrowserSession(IPage page, string testName, string folder)
    {
        Page = page;
        _testName = testName;
        _folder = folder;
        page.PageError += (_, error) => _problems.Enqueue("script error: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Enqueue($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => _problems.Enqueue($"failed {request.Method} {request.Url}: {request.Failure}");
    }

    public IPage Page { get; }

    /// <summary>Script errors, failed requests and 4xx/5xx answers seen so far; a passing test must have none.</summary>
    public IReadOnlyCollection<string> PageProblems => _problems;

    /// <summary>The path (and query) of the page the tab shows.</summary>
    public string Path => new Uri(Page.Url).PathAndQuery;

    /// <summary>Saves a full-page screenshot as &lt;test&gt;-&lt;nn&gt;-&lt;step&gt;.png in the artefacts folder.</summary>
    public async Task ScreenshotAsync(string step)
    {
        var n = Interlocked.Increment(ref _shots).ToString("00", CultureInfo.InvariantCulture);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(_folder, $"{_testName}-{n}-{step}.png"), FullPage = true });
    }

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {path} answered {response.Status}.");
    }

    /// <summary>Waits until the tab shows <paramref name="path"/> (ignoring the query) and has loaded it.</summary>
    public Task WaitForPathAsync(string path) =>
        Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);

    /// <summary>Types a username and password on the sign-in page the tab shows; returns once the browser has left that page.</summary>
    public async Task SubmitPasswordAsync(string username, string password)
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Page.GetByLabel("Username").FillAsync(username);
        await Page.GetByLabel("Password").FillAsync(password);
        await ScreenshotAsync("sign-in");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Wait for the navigation to commit, not for every subresource to load: the steps after it wait for what they
        // need, and under load a late "load" event once left a signed-in page waiting out the timeout.
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/login", new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>On the enrolment page: checks the QR code is drawn, reads the key, and confirms the current code as an authenticator app would.</summary>
    public async Task<Enrolment> EnrolSecondFactorAsync()
    {
        Assert.Equal("/login/enrol", new Uri(Page.Url).AbsolutePath);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Set up your second factor" })).ToBeVisibleAsync();
        var qr = Page.Locator("img.qr");
        await Expect(qr).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync("() => document.querySelector('img.qr').complete");
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The QR code image did not load.");
        // Spaces allowed: a key shown in groups of four is easier to type, and authenticator apps ignore them.
        var secret = string.Concat((await Page.Locator("#totp-secret").InnerTextAsync()).Where(c => !char.IsWhiteSpace(c)));
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        await ScreenshotAsync("enrol");
        var (code, step) = await Authenticator.NextCodeAsync(secret);
        await Page.GetByLabel("Code").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/login/enrol");
        return new Enrolment(secret, step);
    }

    /// <summary>
    /// First sign-in of a new account: password, then enrolment of the second factor. The start page is the dashboard
    /// for users who read inspections and the case list for other case readers; either way the tab ends on the case list.
    /// </summary>
    public async Task<Enrolment> SignInFirstTimeAsync(string username, string password)
    {
        await GotoAsync("/login");
        await SubmitPasswordAsync(username, password);
        var enrolment = await EnrolSecondFactorAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath is "/cases" or "/");
        if (new Uri(Page.Url).AbsolutePath == "/")
        {
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
            await GotoAsync("/cases");
        }
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Cases", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("header.top .who")).ToHaveTextAsync(username);
        return enrolment;
    }

    /// <summary>Types a fresh code (from a step after the last one used) on the code page; returns the step used.</summary>
    public async Task<Enrolment> EnterCodeAsync(Enrolment enrolment)
    {
        Assert.Equal("/login/code", new Uri(Page.Url).AbsolutePath);
        var (code, step) = await Authenticator.NextCodeAsync(enrolment.Secret, enrolment.LastUsedStep);
        await Page.GetByLabel("Code").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/login/code");
        return enrolment with { LastUsedStep = step };
    }
}
