using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Lantern.Core.Features.Cases;
using Lantern.Integration.Tests.Browser;
using Lantern.Integration.Tests.Features.Referrals;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Localisation;

/// <summary>
/// Lantern in Urdu over HTTP, as a browser without script uses it: the language switch, the choice remembered on the
/// account, every covered page free of untranslated text, and CSV downloads that spreadsheet software reads as UTF-8.
/// </summary>
public sealed partial class UrduPagesTests : IAsyncLifetime
{
    /// <summary>
    /// The pages translated so far, as a signed-in investigator reaches them ({case}, {person}, {referral} are filled in).
    /// The sign-in, second-factor and language pages are checked signed out in <see cref="SignInPages_InUrdu_HaveNoUntranslatedText"/>.
    /// Add a page here when it is translated (docs/decisions/0020-urdu-and-right-to-left.md lists the rest).
    /// </summary>
    public static readonly string[] CoveredPages =
    [
        "/cases",
        "/cases?q=nobody-by-this-name",
        "/cases/{case}",
        "/cases/new",
        "/cases/{case}/edit",
        "/cases/{case}/events/new",
        "/cases/{case}/persons/new",
        "/persons/{person}",
        "/referrals",
        "/referrals/{referral}",
        "/language",
        // ---- Tip line, screening, services (issue 8 §3, part 1; more in UrduPagesTests.TipLineInspectionsScreening.cs) ----
        "/tips",
        "/tips/{tip}",
        "/tips/call",
        "/services",
        "/services?q=nothing-by-this-name",
        "/referrals/new?case={case}",
        "/screening/catalogue",
        "/cases/{case}/screening/new",
        "/assessments/{assessment}",
        "/assessments/{assessment}?step=99",
        "/cases/{case}/participants/{participant}/status",
        // ---- end ----
        // ---- Urdu part 2: intelligence, prosecution, evidence, screening, sharing ----
        "/name-screening",
        "/name-screening/alerts",
        "/name-screening/batches",
        "/name-screening/profiles",
        "/watchlists",
        "/duplicates",
        "/network",
        "/network?entity=case:{case}",
        "/deadlines",
        "/hearings",
        "/hearings?scope=organisation",
        "/sharing",
        "/sharing/new?case={case}",
        "/sharing/partners",
        "/sharing/linkage",
        "/cases/{case}/evidence",
        "/cases/{case}/intelligence",
        "/cases/{case}/network",
        "/cases/{case}/prosecution",
        "/cases/{case}/timeline",
        "/cases/{case}/witness-schedule",
        // ---- end ----
    ];

