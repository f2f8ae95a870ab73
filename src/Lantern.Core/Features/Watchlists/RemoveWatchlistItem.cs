using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Watchlists;

/// <summary>Takes an entry off a manual list: one new list version; the entry and its history are kept, it is no longer screened.</summary>
public static class RemoveWatchlistItem
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task Handle(Actor actor, Guid listId, Guid itemId, CancellationToken ct)
        {
            var list = await WatchlistVisibility.OwnListAsync(_db, _audit, actor, listId, ct);
            var item = await GetWatchlistItem.ItemAsync(_db, _audit, actor, list, itemId, ct);
            WatchlistAccess.EnsureManual(list);
            var now = _clock.GetUtcNow().UtcDateTime;
            var version = list.Version + 1;
            if (!WatchlistEditing.Remove(_db, item, version, actor, now))
            {
                return;
            }
            list.NextVersion(now);
            _audit.Add(actor, "watchlist.item-remove", "watchlist-item", item.Id.ToString(), detail: $"list {list.Id} version {version}");
            await _db.SaveChangesAsync(ct);
        }
    }
}
