using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>An entry with every version of it: who changed it, when, in which list version, and what changed.</summary>
public static class GetWatchlistItem
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<WatchlistItemView> Handle(Actor actor, Guid listId, Guid itemId, CancellationToken ct)
        {
            var list = await WatchlistVisibility.ListAsync(_db, _audit, actor, listId, Permissions.WatchlistsRead, ct);
            var item = await ItemAsync(_db, _audit, actor, list, itemId, ct);
            var versions = await _db.WatchlistItemVersions.AsNoTracking().Where(v => v.ItemId == item.Id).OrderBy(v => v.Version).ToListAsync(ct);
            var history = new List<WatchlistItemVersionView>(versions.Count);
            ListedDetails? before = null;
            foreach (var v in versions)
            {
                var details = v.Details;
                history.Add(new WatchlistItemVersionView(v.Version, v.ListVersion, v.Change, v.ChangedByName, v.ChangedAt, details, WatchlistProjection.ChangedFields(before, details)));
                before = details;
            }
            _audit.Add(actor, "watchlist.item-view", "watchlist-item", item.Id.ToString(), detail: "list " + list.Id);
            await _db.SaveChangesAsync(ct);
            var mayEdit = actor.Has(Permissions.WatchlistsManage) && (actor.IsSystem || list.OwnerOrganisationId == actor.OrganisationId) && !list.IsRetired && list.Source == WatchlistSource.Manual;
            return new WatchlistItemView(item.Id, list.Id, list.Name, item.ExternalId, item.Details, item.IsChild, item.PersonId?.Value, item.Status, item.Version,
                item.ListVersion, item.ChangedAt, mayEdit, history);
        }
    }

    /// <summary>An entry of a visible list; a missing child's entry without <c>watchlists.children</c> looks like no entry (and is audited).</summary>
    internal static async Task<WatchlistItem> ItemAsync(AppDbContext db, AuditLog audit, Actor actor, Watchlist list, Guid itemId, CancellationToken ct)
    {
        var item = await db.WatchlistItems.FirstOrDefaultAsync(i => i.Id == itemId && i.WatchlistId == list.Id, ct) ?? throw new NotFoundException("The entry");
        if (!WatchlistVisibility.MaySee(actor, item))
        {
            await audit.WriteAsync(actor, "watchlist.item-access-denied", "watchlist-item", item.Id.ToString(), AuditOutcome.Denied, ct: ct);
            throw new NotFoundException("The entry");
        }
        return item;
    }
}
