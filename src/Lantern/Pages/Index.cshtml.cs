using Lantern.Core.Features.Inspections;
using Lantern.Core.Features.Reports;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages;

/// <summary>
/// The start page. Users who read inspections (labour inspectors, administrators) see the dashboard: this year's
/// inspection statistics by district and sector with the district map (issue 8 §2). Everyone else is sent to their
/// work: cases, statistics, name screening, or the audit log.
/// </summary>
[Authorize(Policy = LanternWebHost.SignedIn)]
public sealed class IndexModel(InspectionStatistics.Handler statistics, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public InspectionStatisticsTable? ByDistrict { get; private set; }
    public InspectionStatisticsTable? BySector { get; private set; }
    public IHtmlContent? Map { get; private set; }
    public IReadOnlyList<DistrictMap.Count> NotOnMap { get; private set; } = [];
    public IReadOnlyList<DistrictMap.Marker> Unlabelled { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.InspectionsRead))
        {
            return User.Can(Permissions.CasesRead) ? Redirect("/cases")
                : User.Can(Permissions.StatisticsRead) ? Redirect("/statistics")
                : User.Can(Permissions.WatchlistsScreen) ? Redirect("/name-screening")
                : User.Can(Permissions.AuditRead) ? Redirect("/audit")
                : Redirect("/forbidden");
        }
        Year = clock.GetUtcNow().Year;
        var from = $"{Year:0000}-01-01";
        var to = $"{Year:0000}-12-31";
        ByDistrict = await statistics.Handle(HttpContext.Actor(), new InspectionStatistics.Request(from, to, "district"), ct);
        BySector = await statistics.Handle(HttpContext.Actor(), new InspectionStatistics.Request(from, to, "sector"), ct);
        var map = DistrictMap.Layout("Inspections by district", "inspections",
            [.. ByDistrict.Rows.Select(r => new DistrictMap.Count(r.Group, r.Inspections.Value, r.Inspections.Text))], DistrictCatalogue.Pakistan);
        Map = new HtmlString(DistrictMap.ToSvg(map));
        NotOnMap = map.NotOnMap;
        Unlabelled = map.Unlabelled;
        return Page();
    }
}
