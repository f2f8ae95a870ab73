using Lantern.Core.Features.Duplicates;
using Lantern.Integration.Tests.Features.Duplicates;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// A reviewer works the possible-duplicates queue in headless Chromium: opens /duplicates, reads a pair's explanation,
/// confirms it, finds the person identity on the person page, and undoes the merge with a reason.
/// </summary>
public sealed class DuplicatesQueueTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private LanternServer? _server;

    private LanternServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await Investigators.AddAsync(_server);
        await _server.ImportAsync(DuplicateScenario.CaseJson("BRW-DUP-0001",
            [new("Muhammad", "Aslam", "1980-03-12", "35202-1234567-1", "+923001234567", "Lahore"), .. Crowd("Multan", 1)]), Investigators.Organisation);
        await _server.ImportAsync(DuplicateScenario.CaseJson("BRW-DUP-0002",
            [new("Mohd", "Aslam", "1980-03-12", "35202-1234576-1", "+923331112222", "Lahore"), .. Crowd("Sialkot", 2)]), Investigators.Organisation);
        await _server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<LinkDatabase.Handler>().Handle(actor, null, CancellationToken.None));
    }

    private static IEnumerable<TestPerson> Crowd(string city, int seed)
    {
        string[] given = ["Imran", "Tariq", "Bilal", "Kamran", "Shahid", "Naveed", "Asif", "Faisal", "Zubair", "Waqas", "Usman", "Hamza"];
        string[] family = ["Qureshi", "Chaudhry", "Malik", "Sheikh", "Rana", "Abbasi", "Mirza", "Gill", "Bhatti"];
        for (var i = 0; i < 25; i++)
        {
            var n = (seed * 101) + i;
            yield return new TestPerson(given[n % given.Length], family[(n / given.Length) % family.Length], $"{1960 + (n % 40)}-{1 + (n % 12):00}-{1 + (n % 28):00}",
                $"{10000 + (n * 37 % 89999):00000}-{1000000 + (n * 7919 % 8999999):0000000}-{n % 10}", $"+92300{1000000 + (n * 104729 % 8999999):0000000}", city);
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public Task DuplicatesQueue_ConfirmThenUndo_IdentityAppearsOnPersonPageAndGoes() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;
        await session.SignInFirstTimeAsync("browser.investigator", Investigators.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Duplicates" }).ClickAsync();
        await session.WaitForPathAsync("/duplicates");
        var pair = page.Locator("section.pair", new() { HasText = "Muhammad Aslam" });
        await Expect(pair).ToContainTextAsync("Mohd Aslam");
        await Expect(pair.Locator("table.explanation")).ToContainTextAsync("cnic");
        await Expect(pair.Locator("table.explanation")).ToContainTextAsync("one typing slip");
        await Expect(pair.Locator("table.explanation")).ToContainTextAsync("probability");
        await session.ScreenshotAsync("duplicates-queue");

        await pair.GetByRole(AriaRole.Button, new() { Name = "Confirm: same person" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/duplicates/", StringComparison.Ordinal));
        var pairPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("main")).ToContainTextAsync("Confirmed by browser.investigator");
        await session.ScreenshotAsync("pair-confirmed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mohd Aslam" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "One person identity: 2 source records" })).ToBeVisibleAsync();
        await Expect(page.Locator("section[aria-labelledby=identity]")).ToContainTextAsync("Muhammad Aslam");
        await Expect(page.Locator("section[aria-labelledby=identity]")).ToContainTextAsync(Investigators.Organisation);
        var personPath = new Uri(page.Url).AbsolutePath;
        await session.ScreenshotAsync("person-identity");

        await page.GetByRole(AriaRole.Link, new() { Name = "see the pair or undo the merge" }).ClickAsync();
        await session.WaitForPathAsync(pairPath);
        await page.GetByText("Undo this merge").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the merge" }).ClickAsync();
        await Expect(page.GetByLabel("Why is the merge undone?")).ToBeVisibleAsync(); // required: the browser keeps the form open
        await page.GetByLabel("Why is the merge undone?").FillAsync("The fathers' names differ in the FIR.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the merge" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Undone by browser.investigator");
        await session.ScreenshotAsync("pair-undone");

        await session.GotoAsync(personPath);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases" })).ToBeVisibleAsync();
        await Expect(page.Locator("section[aria-labelledby=identity]")).ToHaveCountAsync(0);
        Assert.Empty(session.PageProblems);
    });
}
