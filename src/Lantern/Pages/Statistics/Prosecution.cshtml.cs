using System.Globalization;
using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Statistics;

/// <summary>
/// The prosecution dashboard: the funnel from complaint to conviction, filtered by year, province, circle and offence;
/// conviction rates per offence; median days per stage; the oldest open cases; victims awarded compensation. Aggregates only.
/// </summary>
[Authorize(Policy = Permissions.StatisticsRead)]
public sealed class ProsecutionModel(ProsecutionFigures.Handler figures) : PageModel
{
    public ProsecutionFigures.Response Figures { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? Circle { get; set; }
    [BindProperty(SupportsGet = true)] public string? Offence { get; set; }

    /// <summary>The funnel rows the filters select: per offence when an offence is chosen, else each proceeding once.</summary>
    public IReadOnlyList<ProsecutionFigures.FunnelRow> Selected { get; private set; } = [];

    public IReadOnlyList<Charts.Bar> Funnel { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await figures.Handle(HttpContext.Actor(), ct);
        Selected = Filter();
        Funnel =
        [
            new("Complaints", Selected.Sum(r => r.Complaints)),
            new("FIRs registered", Selected.Sum(r => r.Firs)),
            new("Challans submitted", Selected.Sum(r => r.Challans)),
            new("Trials", Selected.Sum(r => r.Trials)),
            new("Convictions", Selected.Sum(r => r.Convictions)),
        ];
    }

    /// <summary>The selected funnel rows as CSV (one row per year, organisation, province, circle and offence).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await DownloadRowsAsync(ct);
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(CsvText.Cell)).Append('\n');
        }
        return File(CsvFile.Bytes(csv.ToString()), CsvFile.ContentType, "prosecution-funnel.csv");
    }

    /// <summary>The same rows as XLSX: names are inline strings (never formulas), counts numbers, "&lt;5" and "x" text.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var rows = await DownloadRowsAsync(ct);
        return File(XlsxWorkbook.Write("prosecution-funnel", rows.Select((r, i) => (IReadOnlyList<object?>)[.. r.Select((cell, j) => i == 0 || j is > 0 and < 5 ? (object)cell : XlsxWorkbook.Count(cell))])),
            XlsxWorkbook.ContentType, "prosecution-funnel.xlsx");
    }

    private static readonly string[] FunnelHeader = ["year", "organisation", "province", "circle", "offence", "complaints", "firs", "challans", "trials", "convictions"];

    /// <summary>
    /// The download, header first. Users without exact figures get each count column protected as a one-way table
    /// with its total (SmallCells: 1 to 4 as "&lt;5", complements as "x"), since the file leaves Lantern.
    /// </summary>
    private async Task<List<string[]>> DownloadRowsAsync(CancellationToken ct)
    {
        Figures = await figures.Handle(HttpContext.Actor(), ct);
        var selected = Filter();
        var exact = HttpContext.Actor().Has(Permissions.StatisticsExact);
        Func<ProsecutionFigures.FunnelRow, int>[] counts = [r => r.Complaints, r => r.Firs, r => r.Challans, r => r.Trials, r => r.Convictions];
        var columns = counts.Select(count =>
        {
            var values = selected.Select(count).ToList();
            return exact ? [.. values.Select(v => v.ToString(CultureInfo.InvariantCulture))] : SmallCells.OneWay(values, values.Sum()).Cells.Select(c => c.Text).ToArray();
        }).ToArray();
        var rows = new List<string[]> { FunnelHeader };
        rows.AddRange(selected.Select((r, i) => (string[])[r.Year.ToString(CultureInfo.InvariantCulture), r.Organisation, r.Province, r.Circle, r.Offence, .. columns.Select(c => c[i])]));
        return rows;
    }

    public IEnumerable<int> Years => Figures.FunnelByProceeding.Select(r => r.Year).Distinct().Order();
    public IEnumerable<string> Organisations => Figures.FunnelByProceeding.Select(r => r.Organisation).Distinct().Order(StringComparer.Ordinal);
    public IEnumerable<string> Provinces => Figures.FunnelByProceeding.Select(r => r.Province).Distinct().Order(StringComparer.Ordinal);
    public IEnumerable<string> Circles => Figures.FunnelByProceeding.Select(r => r.Circle).Distinct().Order(StringComparer.Ordinal);
    public IEnumerable<string> Offences => Figures.Funnel.Select(r => r.Offence).Where(o => o != ProsecutionFigures.NoCharge).Distinct().Order(StringComparer.Ordinal);

    private List<ProsecutionFigures.FunnelRow> Filter() =>
        (string.IsNullOrEmpty(Offence) ? Figures.FunnelByProceeding : Figures.Funnel.Where(r => r.Offence == Offence))
            .Where(r => Year is null || r.Year == Year)
            .Where(r => string.IsNullOrEmpty(Organisation) || r.Organisation == Organisation)
            .Where(r => string.IsNullOrEmpty(Province) || r.Province == Province)
            .Where(r => string.IsNullOrEmpty(Circle) || r.Circle == Circle)
            .ToList();
}
