using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Workplaces;

/// <summary>The workplace register the user may see (a labour inspector: their districts).</summary>
[Authorize(Policy = Permissions.InspectionsRead)]
public sealed class IndexModel(ListWorkplaces.Handler list) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public IReadOnlyList<WorkplaceSummary> Workplaces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        await ModelState.TryAsync(async () => Workplaces = await list.Handle(HttpContext.Actor(), new ListWorkplaces.Request(District, Kind, Q), ct));
}
