using System.Net;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Screening;
using Lantern.Web.Localisation;
using Microsoft.AspNetCore.Html;

namespace Lantern.Web;

/// <summary>
/// An ILO indicator's or dimension's wording on the screening pages. The catalogue is English, as imported; in Urdu the
/// bundled draft wording (<see cref="IndicatorWording.Urdu"/>) is shown first and the catalogue's English beside it,
/// marked as data, since the English is what was answered and what decides. Without an Urdu wording for the row (a
/// reworded import), the English alone.
/// </summary>
public static class IndicatorText
{
    public static IHtmlContent Indicator(string english) => Show(english, IndicatorWording.Urdu.Indicator(english));

    public static IHtmlContent Dimension(string english) => Show(english, IndicatorWording.Urdu.Dimension(english));

    /// <summary>Whether the page shows the draft wording, and so must say it is a draft.</summary>
    public static bool ShowsDraft => Language.Current == Languages.Urdu;

    private static HtmlString Show(string english, string? urdu)
    {
        var encoded = WebUtility.HtmlEncode(english);
        return urdu is null || !ShowsDraft
            ? new HtmlString($"<span translate=\"no\">{encoded}</span>")
            : new HtmlString($"<span class=\"indicator-ur\">{WebUtility.HtmlEncode(urdu)}</span> <span class=\"indicator-en muted\" translate=\"no\" lang=\"en\" dir=\"ltr\">({encoded})</span>");
    }
}
