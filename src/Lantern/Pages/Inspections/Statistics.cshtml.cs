using System.Text;
using Lantern.Core.Features.Inspections;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Inspections;

/// <summary>
/// Inspection statistics by district or sector: a table, SVG bars, and a CSV download. Signed in: Core lets in
/// inspectors (their districts, exact) and statistics readers (small cells suppressed unless allowed exact figures).
/// </summary>
[Authorize(Policy = LanternWebHost.SignedIn)]
public sealed class StatisticsModel(InspectionStatistics.Handler statistics) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? By { get; set; } = "district";
    [BindProperty(SupportsGet = true)] public bool Public { get; set; }

    public InspectionStatisticsTable? Table { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        await ModelState.TryAsync(async () => Table = await statistics.Handle(HttpContext.Actor(), new InspectionStatistics.Request(From, To, By, Public), ct));

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var table = await statistics.Handle(HttpContext.Actor(), new InspectionStatistics.Request(From, To, By, Public), ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(InspectionStatistics.ToCsv(table))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"inspections-by-{table.By}.csv");
    }

    /// <summary>The query string of this view, for the CSV link.</summary>
    public string Query() => string.Join('&', new Dictionary<string, string?> { ["from"] = From, ["to"] = To, ["by"] = By, ["public"] = Public ? "true" : null }
        .Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));
}
