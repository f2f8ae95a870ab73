using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantern.Core.Features.Cases;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Localisation;

/// <summary>
/// Urdu for the tip line (public form and hotline pages), labour inspections and workplaces, indicator screening,
/// the service directory and the administration pages (issue 8 §3, part 1): the pages each persona reaches, the
/// public form's own language links (no cookie), and Core's validation messages shown in Urdu.
/// </summary>
public sealed partial class UrduPagesTests
{
    /// <summary>Pages only an administrator reaches ({inspection} and {workplace} are filled in).</summary>
    public static readonly string[] CoveredPagesByAdministrator =
    [
        "/tips",
        "/inspections",
        "/inspections/{inspection}",
        "/inspections/new",
        "/inspections/statistics",
        "/inspections/statistics?by=sector",
        "/workplaces",
        "/workplaces/{workplace}",
        "/workplaces/{workplace}/edit",
        "/workplaces/new",
        "/services/new",
        "/admin/users",
        "/admin/users/test.investigatora/districts",
        "/sharing/linkage",
    ];

    /// <summary>Pages an auditor reaches.</summary>
    public static readonly string[] CoveredPagesByAuditor = ["/audit", "/audit?action=case."];

    private static readonly int[] SeededChildAges = [12, 14, 15];

    private Guid _tip;
    private Guid _participant;
    private Guid _assessment;
    private Guid _workplace;
    private Guid _inspection;

