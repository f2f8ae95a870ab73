using Lantern.Core.Features.Administration;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// A case walks from complaint to conviction through the pages: the investigator records the complaint, the FIR,
/// the investigation and the challan; the prosecutor records the trial, frames the charge and records the
/// conviction with compensation; the supervisor's dashboard before and the analyst's after show the funnel move.
/// </summary>
public sealed class ProsecutionWorkflowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private LanternServer? _server;
    private Guid _caseId;

    private LanternServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    private static string DaysAgo(int days) => DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await Investigators.AddAsync(_server);
        await _server.AsOperatorAsync(async (sp, actor) =>
        {
            var users = sp.GetRequiredService<AddUser.Handler>();
            foreach (var (name, role) in new[] { ("browser.prosecutor", "prosecutor"), ("browser.analyst", "analyst"), ("browser.supervisor", "administrator") })
            {
                await users.Handle(actor, new AddUser.Request(name, Investigators.Organisation, role, Investigators.Password), CancellationToken.None);
            }
            return 0;
        });
        _caseId = await _server.ImportAsync("""
            { "format": "lantern-case/1", "case": { "reference": "BRW-PRO-0001", "cas_Status": "Active", "summary": "Recruited for domestic work in Dubai; passport kept by the agent." },
              "persons": [ { "key": "v", "role": "victim", "prs_FirstName": "Nasreen", "prs_SecondName": "Akhtar", "prs_Gender": "Feminine" },
                           { "key": "s", "role": "suspect", "prs_FirstName": "Tariq", "prs_SecondName": "Mehmood", "prs_Gender": "Masculine" } ] }
            """, Investigators.Organisation);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public Task Proceeding_FromComplaintToConviction_MovesTheDashboard() => browser.RunAsync(Server.Address, async session =>
    {
        var page = session.Page;

        // Before: the supervisor's dashboard counts nothing.
        await SignInAsync(session, "browser.supervisor");
        await session.GotoAsync("/statistics/prosecution");
        await Expect(Tile(page, "Complaints")).ToHaveTextAsync("0");
        await Expect(Tile(page, "Convictions")).ToHaveTextAsync("0");
        await SignOutAsync(page);

        // The investigator: complaint, FIR, investigation, challan.
        await SignInAsync(session, "browser.investigator");
        await session.GotoAsync($"/cases/{_caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Prosecution", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prosecution of BRW-PRO-0001" })).ToBeVisibleAsync();
        await RecordStageAsync(page, "ComplaintReceived", DaysAgo(90));
        await RecordStageAsync(page, "FirRegistered", DaysAgo(80), fir: ("112/2026", "FIA AHTC Circle Lahore"));
        await RecordStageAsync(page, "Investigation", DaysAgo(79));
        // The page offers only the stages that may come next; a date before the previous stage is refused, naming the field.
        await Expect(page.Locator("#stage option[value=Trial]")).ToHaveCountAsync(0);
        await RecordStageAsync(page, "FinalReport", DaysAgo(100));
        await Expect(page.Locator("#started")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("table.list").First).Not.ToContainTextAsync("challan");
        await session.GotoAsync($"/cases/{_caseId}/prosecution");
        await RecordStageAsync(page, "FinalReport", DaysAgo(60));
        await Expect(page.Locator("table.list").First).ToContainTextAsync("FIR 112/2026, FIA AHTC Circle Lahore");
        await session.ScreenshotAsync("investigation-done");
        await SignOutAsync(page);

        // The prosecutor: trial, charge under the law in force on the offence date, conviction with compensation.
        await SignInAsync(session, "browser.prosecutor");
        await session.GotoAsync($"/cases/{_caseId}/prosecution");
        await RecordStageAsync(page, "Trial", DaysAgo(50), court: "Judicial Magistrate Section 30, Lahore");
        await page.Locator("summary", new() { HasText = "Frame a charge" }).ClickAsync();
        await page.Locator("#offence").SelectOptionAsync("PTPA 2018|3(1)");
        await page.Locator("#odate").FillAsync("2024-06-01");
        await page.Locator("#framed").FillAsync(DaysAgo(45));
        await page.Locator("#particulars").FillAsync("Recruited the victim by deception for domestic work abroad.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Frame the charge" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Tariq Mehmood");
        // The offence date (before the 2025 amendment) chose the law of 2018: up to seven years.
        await Expect(page.Locator("main")).ToContainTextAsync("range: up to 84 months");

        // A sentence above the maximum is refused, naming the field, until it is confirmed with a reason.
        await RecordOutcomeAsync(page, months: "100", confirmation: null);
        await Expect(page.Locator(".errors")).ToContainTextAsync("84 months");
        await Expect(page.Locator("#months")).ToHaveAttributeAsync("aria-invalid", "true");
        await RecordOutcomeAsync(page, months: "60", confirmation: null);
        await Expect(page.Locator("main")).ToContainTextAsync("Convicted on");
        await Expect(page.Locator("main")).ToContainTextAsync("Nasreen Akhtar: Rs 200000");
        await session.ScreenshotAsync("convicted");
        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).First.ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Convicted");
        await session.ScreenshotAsync("timeline");
        await SignOutAsync(page);

        // After: the analyst's dashboard counts the proceeding at every stage it reached.
        await SignInAsync(session, "browser.analyst");
        await session.GotoAsync("/statistics/prosecution");
        await Expect(Tile(page, "Complaints")).ToHaveTextAsync("1");
        await Expect(Tile(page, "FIRs registered")).ToHaveTextAsync("1");
        await Expect(Tile(page, "Challans submitted")).ToHaveTextAsync("1");
        await Expect(Tile(page, "Trials")).ToHaveTextAsync("1");
        await Expect(Tile(page, "Convictions")).ToHaveTextAsync("1");
        await Expect(Tile(page, "Compensation")).ToHaveTextAsync("1");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Nasreen");
        await session.ScreenshotAsync("dashboard");
    });

    private static ILocator Tile(IPage page, string stage) => page.Locator($"[data-stage='{stage}'] .n");

    private static async Task SignInAsync(BrowserSession session, string username)
    {
        await session.GotoAsync("/login");
        await session.SubmitPasswordAsync(username, Investigators.Password);
        await session.EnrolSecondFactorAsync();
    }

    private static Task SignOutAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

    private static async Task RecordStageAsync(IPage page, string stage, string startedOn, (string Number, string Station)? fir = null, string? court = null)
    {
        await page.Locator("summary", new() { HasText = "Record a stage" }).ClickAsync();
        await page.Locator("#stage").SelectOptionAsync(stage);
        await page.Locator("#started").FillAsync(startedOn);
        if (fir is { } f)
        {
            await page.Locator("#fir").FillAsync(f.Number);
            await page.Locator("#station").FillAsync(f.Station);
        }
        if (court is not null)
        {
            await page.Locator("#court").FillAsync(court);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the stage" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static async Task RecordOutcomeAsync(IPage page, string months, string? confirmation)
    {
        await page.Locator("summary", new() { HasText = "Record an outcome" }).ClickAsync();
        await page.Locator("#outcome").SelectOptionAsync("Convicted");
        await page.Locator("#decided").FillAsync(DaysAgo(5));
        await page.Locator("#months").FillAsync(months);
        await page.Locator("#cvictim").SelectOptionAsync(new SelectOptionValue { Label = "Nasreen Akhtar" });
        await page.Locator("#crupees").FillAsync("200000");
        if (confirmation is not null)
        {
            await page.Locator("#confirm").FillAsync(confirmation);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
