using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Watchlists;

/// <summary>Creates a list owned by the user's organisation.</summary>
[Authorize(Policy = Permissions.WatchlistsManage)]
public sealed class NewModel(CreateWatchlist.Handler create) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string Kind { get; set; } = nameof(WatchlistKind.Wanted);
    [BindProperty] public string Source { get; set; } = nameof(WatchlistSource.Manual);

    /// <summary>Organisations that may screen against the list, one name per line.</summary>
    [BindProperty] public string? Screeners { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CreateWatchlist.Response? created = null;
        var screeners = (Screeners ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (await ModelState.TryAsync(async () => created = await create.Handle(HttpContext.Actor(), new CreateWatchlist.Request(Name, Purpose, Kind, Source, screeners), ct)))
        {
            return Redirect($"/watchlists/{created!.Id}");
        }
        return Page();
    }
}
