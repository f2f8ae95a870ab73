using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Referrals;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// An investigator screens a child victim with the indicator wizard on a phone-sized screen, sees the result and its
/// reasons change as answers change, completes it, records the formal status decision, records consent and the
/// child's safeguards, and refers the child to a shelter of another organisation, whose caseworker accepts it
/// seeing only what the consent allows.
/// </summary>
public sealed class ScreeningWorkflowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private LanternServer? _server;
    private Guid _caseId;

    private LanternServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await Investigators.AddAsync(_server);
        _caseId = await _server.ImportAsync(CaseDocuments.Victim("BRW-SCR-0001"), Investigators.Organisation);
        await _server.AsOperatorAsync(async (sp, actor) =>
        {
            var shelter = await sp.GetRequiredService<Organisations.AddHandler>().Handle(actor, Shelter, "NGO", "PK", "Islamabad", CancellationToken.None);
            await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request("browser.shelter", Shelter, "caseworker", Investigators.Password), CancellationToken.None);
            return await sp.GetRequiredService<ManageServices.AddHandler>().Handle(actor,
                new ServiceInput("Shelter", "Browser Girls' Shelter", "Islamabad Capital Territory", "Islamabad", 12, 3, ["ur", "en"], true, true, false, null, null, null, null, null),
                CancellationToken.None, new OrganisationId(shelter.Id));
        });
    }

    private const string Shelter = "Browser Shelter Islamabad";

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public Task Screening_ChildVictimOnAPhone_IndicatedThenStatusRecorded() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await session.SignInFirstTimeAsync("browser.investigator", Investigators.Password);
        await session.GotoAsync($"/cases/{_caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Screen a person" }).ClickAsync();
        await page.GetByLabel("Person", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Zainab Bibi (victim)" });
        await page.GetByLabel("Form of exploitation to screen for").SelectOptionAsync("labour");
        await session.ScreenshotAsync("screening-start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the interview" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/assessments/", StringComparison.Ordinal));
        await Expect(page.GetByText("child, labour exploitation")).ToBeVisibleAsync();
        await Expect(page.Locator(".result-headline")).ToHaveTextAsync("Indicators not sufficient so far");

        // Step 1, deceptive recruitment: nothing. Step 2, coercive recruitment: two strong indicators.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and next" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "coercive recruitment" })).ToBeVisibleAsync();
        await Answer(page, "Violence on victims", "yes");
        await Answer(page, "Debt bondage", "yes");
        // The live result follows the answers before anything is saved.
        await Expect(page.Locator(".dimension-positive")).ToContainTextAsync("coercive recruitment");
        await session.ScreenshotAsync("screening-coercive-recruitment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and next" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and next" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "exploitative conditions of work" })).ToBeVisibleAsync();
        await Answer(page, "Excessive working days or hours", "yes");
        await Answer(page, "Hazardous work", "yes");
        await Expect(page.Locator(".result-headline")).ToHaveTextAsync("Indicators of trafficking are present: treat as a presumed victim");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.Locator(".result-headline")).ToHaveTextAsync("Indicators of trafficking are present: treat as a presumed victim");

        await page.GetByRole(AriaRole.Link, new() { Name = "Result" }).ClickAsync();
        await Expect(page.Locator(".result-rule")).ToContainTextAsync("child");
        await session.ScreenshotAsync("screening-result");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the assessment" }).ClickAsync();
        await Expect(page.Locator(".status-completed")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the status decision" }).ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync("ActualVictimOfTrafficking");
        await page.GetByLabel("Kind of deciding organisation").SelectOptionAsync("Police");
        await page.GetByLabel("Reason").FillAsync("Coercive recruitment and exploitative work confirmed at interview.");
        await session.ScreenshotAsync("status-decision-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.list tbody")).ToContainTextAsync("Coercive recruitment and exploitative work confirmed at interview.");
        await session.ScreenshotAsync("status-decision-recorded");

        await session.GotoAsync($"/cases/{_caseId}");
        await Expect(page.Locator(".people-table")).ToContainTextAsync(Investigators.Organisation);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Screening" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("case-after-screening");

        // Protection and referral: consent (a guardian's, for a child), guardian, best interests, then the shelter.
        await page.GetByRole(AriaRole.Link, new() { Name = "Protection and referral" }).ClickAsync();
        await page.GetByLabel("Explained in").SelectOptionAsync("ur");
        await page.GetByLabel("Shelter", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Identity", new() { Exact = true }).First.CheckAsync();
        await page.GetByLabel("Guardian's name").First.FillAsync("Nasreen Bibi");
        await page.GetByLabel("Relation to the child").FillAsync("mother");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await page.Locator("#guardian").FillAsync("Nasreen Bibi");
        await page.Locator("#relation").FillAsync("mother");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record guardian" }).ClickAsync();
        await page.Locator("#assessedOn").FillAsync("2026-03-21");
        await page.Locator("#assessedBy").FillAsync("Child Protection Officer, Lahore");
        await page.Locator("#assessment").FillAsync("Safe shelter away from the employer's household is in the child's best interests.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record assessment" }).ClickAsync();
        await session.ScreenshotAsync("protection-recorded");
        await page.GetByLabel("Identity", new() { Exact = true }).Last.CheckAsync();
        await page.Locator("#needs").FillAsync("A safe place to stay and schooling.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft the referral" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/referrals/", StringComparison.Ordinal) && !url.Contains("/new", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to " + Shelter }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Sent");
        await session.ScreenshotAsync("referral-sent");
        var referralPath = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // The shelter's caseworker: the referral, the consented identity, never the case.
        await session.SignInFirstTimeAsync("browser.shelter", Investigators.Password);
        await session.GotoAsync("/referrals");
        await Expect(page.Locator("#incoming")).ToContainTextAsync("Incoming (1)");
        await session.GotoAsync(referralPath);
        await Expect(page.Locator("main")).ToContainTextAsync("Zainab");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Girl recruited in Kasur");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open the case" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("referral-accepted-by-shelter");
    });

    [Fact]
    public Task Screening_EmptyReason_ShowsTheErrorOnTheField() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;
        await session.SignInFirstTimeAsync("browser.investigator", Investigators.Password);
        await session.GotoAsync($"/cases/{_caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Status decision" }).First.ClickAsync();
        await page.GetByLabel("Reason").EvaluateAsync("e => e.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.Locator("#reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".errors")).ToContainTextAsync("Give the reason for the decision.");
    });

    private static async Task Answer(IPage page, string indicator, string answer)
    {
        var fieldset = page.Locator("fieldset.indicator").Filter(new() { Has = page.Locator("legend", new() { HasTextString = indicator }) });
        await fieldset.GetByLabel(answer, new() { Exact = true }).CheckAsync();
    }
}
