using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// An officer screens one name on /name-screening in headless Chromium, reads the explanation, opens the alert and
/// dismisses it with a reason.
/// </summary>
public sealed class NameScreeningTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private LanternServer? _server;

    private LanternServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await Investigators.AddAsync(_server);
        await _server.AsOperatorAsync(async (sp, actor) =>
        {
            var organisations = await sp.GetRequiredService<Organisations.ListHandler>().Handle(actor, CancellationToken.None);
            var owner = new OrganisationId(organisations.Single(o => o.Name == Investigators.Organisation).Id);
            var db = sp.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            var list = new Watchlist("Suspected traffickers (browser)", "Screen travellers at Lahore airport.", WatchlistKind.Suspects, WatchlistSource.Manual, owner, actor.UserId, now);
            db.Watchlists.Add(list);
            var v = list.NextVersion(now);
            WatchlistEditing.Add(db, list, v, "S-1", new ListedDetails("Zubair Ahmed Qureshi", ["Zubair Qureshi"], "1984-03-07", "PK", null, null, "FIR 12/2026"), actor, now);
            await db.SaveChangesAsync();
            return 0;
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
    public Task NameScreening_ScreenOpenAlertDismiss_RecordsTheNamedDecision() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;
        await session.SignInFirstTimeAsync("browser.investigator", Investigators.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Name screening" }).ClickAsync();
        await session.WaitForPathAsync("/name-screening");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Zubair Qureshi");
        await page.GetByLabel("Birth date").FillAsync("1984-03-07");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen" }).ClickAsync();
        var hits = page.Locator("section[aria-label=Hits]");
        await Expect(hits).ToContainTextAsync("1 hit(s)");
        await Expect(hits).ToContainTextAsync("Zubair Ahmed Qureshi");
        await Expect(hits.Locator("table.explanation")).ToContainTextAsync("exact");
        await session.ScreenshotAsync("name-screening-hit");

        await hits.GetByRole(AriaRole.Link, new() { Name = "Alert (open)" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/name-screening/alerts/", StringComparison.Ordinal));
        await Expect(page.Locator("main")).ToContainTextAsync("FIR 12/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss the alert" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Say why the alert is dismissed");

        await page.GetByLabel("Why it is not (required)").FillAsync("Different person: the passport number differs.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss the alert" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Dismissed by browser.investigator");
        await Expect(page.Locator("main")).ToContainTextAsync("the passport number differs");
        await session.ScreenshotAsync("name-screening-dismissed");
    });
}