    /// <summary>A tip, a screening interview, a workplace with an inspection, so the pages above have content.</summary>
    private async Task SeedTipLineInspectionsScreeningAsync()
    {
        using (var anonymous = _server.Client(Persona.Anonymous))
        {
            using var tip = await anonymous.PostAsJsonAsync(new Uri("/api/v1/tips/public", UriKind.Relative), new
            {
                whatHappened = "Families kept at a kiln near Raiwind for years over a peshgi.",
                province = "Punjab",
                district = "Kasur",
                place = "Kiln near Raiwind",
                whenHappened = "Since March",
                children = "Yes",
                peopleCount = 12,
                contactConsent = false,
            });
            tip.EnsureSuccessStatusCode();
        }
        var board = await _server.GetJsonAsync<Core.Features.Tips.TipBoard>(Persona.InvestigatorA, "/api/v1/tips");
        _tip = board.OldestFirst[0].Id;

        var view = await _server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<GetCase.Handler>().Handle(actor, new Core.Common.CaseId(_case), CancellationToken.None));
        _participant = view.People[0].ParticipantId;
        using (var started = await _server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/cases/{_case}/assessments",
            JsonSerializer.Serialize(new { participantId = _participant, exploitation = "labour", reasonToBelieveMinor = false })))
        {
            var text = await started.Content.ReadAsStringAsync();
            Assert.True(started.StatusCode == HttpStatusCode.Created, text);
            _assessment = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        }

        using var admin = _server.Client(Persona.AdministratorA);
        using (var workplace = await admin.PostAsJsonAsync(new Uri("/api/v1/workplaces", UriKind.Relative),
            new { kind = "brick-kiln", name = "Bhatta Raiwind Road", province = "Punjab", district = "Kasur", place = "Raiwind Road", ownerName = "Muhammad Aslam", status = "seasonal" }))
        {
            var text = await workplace.Content.ReadAsStringAsync();
            Assert.True(workplace.IsSuccessStatusCode, text);
            _workplace = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        }
        using var inspection = await admin.PostAsJsonAsync(new Uri("/api/v1/inspections", UriKind.Relative), new
        {
            workplaceId = _workplace,
            inspectedOn = "2026-11-20",
            men = 10,
            women = 5,
            boys = 2,
            girls = 1,
            childAges = SeededChildAges,
            indicators = new[] { new { indicator = "debt-bondage", note = "Peshgi owed by every family." } },
            peshgiAmount = 300000,
            workersReleased = 6,
            releaseOrderReference = "DC/BLSA/7",
            vigilanceCommitteeReferral = true,
            firNumber = "412/2026",
            policeStation = "Raiwind City",
            followUpDue = "2026-11-21",
            findings = "Families kept at the kiln over advances.",
        });
        var inspectionText = await inspection.Content.ReadAsStringAsync();
        Assert.True(inspection.IsSuccessStatusCode, inspectionText);
        _inspection = JsonDocument.Parse(inspectionText).RootElement.GetProperty("id").GetGuid();
    }

    private string FillTipLineInspectionsScreening(string path) => path
        .Replace("{tip}", _tip.ToString(), StringComparison.Ordinal)
        .Replace("{participant}", _participant.ToString(), StringComparison.Ordinal)
        .Replace("{assessment}", _assessment.ToString(), StringComparison.Ordinal)
        .Replace("{workplace}", _workplace.ToString(), StringComparison.Ordinal)
        .Replace("{inspection}", _inspection.ToString(), StringComparison.Ordinal);

    [Theory]
    [InlineData(Persona.AdministratorA)]
    [InlineData(Persona.AuditorA)]
    public async Task CoveredPages_OtherPersonasInUrdu_HaveNoUntranslatedText(Persona persona)
    {
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, persona);
        var pages = persona == Persona.AuditorA ? CoveredPagesByAuditor : CoveredPagesByAdministrator;
        await SwitchAsync(browser, "ur", pages[0]);

        var problems = new List<string>();
        foreach (var path in pages.Select(FillTipLineInspectionsScreening))
        {
            var page = await browser.GetAsync(path);
            Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", page, StringComparison.Ordinal);
            problems.AddRange(UntranslatedText.In(page).Select(text => $"{path}: {text}"));
        }
        Assert.True(problems.Count == 0, "Untranslated text in Urdu:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task SignedOutAndStatusPages_InUrdu_HaveNoUntranslatedText()
    {
        using var browser = new FormBrowser(_server.Address);
        await SwitchAsync(browser, "ur", "/login");
        foreach (var path in new[] { "/logout", "/not-found", "/forbidden", "/error" })
        {
            using var response = await browser.Client.GetAsync(new Uri(path, UriKind.Relative));
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", page, StringComparison.Ordinal);
            Assert.True(UntranslatedText.In(page).Count == 0, $"{path}:\n" + string.Join("\n", UntranslatedText.In(page)));
        }
    }

    [Fact]
    public async Task DistrictsPage_UserOfNoneOrAnotherOrganisation_IsNotFound()
    {
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, Persona.AdministratorA);
        foreach (var username in new[] { "no.such.user", LanternServer.Username(Persona.InvestigatorB) })
        {
            using var response = await browser.Client.GetAsync(new Uri($"/admin/users/{username}/districts", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/not-found", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task RecordInspection_InvalidCountsInUrdu_ShowsTheMessageInUrduWithItsNumbers()
    {
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, Persona.AdministratorA);
        await SwitchAsync(browser, "ur", "/inspections/new");
        await browser.PostFormAsync("/inspections/new", "/inspections/new", new()
        {
            ["Workplace"] = _workplace.ToString(),
            ["InspectedOn"] = "2026-11-20",
            ["Men"] = "1",
            ["Boys"] = "1",
            ["ChildAges"] = "12, 14",
        });
        var page = browser.LastPage;
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        // The field's label and Core's message, both in Urdu; the values of the English message are kept.
        Assert.Contains("بچوں کی عمریں: 1 موجود بچوں کے لیے 2 عمریں دی گئی ہیں۔", page, StringComparison.Ordinal);
        Assert.Empty(UntranslatedText.In(page));
    }

    [Theory]
    [InlineData("/report?lang=ur", null)]
    [InlineData("/report", "ur-PK,ur;q=0.9,en;q=0.8")]
    [InlineData("/report/follow-up?lang=ur", null)]
    [InlineData("/report/follow-up", "ur")]
    public async Task PublicTipLine_InUrdu_HasNoUntranslatedTextAndSetsNoCookie(string path, string? acceptLanguage)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(_server.Address) };
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "The tip line set a cookie: " + string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set : []));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Empty(UntranslatedText.In(page));
        // Both languages are always offered, each in its own language, as plain links.
        Assert.Contains("?lang=en\" lang=\"en\"", page, StringComparison.Ordinal);
        Assert.Contains(">English</a>", page, StringComparison.Ordinal);
        Assert.Contains(">اردو</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PublicTipLine_EnglishLink_WinsOverAnUrduBrowser()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(_server.Address) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ur");
        var page = await client.GetStringAsync(new Uri("/report?lang=en", UriKind.Relative));
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", page, StringComparison.Ordinal);
        Assert.Contains("Report trafficking or smuggling", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/report?lang=en\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicTipLine_SubmittedInUrdu_AnswerAndFieldErrorsStayInUrdu()
    {
        // A browser that prefers English: only the chosen language, carried in the form's address, keeps the answer in Urdu.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(_server.Address) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var form = await client.GetStringAsync(new Uri("/report?lang=ur", UriKind.Relative));
        Assert.Contains("action=\"/report?lang=ur\"", form, StringComparison.Ordinal);

        using (var empty = new FormUrlEncodedContent(new Dictionary<string, string> { ["WhatHappened"] = "", ["Province"] = "Punjab", ["Children"] = "DontKnow" }))
        using (var refused = await client.PostAsync(new Uri("/report?lang=ur", UriKind.Relative), empty))
        {
            var page = await refused.Content.ReadAsStringAsync();
            Assert.False(refused.Headers.Contains("Set-Cookie"));
            Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", page, StringComparison.Ordinal);
            Assert.Contains("کیا ہوا: براہِ کرم بتائیں کہ کیا ہوا۔", page, StringComparison.Ordinal);
            Assert.Empty(UntranslatedText.In(page));
        }

        using var filled = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["WhatHappened"] = "ہمارے پڑوس میں ایک بچی دن رات کام کرتی ہے۔",
            ["Province"] = "Punjab",
            ["District"] = "لاہور",
            ["Children"] = "Yes",
            ["PeopleCount"] = "1",
        });
        using var sent = await client.PostAsync(new Uri("/report?lang=ur", UriKind.Relative), filled);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.False(sent.Headers.Contains("Set-Cookie"));
        var answer = await sent.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", answer, StringComparison.Ordinal);
        Assert.Contains("شکریہ۔ آپ کی اطلاع ہمیں مل گئی ہے۔", answer, StringComparison.Ordinal);
        Assert.Contains("id=\"tip-number\"", answer, StringComparison.Ordinal);
        Assert.Contains("/report/follow-up?lang=ur", answer, StringComparison.Ordinal);
        Assert.Empty(UntranslatedText.In(answer));
    }
}
