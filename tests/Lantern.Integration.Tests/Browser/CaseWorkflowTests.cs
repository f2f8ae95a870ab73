using System.Web;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// An investigator's day in headless Chromium: first sign-in with a second factor, a case with a victim and a
/// suspect, finding it again by a misspelt name and by CNIC. Each test has its own server over a fresh SQLite database.
/// </summary>
public sealed class CaseWorkflowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string DecoyReference = "BRW-DECOY-0001";

    /// <summary>A case of the same organisation whose people match none of the searches below.</summary>
    private const string DecoyCase = $$"""
        {
          "format": "lantern-case/1",
          "case": { "reference": "{{DecoyReference}}", "cas_Status": "Active", "openedOn": "2026-01-09" },
          "persons": [
            { "key": "p1", "role": "victim", "prs_FirstName": "Rukhsana", "prs_SecondName": "Kausar", "prs_Gender": "Feminine",
              "identityDocuments": [{ "type": "CNIC", "number": "35102-1111111-1", "issuingCountry": "PK" }], "prs_MobilePhone": "+923001111111" }
          ]
        }
        """;

    /// <summary>Misspelt names of the victim and the suspect, and the suspect's CNIC with and without dashes.</summary>
    private static readonly string[] FindingQueries = ["Zaineb", "Mohammad Aslam", "35202-1234567-9", "3520212345679"];

    private LanternServer? _server;

    private LanternServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await Investigators.AddAsync(_server);
        await _server.ImportAsync(DecoyCase, Investigators.Organisation);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public Task CaseSearch_MisspeltNameOrCnic_FindsCaseWithVictimAndSuspect() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;
        await session.SignInFirstTimeAsync("browser.investigator", Investigators.Password);
        await session.ScreenshotAsync("cases-after-sign-in");

        // A new case.
        await page.GetByRole(AriaRole.Link, new() { Name = "New case" }).ClickAsync();
        await session.WaitForPathAsync("/cases/new");
        await page.GetByLabel("Reference").FillAsync("AHTC-LHR-2026-0142");
        await page.GetByLabel("Status").SelectOptionAsync("Active");
        await page.GetByLabel("Opened on").FillAsync("2026-03-14");
        await page.GetByLabel("Summary").FillAsync("Girl recruited in Kasur for domestic work in Lahore.");
        await session.ScreenshotAsync("new-case");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create case" }).ClickAsync();
        await page.WaitForURLAsync(url => IsCasePage(url));
        var casePath = new Uri(page.Url).AbsolutePath;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("AHTC-LHR-2026-0142");
        await Expect(page.GetByText("No one is recorded in this case yet.")).ToBeVisibleAsync();

        // The victim.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add person" }).ClickAsync();
        await session.WaitForPathAsync(casePath + "/persons/new");
        await page.Locator("#role").SelectOptionAsync("victim");
        await page.GetByLabel("First name").FillAsync("Zainab");
        await page.GetByLabel("Second name").FillAsync("Bibi");
        await page.GetByLabel("Aliases (comma-separated)").FillAsync("Zenab");
        await page.GetByLabel("Birth date (YYYY, YYYY-MM or YYYY-MM-DD)").FillAsync("2010-05");
        await page.GetByLabel("Gender").SelectOptionAsync("Feminine");
        await page.GetByLabel("Identity document").SelectOptionAsync("BForm");
        await page.GetByLabel("Document number").FillAsync("35102-7654321-4");
        await page.GetByLabel("Mobile phone (E.164)").FillAsync("+923001234567");
        await page.GetByLabel("Trafficking status").SelectOptionAsync("PossibleVictimOfTrafficking");
        await page.GetByLabel("Age when trafficked").FillAsync("15");
        await page.GetByLabel("Forced labour", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Child labour", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Withholds documents", new() { Exact = true }).CheckAsync();
        await session.ScreenshotAsync("add-victim");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await session.WaitForPathAsync(casePath);

        // The suspect.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add person" }).ClickAsync();
        await session.WaitForPathAsync(casePath + "/persons/new");
        await page.Locator("#role").SelectOptionAsync("suspect");
        await page.GetByLabel("First name").FillAsync("Muhammad");
        await page.GetByLabel("Second name").FillAsync("Aslam");
        await page.GetByLabel("Gender").SelectOptionAsync("Masculine");
        await page.GetByLabel("Identity document").SelectOptionAsync("CNIC");
        await page.GetByLabel("Document number").FillAsync("35202-1234567-9");
        await page.GetByLabel("Mobile phone (E.164)").FillAsync("+923214567890");
        await page.GetByLabel("Recruiter or intermediary", new() { Exact = true }).CheckAsync();
        await session.ScreenshotAsync("add-suspect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await session.WaitForPathAsync(casePath);
        await AssertCasePeopleAsync(page);
        await session.ScreenshotAsync("case-with-people");

        // Found again by a misspelt name of either person and by the suspect's CNIC, written either way; the decoy never.
        foreach (var query in FindingQueries)
        {
            await SearchAsync(session, query);
            await Expect(page.Locator(".count")).ToHaveTextAsync("1 case — page 1 of 1");
            var results = page.Locator("table.list tbody tr");
            await Expect(results).ToHaveCountAsync(1);
            await Expect(results).ToContainTextAsync("AHTC-LHR-2026-0142");
            await Expect(results).ToContainTextAsync("Zainab Bibi");
            await Expect(results).ToContainTextAsync("Muhammad Aslam");
            await session.ScreenshotAsync("search-" + (query.Any(char.IsDigit) ? "cnic-" + query.Count(c => c == '-') + "-dashes" : query.Replace(' ', '-')));
        }

        // The search does filter: the decoy is found by its own victim's name, and a stranger's CNIC finds nothing.
        await SearchAsync(session, "Rukhsana");
        await Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.list tbody")).ToContainTextAsync(DecoyReference);
        await SearchAsync(session, "61101-9999999-9");
        await Expect(page.Locator(".count")).ToHaveTextAsync("0 cases");
        await Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(0);

        // Open the case from the results.
        await SearchAsync(session, "3520212345679");
        await page.GetByRole(AriaRole.Link, new() { Name = "AHTC-LHR-2026-0142" }).ClickAsync();
        await session.WaitForPathAsync(casePath);
        await AssertCasePeopleAsync(page);
        await session.ScreenshotAsync("case-opened-from-search");
    });

    [Fact]
    public Task AddPerson_InvalidPhone_ShowsErrorNamingFieldAndAddsNobody() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;
        await session.SignInFirstTimeAsync("browser.investigator", Investigators.Password);
        await SearchAsync(session, DecoyReference);
        await page.GetByRole(AriaRole.Link, new() { Name = DecoyReference }).ClickAsync();
        await page.WaitForURLAsync(url => IsCasePage(url));
        var casePath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("table.people-table tbody tr")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add person" }).ClickAsync();
        await session.WaitForPathAsync(casePath + "/persons/new");
        await page.Locator("#role").SelectOptionAsync("witness");
        await page.GetByLabel("First name").FillAsync("Nasreen");
        await page.GetByLabel("Second name").FillAsync("Akhtar");
        await page.GetByLabel("Mobile phone (E.164)").FillAsync("12ab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();

        var errors = page.GetByRole(AriaRole.Alert);
        await Expect(errors).ToBeVisibleAsync();
        await Expect(errors).ToContainTextAsync("Please correct the following:");
        await Expect(errors).ToContainTextAsync("Mobile phone: Phone numbers must be in E.164 form");
        Assert.Equal(casePath + "/persons/new", new Uri(page.Url).AbsolutePath);
        // What was typed is kept, so the user fixes one field instead of starting again.
        await Expect(page.GetByLabel("First name")).ToHaveValueAsync("Nasreen");
        await Expect(page.GetByLabel("Mobile phone (E.164)")).ToHaveValueAsync("12ab");
        await Expect(page.Locator("#role")).ToHaveValueAsync("witness");
        await session.ScreenshotAsync("phone-error");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await session.WaitForPathAsync(casePath);
        await Expect(page.Locator("table.people-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.people-table")).Not.ToContainTextAsync("Nasreen");
        await session.ScreenshotAsync("case-unchanged");
    });

    private static bool IsCasePage(string url)
    {
        var segments = new Uri(url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["cases", var id] && Guid.TryParse(id, out _);
    }

    private static async Task SearchAsync(BrowserSession session, string query)
    {
        if (new Uri(session.Page.Url).AbsolutePath != "/cases")
        {
            await session.GotoAsync("/cases");
        }
        await session.Page.GetByLabel("Search", new() { Exact = true }).FillAsync(query);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await session.Page.WaitForURLAsync(url => HttpUtility.ParseQueryString(new Uri(url).Query)["q"] == query);
        await Expect(session.Page.GetByLabel("Search", new() { Exact = true })).ToHaveValueAsync(query);
    }

    private static async Task AssertCasePeopleAsync(IPage page)
    {
        var rows = page.Locator("table.people-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        var victim = rows.Filter(new() { HasText = "Zainab Bibi" });
        await Expect(victim.Locator(".role")).ToHaveTextAsync("victim");
        await Expect(victim).ToContainTextAsync("B-Form 35102-7654321-4");
        await Expect(victim).ToContainTextAsync("+923001234567");
        await Expect(victim).ToContainTextAsync("Forced labour, Child labour");
        await Expect(victim).ToContainTextAsync("Withholds documents");
        var suspect = rows.Filter(new() { HasText = "Muhammad Aslam" });
        await Expect(suspect.Locator(".role")).ToHaveTextAsync("suspect");
        await Expect(suspect).ToContainTextAsync("CNIC 35202-1234567-9");
        await Expect(suspect).ToContainTextAsync("Recruiter or intermediary");
    }
}