    private LanternServer _server = null!;
    private Guid _case;
    private Guid _person;
    private Guid _referral;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        _case = await _server.ImportAsync(CaseDocuments.Victim("URDU-0001", "Nasreen", "Akhtar", "35202-3333333-3", "+923003333333"));
        var view = await _server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<GetCase.Handler>().Handle(actor, new Core.Common.CaseId(_case), CancellationToken.None));
        _person = view.People[0].PersonId;

        // A sent referral, so the board shows cards and the referral page has content.
        var (_, victim, _) = await ReferralScenario.ImportVictimAsync(_server, ReferralScenario.AdultVictimCase("URDU-REF-0001", "Samina", "+923009998877"));
        var shelter = await ReferralScenario.AddServiceAsync(_server, _server.OrganisationBId);
        using (var consent = await ReferralScenario.RecordConsentAsync(_server, Persona.InvestigatorA, victim, "Shelter", ["Identity", "Contact", "MedicalNeeds"]))
        {
            consent.EnsureSuccessStatusCode();
        }
        _referral = await ReferralScenario.CreateReferralAsync(_server, Persona.InvestigatorA, victim, shelter, ["Identity", "Contact", "MedicalNeeds"]);
        using var sent = await ReferralScenario.PostAsync(_server, Persona.InvestigatorA, $"/api/v1/referrals/{_referral}/send");
        sent.EnsureSuccessStatusCode();
        await SeedTipLineInspectionsScreeningAsync();
        await SeedStatisticsAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CoveredPages_InUrdu_HaveNoUntranslatedText()
    {
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, Persona.InvestigatorA);
        await SwitchAsync(browser, "ur", "/cases");

        var problems = new List<string>();
        foreach (var path in CoveredPages.Select(p => p.Replace("{case}", _case.ToString(), StringComparison.Ordinal).Replace("{person}", _person.ToString(), StringComparison.Ordinal).Replace("{referral}", _referral.ToString(), StringComparison.Ordinal)).Select(FillTipLineInspectionsScreening))
        {
            string page;
            try
            {
                page = await browser.GetAsync(path);
            }
            catch (HttpRequestException e)
            {
                // A redirect or an error names the page instead of stopping at the first one.
                problems.Add($"{path}: {e.Message}");
                continue;
            }
            Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", page, StringComparison.Ordinal);
            problems.AddRange(UntranslatedText.In(page).Select(text => $"{path}: {text}"));
        }
        Assert.True(problems.Count == 0, "Untranslated text in Urdu:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task CoveredPages_InUrdu_ShowDataAsTyped()
    {
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, Persona.InvestigatorA);
        await SwitchAsync(browser, "ur", "/cases");

        var list = await browser.GetAsync("/cases");
        Assert.Contains("<bdi>URDU-0001</bdi>", list, StringComparison.Ordinal);
        Assert.Contains("مقدمات", list, StringComparison.Ordinal);
        // The names are data; the role after each is interface.
        Assert.Contains("Nasreen Akhtar (متاثرہ)", list, StringComparison.Ordinal);
        var person = await browser.GetAsync($"/persons/{_person}");
        Assert.Contains("Nasreen", person, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPages_InUrdu_HaveNoUntranslatedText()
    {
        using var browser = new FormBrowser(_server.Address);
        await SwitchAsync(browser, "ur", "/login");
        var login = await browser.GetAsync("/login");
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", login, StringComparison.Ordinal);
        Assert.Empty(UntranslatedText.In(login));

        var enrol = await browser.SignInAsync(LanternServer.Username(Persona.CaseworkerA), LanternServer.Password);
        Assert.Equal("/login/enrol", enrol.AbsolutePath);
        Assert.Empty(UntranslatedText.In(browser.LastPage));
        Assert.Empty(UntranslatedText.In(await browser.GetAsync("/language")));

        // A failed sign-in's message too.
        await browser.SignInAsync(LanternServer.Username(Persona.CaseworkerA), "not the password");
        Assert.Contains("سائن اِن ناکام", browser.LastPage, StringComparison.Ordinal);
        Assert.Empty(UntranslatedText.In(browser.LastPage));
    }

    [Fact]
    public async Task UntranslatedText_EnglishPage_IsFound()
    {
        // The detector itself must be able to fail: the same page in English is full of findings.
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, Persona.InvestigatorA);
        var page = await browser.GetAsync("/cases");
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", page, StringComparison.Ordinal);
        var found = UntranslatedText.In(page);
        Assert.Contains(found, f => f.EndsWith(" Cases", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Contains("URDU-0001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChooseLanguage_SignedIn_IsRememberedAtTheNextSignInFromAnotherBrowser()
    {
        string secret;
        long step;
        using (var first = new FormBrowser(_server.Address))
        {
            (secret, step) = await SignInAsync(first, Persona.AnalystA);
            await SwitchAsync(first, "ur", "/statistics");
            await first.PostFormAsync("/language", "/logout", []);
        }

        // A fresh browser: no language cookie, English preferred by the browser; the account's choice wins.
        using var second = new FormBrowser(_server.Address);
        second.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        var login = await second.GetAsync("/login");
        Assert.Contains("<html lang=\"en\"", login, StringComparison.Ordinal);
        var landed = await second.SignInAsync(LanternServer.Username(Persona.AnalystA), LanternServer.Password);
        Assert.Equal("/login/code", landed.AbsolutePath);
        var (code, _) = await Authenticator.NextCodeAsync(secret, step);
        await second.PostFormAsync("/login/code", "/login/code", new() { ["Code"] = code });
        var page = await second.GetAsync("/statistics");
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", page, StringComparison.Ordinal);

        // And back to English, remembered the same way.
        await SwitchAsync(second, "en", "/statistics");
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", await second.GetAsync("/statistics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageCookie_SignedOut_OrAcceptLanguage_ChooseUrdu()
    {
        using var cookie = new FormBrowser(_server.Address);
        var landed = await SwitchAsync(cookie, "ur", "/login?ReturnUrl=%2Fcases");
        Assert.Equal("/login", landed.AbsolutePath);
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", cookie.LastPage, StringComparison.Ordinal);

        using var header = new FormBrowser(_server.Address);
        header.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ur-PK,ur;q=0.9,en;q=0.8");
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", await header.GetAsync("/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChooseLanguage_Unsupported_IsRefusedAndNothingChanges()
    {
        using var browser = new FormBrowser(_server.Address);
        var landed = await browser.PostFormAsync("/login", "/language", new() { ["Language"] = "fr", ["ReturnUrl"] = "/login" });
        Assert.Equal("/language", landed.AbsolutePath);
        Assert.Contains("Choose English or Urdu.", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", await browser.GetAsync("/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_UserChoseUrdu_StillAnswersInEnglish()
    {
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, Persona.InvestigatorA);
        await SwitchAsync(browser, "ur", "/cases");
        using var api = _server.Client(Persona.InvestigatorA);
        using var response = await api.GetAsync(new Uri("/api/v1/cases/00000000-0000-0000-0000-000000000001", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not found", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/statistics/prosecution?handler=csv")]
    [InlineData("/statistics/glotip?handler=csv&table=suspects")]
    public async Task CsvDownload_FromAPage_StartsWithByteOrderMarkAndSaysUtf8(string path)
    {
        using var client = _server.Client(Persona.AnalystA);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 3);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
    }

    /// <summary>Password, then enrolment of the second factor as the authenticator app does it; returns its key and the step used.</summary>
    private static async Task<(string Secret, long Step)> SignInAsync(FormBrowser browser, Persona persona)
    {
        var enrol = await browser.SignInAsync(LanternServer.Username(persona), LanternServer.Password);
        Assert.Equal("/login/enrol", enrol.AbsolutePath);
        var secret = SecretPattern().Match(browser.LastPage).Groups[1].Value;
        var (code, step) = await Authenticator.NextCodeAsync(secret);
        var landed = await browser.PostFormAsync("/login/enrol", "/login/enrol", new() { ["Code"] = code });
        Assert.NotEqual("/login/enrol", landed.AbsolutePath);
        return (secret, step);
    }

    /// <summary>Presses the language switch in the header of <paramref name="from"/>.</summary>
    private static Task<Uri> SwitchAsync(FormBrowser browser, string language, string from) =>
        browser.PostFormAsync(from, "/language", new() { ["Language"] = language, ["ReturnUrl"] = from });

    [GeneratedRegex("<code id=\"totp-secret\">([A-Z2-7]+)</code>")]
    private static partial Regex SecretPattern();
}
