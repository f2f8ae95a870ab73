using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Watchlists;

/// <summary>The lists the user's organisation owns or may screen against.</summary>
[Authorize(Policy = Permissions.WatchlistsRead)]
public sealed class IndexModel(ListWatchlists.Handler list) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Retired { get; set; }

    public IReadOnlyList<WatchlistSummary> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lists = await list.Handle(HttpContext.Actor(), new ListWatchlists.Request(Retired), ct);
}
