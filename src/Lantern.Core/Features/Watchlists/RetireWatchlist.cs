using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Watchlists;

/// <summary>Retires a list: no longer screened against and no longer changed; its entries, history and alerts stay.</summary>
public static class RetireWatchlist
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

        public async Task Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var list = await WatchlistVisibility.OwnListAsync(_db, _audit, actor, id, ct);
            list.Retire(_clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "watchlist.retire", "watchlist", list.Id.ToString());
            await _db.SaveChangesAsync(ct);
        }
    }
}
