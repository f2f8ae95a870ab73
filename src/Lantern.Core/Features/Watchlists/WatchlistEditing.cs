using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// The one way entries change: each change opens (or joins) a list version, bumps the item's version and keeps a
/// history row. Callers start one version per operation with <see cref="Watchlist.NextVersion"/> (an import of a
/// thousand entries is one list version), call these, then save once, so nothing is half-written.
/// </summary>
internal static class WatchlistEditing
{
    public static WatchlistItem Add(AppDbContext db, Watchlist list, int listVersion, string? externalId, ListedDetails details, Actor by, DateTime now, bool? isChild = null, PersonId? person = null)
    {
        var item = new WatchlistItem(list, externalId, details, isChild ?? list.HoldsChildren, person, listVersion, now);
        db.WatchlistItems.Add(item);
        db.WatchlistItemVersions.Add(item.Snapshot(by.UserId, by.Username, WatchlistChange.Added));
        return item;
    }

    /// <summary>Applies new details; returns whether the item changed (an unchanged item keeps its version).</summary>
    public static bool Change(AppDbContext db, WatchlistItem item, int listVersion, ListedDetails details, Actor by, DateTime now)
    {
        var wasRemoved = item.Status == WatchlistItemStatus.Removed;
        if (!item.Update(details, listVersion, now))
        {
            return false;
        }
        db.WatchlistItemVersions.Add(item.Snapshot(by.UserId, by.Username, wasRemoved ? WatchlistChange.Added : WatchlistChange.Changed));
        return true;
    }

    /// <summary>Takes the item off the list; returns whether it was listed.</summary>
    public static bool Remove(AppDbContext db, WatchlistItem item, int listVersion, Actor by, DateTime now)
    {
        if (!item.Remove(listVersion, now))
        {
            return false;
        }
        db.WatchlistItemVersions.Add(item.Snapshot(by.UserId, by.Username, WatchlistChange.Removed));
        return true;
    }
}
