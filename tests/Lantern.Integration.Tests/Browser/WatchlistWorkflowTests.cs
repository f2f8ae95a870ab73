using Lantern.Core.Features.Administration;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>A list keeper creates a manual watchlist in headless Chromium, adds an entry with an Urdu-script alias, corrects it and reads its history.</summary>
public sealed class WatchlistWorkflowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Username = "browser.listkeeper";

    private LanternServer? _server;

    private LanternServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await _server.AsOperatorAsync(async (sp, actor) =>
        {
            await sp.GetRequiredService<Organisations.AddHandler>().Handle(actor, Investigators.Organisation, "LawEnforcement", "PK", "Lahore", CancellationToken.None);
            return await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(Username, Investigators.Organisation, "administrator", Investigators.Password), CancellationToken.None);
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public Task ManualList_CreateAddEntryAndCorrectIt_HistoryShowsBothVersions() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;
        await session.SignInFirstTimeAsync(Username, Investigators.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Watchlists" }).ClickAsync();
        await session.WaitForPathAsync("/watchlists");
        await page.GetByRole(AriaRole.Link, new() { Name = "New list" }).ClickAsync();
        await session.WaitForPathAsync("/watchlists/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Wanted persons — browser test");
        await page.GetByLabel("Purpose: what the list is for and when to screen against it").FillAsync("Absconders in the circle's cases; screen at departure.");
        await page.GetByLabel("Kind").SelectOptionAsync("Wanted");
        await page.GetByLabel("Entries").SelectOptionAsync("Manual");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create list" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wanted persons — browser test" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("version 0");

        await page.Locator("summary", new() { HasText = "Add an entry" }).ClickAsync();
        await page.GetByLabel("Id on the list (blank: generated)").FillAsync("W-001");
        await page.Locator("#entry-name").FillAsync("Imran Saleem Butt");
        await page.GetByLabel("Aliases and names in other scripts (one per line)").FillAsync("عمران سلیم بٹ");
        await page.GetByLabel("Birth date (1985-03-14, 03/1985 or 1985)").FillAsync("1984");
        await page.GetByLabel("Nationality (PK)").FillAsync("PK");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add entry" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Imran Saleem Butt" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("عمران سلیم بٹ");
        await session.ScreenshotAsync("watchlist-entry-added");

        await page.Locator("summary", new() { HasText = "Edit the entry" }).ClickAsync();
        await page.GetByLabel("Birth date (1985-03-14, 03/1985 or 1985)").FillAsync("1984-02-17");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var history = page.Locator("table.list");
        await Expect(history).ToContainTextAsync("Changed");
        await Expect(history).ToContainTextAsync("birth date");
        await Expect(history).ToContainTextAsync("Added");
        await Expect(history).ToContainTextAsync(Username);
        await Expect(page.Locator("main")).ToContainTextAsync("1984-02-17");
        await session.ScreenshotAsync("watchlist-entry-history");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Wanted persons — browser test" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("version 2");
        await Expect(page.Locator("main")).ToContainTextAsync("W-001");
    });

    [Fact]
    public Task ImportedList_UploadTheUnSample_ImportHistoryAndEntriesShown() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;
        await session.SignInFirstTimeAsync(Username, Investigators.Password);
        await session.GotoAsync("/watchlists/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("UN consolidated list (sample)");
        await page.GetByLabel("Purpose: what the list is for and when to screen against it").FillAsync("Sanctions screening of recruitment agents.");
        await page.GetByLabel("Kind").SelectOptionAsync("Sanctions");
        await page.GetByLabel("Entries").SelectOptionAsync("Import");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create list" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "UN consolidated list (sample)" })).ToBeVisibleAsync();

        await page.Locator("#upload").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "data", "watchlists", "un-consolidated-sample.xml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.Locator("p.notice")).ToContainTextAsync("Imported as version 1: 4 added");
        await Expect(page.Locator("main")).ToContainTextAsync("un-consolidated-sample.xml");
        await Expect(page.Locator("main")).ToContainTextAsync("ZARGHUN KHAN DURRANI");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("imported from files; 4 listed, 0 removed");
        await session.ScreenshotAsync("watchlist-imported");
    });
}
