using Lantern.Core.Features.Demo;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// The demo installation as a new user meets it: demo accounts sign in without a second factor and each role
/// lands on its own work — cases for officers, statistics for the analyst, the audit log for the auditor.
/// </summary>
public sealed class DemoTourTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DemoAccounts_SignInWithoutSecondFactor_AndSeeTheirRolesPages()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false, demo: true);
        var seeded = await server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<SeedDemoData.Handler>().Handle(actor, CancellationToken.None));
        Assert.True(seeded.Cases >= 2000);
        string Password(string username) => seeded.Accounts.Single(a => a.Username == username).Password;

        await browser.RunAsync(server.Address, async session =>
        {
            var page = session.Page;
            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("demo.investigator.lhr", Password("demo.investigator.lhr"));
            await session.WaitForPathAsync("/cases");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("DEMO");
            await Expect(page.Locator("p.count")).ToContainTextAsync("page 1 of");
            await session.ScreenshotAsync("investigator-cases");

            await page.GetByLabel("Exploitation").SelectOptionAsync("BondedLabour");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("exploitation=BondedLabour", StringComparison.Ordinal));
            await Expect(page.Locator("table.list tbody tr").First).ToContainTextAsync("Bonded labour");
            await session.ScreenshotAsync("bonded-labour");

            await page.Locator("table.list tbody tr a").First.ClickAsync();
            await Expect(page.Locator("table.people-table")).ToBeVisibleAsync();
            await session.ScreenshotAsync("case");
            await page.Locator("table.people-table tbody tr a").First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases", Exact = false })).ToBeVisibleAsync();
            await session.ScreenshotAsync("person");
            await page.GoBackAsync();

            // Prosecution and evidence of the same case, then the organisation's hearings.
            await page.GetByRole(AriaRole.Link, new() { Name = "Prosecution", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stages" })).ToBeVisibleAsync();
            await session.ScreenshotAsync("prosecution");
            await page.GoBackAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true }).ClickAsync();
            await session.ScreenshotAsync("timeline");
            await page.GoBackAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Evidence register" }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("SHA-256");
            await session.ScreenshotAsync("evidence-register");
            await page.GoBackAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Intelligence", Exact = true }).ClickAsync();
            await session.ScreenshotAsync("intelligence");
            await session.GotoAsync("/hearings?scope=organisation");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hearings" })).ToBeVisibleAsync();
            await session.ScreenshotAsync("hearings");
            // ---- Possible duplicates: the demo's full linking run has filled the queue, each pair with its explanation ----
            await session.GotoAsync("/duplicates");
            await Expect(page.Locator("section.pair table.explanation").First).ToContainTextAsync("match weight");
            await session.ScreenshotAsync("duplicates");
            // ---- end ----

            // Protection: the referral board (overdue first), a referral, the service directory, the indicators.
            await session.GotoAsync("/referrals");
            await Expect(page.Locator("#outgoing")).Not.ToContainTextAsync("Outgoing (0)");
            await session.ScreenshotAsync("referral-board");
            await page.Locator("section[aria-labelledby=outgoing] a").First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
            await session.ScreenshotAsync("referral");
            await session.GotoAsync("/services");
            await Expect(page.Locator("main")).ToContainTextAsync("Aman Shelter");
            await session.ScreenshotAsync("service-directory");
            await session.GotoAsync("/screening/catalogue");
            await Expect(page.Locator("main")).ToContainTextAsync("unverified");
            await session.ScreenshotAsync("indicator-catalogue");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            // The shelter works the referrals sent to it from its own queue.
            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("demo.caseworker.isb", Password("demo.caseworker.isb"));
            await session.GotoAsync("/referrals");
            await Expect(page.Locator("#incoming")).Not.ToContainTextAsync("Incoming (0)");
            await session.ScreenshotAsync("shelter-referral-board");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("demo.analyst", Password("demo.analyst"));
            await session.WaitForPathAsync("/statistics");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Victims by sex and age" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cases" })).ToHaveCountAsync(0);
            await session.ScreenshotAsync("analyst-statistics");
            await page.GetByRole(AriaRole.Link, new() { Name = "Prosecution dashboard" }).ClickAsync();
            await Expect(page.Locator("[data-stage=Convictions] .n")).Not.ToHaveTextAsync("0");
            await session.ScreenshotAsync("prosecution-dashboard");
            await session.GotoAsync("/statistics/routes?level=province");
            await Expect(page.Locator("table.routes tbody tr, table.routes tr").Nth(1)).ToBeVisibleAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("cross-border");
            await session.ScreenshotAsync("routes");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            // ---- Watchlists and name screening: the lists a screening officer may use, a name screened with its explanation, the alert queue ----
            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("demo.screener.lhr", Password("demo.screener.lhr"));
            await session.WaitForPathAsync("/name-screening");
            await session.GotoAsync("/watchlists");
            await Expect(page.Locator("main")).ToContainTextAsync("Wanted persons");
            await session.ScreenshotAsync("watchlists");
            await page.GetByRole(AriaRole.Link, new() { Name = "Wanted persons — FIA Lahore" }).ClickAsync();
            var wanted = (await page.Locator("table.list").Last.Locator("tbody tr td:nth-child(2)").First.InnerTextAsync()).Trim();
            await session.ScreenshotAsync("watchlist");
            await session.GotoAsync("/name-screening");
            await page.FillAsync("#Name", string.Join(' ', wanted.Split(' ').Reverse()));
            await page.GetByRole(AriaRole.Button, new() { Name = "Screen" }).ClickAsync();
            await Expect(page.Locator("section[aria-label=Hits]")).ToContainTextAsync(wanted);
            await session.ScreenshotAsync("name-screening");
            await session.GotoAsync("/name-screening/alerts");
            await Expect(page.Locator("main")).ToContainTextAsync(wanted);
            await session.ScreenshotAsync("name-screening-alerts");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            // ---- end ----

            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("demo.auditor", Password("demo.auditor"));
            await session.WaitForPathAsync("/audit");
            await Expect(page.Locator("table.audit tbody tr").First).ToBeVisibleAsync();
            await session.ScreenshotAsync("auditor-audit-log");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("demo.admin.lhr", Password("demo.admin.lhr"));
            await session.GotoAsync("/admin/users");
            await Expect(page.Locator("table.list")).ToContainTextAsync("demo.investigator.lhr");
            await Expect(page.Locator("table.list")).Not.ToContainTextAsync("demo.caseworker.isb");
            await session.ScreenshotAsync("admin-users");
        });
    }
}
