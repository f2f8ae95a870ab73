using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.NameScreening;

/// <summary>The alert queue: filter by status, list and batch; best score first.</summary>
[Authorize(Policy = Permissions.WatchlistsScreen)]
public sealed class AlertsModel(AlertReview.ListHandler list) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ListId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? BatchId { get; set; }

    public AlertList? Queue { get; private set; }

    public string Shown => string.IsNullOrWhiteSpace(Status) ? "open" : Status.Trim().ToLowerInvariant();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ModelState.TryAsync(async () => Queue = await list.Handle(HttpContext.Actor(), new AlertReview.ListRequest(Shown, ListId, BatchId), ct)))
        {
            Status = "open";
            Queue = await list.Handle(HttpContext.Actor(), new AlertReview.ListRequest("open"), ct);
        }
        return Page();
    }
}
