using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Inspections;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.Integration.Tests.Browser;

/// <summary>A labour inspector records an inspection of a brick kiln in Chromium, with children found, debt bondage and a BLSA release.</summary>
public sealed class InspectionWorkflowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task RecordInspection_InspectorFillsTheForm_InspectionShowsFindingsAndActions()
    {
        await using var server = await LanternServer.StartAsync(Provider.Sqlite, withPersonas: false);
        await server.AsOperatorAsync(async (sp, actor) =>
        {
            await sp.GetRequiredService<Organisations.AddHandler>().Handle(actor, "Labour Department Browser", "LocalGovernmentOrganisation", "PK", "Faisalabad", CancellationToken.None);
            await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request("browser.inspector", "Labour Department Browser", "labour-inspector", Investigators.Password), CancellationToken.None);
            await sp.GetRequiredService<SetUserDistricts.Handler>().Handle(actor, "browser.inspector", ["Faisalabad"], CancellationToken.None);
            var organisations = await sp.GetRequiredService<Organisations.ListHandler>().Handle(actor, CancellationToken.None);
            var owner = new Lantern.Core.Common.OrganisationId(organisations.Single(o => o.Name == "Labour Department Browser").Id);
            return await sp.GetRequiredService<AddWorkplace.Handler>().Handle(actor, new WorkplaceInput("brick-kiln", "Al-Madina Bricks", "Punjab", "Faisalabad", "Chak 204 RB"), CancellationToken.None, owner);
        });

        await browser.RunAsync(server.Address, async session =>
        {
            var page = session.Page;
            await session.GotoAsync("/login");
            await session.SubmitPasswordAsync("browser.inspector", Investigators.Password);
            await session.EnrolSecondFactorAsync();
            await session.WaitForPathAsync("/"); // a labour inspector starts on the dashboard: this year's inspections and the district map
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Inspections", Exact = true }).ClickAsync();
            await session.WaitForPathAsync("/inspections");
            await page.GetByRole(AriaRole.Link, new() { Name = "Record an inspection" }).ClickAsync();
            await page.Locator("#workplace").SelectOptionAsync(new SelectOptionValue { Label = "Al-Madina Bricks (Brick kiln, Faisalabad)" });
            await page.FillAsync("#date", "2026-11-20");
            await page.FillAsync("#men", "12");
            await page.FillAsync("#women", "9");
            await page.FillAsync("#boys", "3");
            await page.FillAsync("#girls", "1");
            await page.FillAsync("#ages", "9, 11, 13, 15");
            await page.Locator("input[name='Observed'][value='debt-bondage']").CheckAsync();
            await page.Locator("input[name='Notes[debt-bondage]']").FillAsync("Each family owes peshgi to the owner.");
            await page.FillAsync("#peshgi", "600000");
            await page.FillAsync("#peshgiWorkers", "8");
            // Children found beyond workers is impossible by construction here; a release without its order is the error to show.
            await page.FillAsync("#released", "8");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the inspection" }).ClickAsync();
            await Expect(page.Locator("#order")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("main")).ToContainTextAsync("release order");
            await session.ScreenshotAsync("release-order-missing");

            await page.FillAsync("#order", "DC-FSD/BLSA/2026/44");
            await page.Locator("input[name='VigilanceCommitteeReferral']").CheckAsync();
            await page.FillAsync("#followup", "2026-12-20");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the inspection" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("Inspection INS-20261120-");
            await Expect(page.Locator("#workers-found")).ToContainTextAsync("25");
            await Expect(page.Locator("#children-found")).ToContainTextAsync("aged 9, 11, 13, 15");
            await Expect(page.Locator("#indicators")).ToContainTextAsync("Each family owes peshgi to the owner.");
            await Expect(page.Locator("#actions")).ToContainTextAsync("8 (release order DC-FSD/BLSA/2026/44)");
            await session.ScreenshotAsync("recorded");
        });
    }
}
