using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Inspections;

/// <summary>Overdue follow-up visits first, then the inspections the user may see.</summary>
[Authorize(Policy = Permissions.InspectionsRead)]
public sealed class IndexModel(ListInspections.Handler list, ListOverdueFollowUps.Handler overdue) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<InspectionSummary> Inspections { get; private set; } = [];
    public IReadOnlyList<OverdueFollowUp> Overdue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overdue = await overdue.Handle(HttpContext.Actor(), ct);
        await ModelState.TryAsync(async () => Inspections = await list.Handle(HttpContext.Actor(), new ListInspections.Request(District, Kind, From, To), ct));
    }
}
