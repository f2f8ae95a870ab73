using Lantern.Core.Features.Statistics;
using Lantern.Web;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Statistics;

/// <summary>
/// A statistics page that covers a year or a free period of whole days (from and to, ADR 0022), read from the query
/// string as text so that a bad value is refused naming <c>year</c>, <c>from</c> or <c>to</c>, as the API does.
/// </summary>
public abstract class PeriodPage : FormPage
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    /// <summary>Whether a free period (from or to) was asked for rather than a year.</summary>
    public bool PeriodGiven => !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    /// <summary>The period asked for, or null when neither a year nor dates were given; refused naming the field at fault.</summary>
    protected ReportingPeriod? AskedPeriod() => ReportingPeriod.OfOptional(Year, From, To);

    /// <summary>year, from and to as given, for links (downloads) that must cover the same period.</summary>
    public IEnumerable<KeyValuePair<string, string?>> PeriodQuery =>
        new Dictionary<string, string?> { ["year"] = Year, ["from"] = From, ["to"] = To }.Where(q => !string.IsNullOrWhiteSpace(q.Value));
}
