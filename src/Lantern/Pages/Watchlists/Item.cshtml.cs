using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Watchlists;

/// <summary>An entry with its history; on a manual list the owner may edit or remove it here.</summary>
[Authorize(Policy = Permissions.WatchlistsRead)]
public sealed class ItemModel(GetWatchlistItem.Handler get, ChangeWatchlistItem.Handler change, RemoveWatchlistItem.Handler remove) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ItemId { get; set; }
    [BindProperty] public EntryForm Entry { get; set; } = new();

    public WatchlistItemView? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Item = await get.Handle(HttpContext.Actor(), Id, ItemId, ct);
        if (Request.Method == HttpMethods.Get)
        {
            Entry = EntryForm.From(Item.Details, Item.ExternalId);
        }
        return Page();
    }

    public Task<IActionResult> OnPostChangeAsync(CancellationToken ct) => Act(() => change.Handle(HttpContext.Actor(), Id, ItemId,
        new ChangeWatchlistItem.Request(Entry.Name, Entry.AliasList, Entry.BirthDate, Entry.Nationality, Entry.NationalId, Entry.Passport, Entry.Reason), ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) => Act(() => remove.Handle(HttpContext.Actor(), Id, ItemId, ct), ct);

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        if (await ModelState.TryAsync(action))
        {
            return Redirect($"/watchlists/{Id}/items/{ItemId}");
        }
        return await OnGetAsync(ct);
    }
}
