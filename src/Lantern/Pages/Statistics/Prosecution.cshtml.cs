using System.Globalization;
using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
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
        Figures = await figures.Handle(HttpContext.Actor(), ct);
        var csv = new StringBuilder("year,organisation,province,circle,offence,complaints,firs,challans,trials,convictions\n");
        foreach (var r in Filter())
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"{r.Year},{CsvText.Row(r.Organisation, r.Province, r.Circle, r.Offence)},{r.Complaints},{r.Firs},{r.Challans},{r.Trials},{r.Convictions}");
        }
        return File(CsvFile.Bytes(csv.ToString()), CsvFile.ContentType, "prosecution-funnel.csv");
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
