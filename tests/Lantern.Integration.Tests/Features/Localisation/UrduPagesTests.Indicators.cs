using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Localisation;

/// <summary>The ILO indicators in Urdu on the screening pages: the draft wording first, the catalogue's English beside it.</summary>
public sealed partial class UrduPagesTests
{
    [Fact]
    public async Task ScreeningInterview_InUrdu_ShowsTheDraftWordingWithTheEnglishBesideIt()
    {
        using var browser = new FormBrowser(_server.Address);
        await SignInAsync(browser, Persona.InvestigatorA);
        await SwitchAsync(browser, "ur", "/cases");

        var page = await browser.GetAsync($"/assessments/{_assessment}");

        Assert.Contains("<h2><span class=\"indicator-ur\">دھوکے سے بھرتی</span> <span class=\"indicator-en muted\" translate=\"no\" lang=\"en\" dir=\"ltr\">(deceptive recruitment)</span></h2>", page, StringComparison.Ordinal);
        Assert.Contains("کام کے حالات کے بارے میں دھوکا", page, StringComparison.Ordinal);
        Assert.Contains("ابتدائی ترجمہ", page, StringComparison.Ordinal);

        // In English the catalogue's wording alone, as before.
        await SwitchAsync(browser, "en", $"/assessments/{_assessment}");
        var english = await browser.GetAsync($"/assessments/{_assessment}");
        Assert.Contains("<h2><span translate=\"no\">deceptive recruitment</span></h2>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("indicator-ur", english, StringComparison.Ordinal);
    }
}
