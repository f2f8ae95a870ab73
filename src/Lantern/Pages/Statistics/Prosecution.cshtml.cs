using System.Globalization;
using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Statistics;

/// <summary>
/// The prosecution dashboard: the funnel from complaint to conviction, filtered by year, province, circle and offence;
/// conviction rates per offence; median days per stage; the oldest open cases; victims awarded compensation. Aggregates
/// only. Over every year, a year or a free period (proceedings whose first stage fell in it). Users without exact
/// figures see every count protected (SmallCells): each column of a table as a one-way table with its total; a rate or
/// a median is withheld with the count it rests on.
/// </summary>
[Authorize(Policy = Permissions.StatisticsRead)]
public sealed class ProsecutionModel(ProsecutionFigures.Handler figures) : PeriodPage
{
    public ProsecutionFigures.Response Figures { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? Circle { get; set; }
    [BindProperty(SupportsGet = true)] public string? Offence { get; set; }

    /// <summary>The funnel rows the filters select: per offence when an offence is chosen, else each proceeding once.</summary>
    public IReadOnlyList<ProsecutionFigures.FunnelRow> Selected { get; private set; } = [];

    /// <summary>The funnel's stages with their published totals (English names, which the view translates).</summary>
    public IReadOnlyList<(string Stage, SmallCells.Cell Count)> Funnel { get; private set; } = [];

    /// <summary>Per year of the first stage: the five stage counts as published.</summary>
    public IReadOnlyList<(int Year, IReadOnlyList<string> Counts)> ByYear { get; private set; } = [];

    public IReadOnlyList<(ProsecutionFigures.ConvictionRate Rate, string Charges, string Decided, string Convicted, string? Share)> Rates { get; private set; } = [];

    public IReadOnlyList<(ProsecutionFigures.StageDuration Stage, string Completed, double? Median)> Durations { get; private set; } = [];

    public string Compensated { get; private set; } = "0";

    public bool Exact { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!await ModelState.TryAsync(async () => Figures = await figures.Handle(HttpContext.Actor(), AskedPeriod(), ct)))
        {
            Figures = new ProsecutionFigures.Response([], [], [], [], [], 0);
        }
        Exact = HttpContext.Actor().Has(Permissions.StatisticsExact);
        Selected = Filter();
        var columns = Columns(Selected, Exact);
        Funnel = [.. Stages.Select((stage, c) => (stage, columns[c].Total))];
        var years = Selected.GroupBy(r => r.Year).OrderBy(g => g.Key).Select(g => new ProsecutionFigures.FunnelRow(g.Key, "", "", "", "",
            g.Sum(r => r.Complaints), g.Sum(r => r.Firs), g.Sum(r => r.Challans), g.Sum(r => r.Trials), g.Sum(r => r.Convictions))).ToList();
        var yearColumns = Columns(years, Exact);
        ByYear = [.. years.Select((y, i) => (y.Year, (IReadOnlyList<string>)[.. yearColumns.Select(c => c.Cells[i].Text)]))];
        var rates = Figures.ConvictionRates;
        var charges = Protect([.. rates.Select(r => r.Charges)], Exact);
        var decided = Protect([.. rates.Select(r => r.Decided)], Exact);
        var convicted = Protect([.. rates.Select(r => r.Convicted)], Exact);
        Rates = [.. rates.Select((r, i) => (r, charges.Cells[i].Text, decided.Cells[i].Text, convicted.Cells[i].Text,
            r.Rate is null || decided.Cells[i].Hidden || convicted.Cells[i].Hidden ? null : (r.Rate.Value * 100).ToString("0", CultureInfo.InvariantCulture) + "%"))];
        var completed = Protect([.. Figures.MedianDaysPerStage.Select(s => s.Completed)], Exact);
        Durations = [.. Figures.MedianDaysPerStage.Select((s, i) => (s, completed.Cells[i].Text, completed.Cells[i].Hidden ? null : s.MedianDays))];
        var compensated = Figures.VictimsWithCompensation;
        Compensated = !Exact && compensated is > 0 and < SmallCells.Threshold ? SmallCells.Small : compensated.ToString(CultureInfo.InvariantCulture);
    }

    private static readonly string[] Stages = ["Complaints", "FIRs registered", "Challans submitted", "Trials", "Convictions"];

    /// <summary>A column of counts with its total, protected as a one-way table unless exact.</summary>
    private static (IReadOnlyList<SmallCells.Cell> Cells, SmallCells.Cell Total) Protect(IReadOnlyList<int> values, bool exact) =>
        exact ? (SmallCells.Exact(values), SmallCells.Cell.Exact(values.Sum())) : SmallCells.OneWay(values, values.Sum());

    private static List<(IReadOnlyList<SmallCells.Cell> Cells, SmallCells.Cell Total)> Columns(IReadOnlyList<ProsecutionFigures.FunnelRow> rows, bool exact)
    {
        Func<ProsecutionFigures.FunnelRow, int>[] counts = [r => r.Complaints, r => r.Firs, r => r.Challans, r => r.Trials, r => r.Convictions];
        return [.. counts.Select(count => Protect([.. rows.Select(count)], exact))];
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
        Figures = await figures.Handle(HttpContext.Actor(), AskedPeriod(), ct);
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

    public IEnumerable<string> Organisations => Figures.FunnelByProceeding.Select(r => r.Organisation).Distinct().Order(StringComparer.Ordinal);
    public IEnumerable<string> Provinces => Figures.FunnelByProceeding.Select(r => r.Province).Distinct().Order(StringComparer.Ordinal);
    public IEnumerable<string> Circles => Figures.FunnelByProceeding.Select(r => r.Circle).Distinct().Order(StringComparer.Ordinal);
    public IEnumerable<string> Offences => Figures.Funnel.Select(r => r.Offence).Where(o => o != ProsecutionFigures.NoCharge).Distinct().Order(StringComparer.Ordinal);

    private List<ProsecutionFigures.FunnelRow> Filter() =>
        (string.IsNullOrEmpty(Offence) ? Figures.FunnelByProceeding : Figures.Funnel.Where(r => r.Offence == Offence))
            .Where(r => string.IsNullOrEmpty(Organisation) || r.Organisation == Organisation)
            .Where(r => string.IsNullOrEmpty(Province) || r.Province == Province)
            .Where(r => string.IsNullOrEmpty(Circle) || r.Circle == Circle)
            .ToList();
}
