using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>The lists the actor's organisation owns or may screen against: names, kinds, owners and counts, no entries.</summary>
public static class ListWatchlists
{
    public sealed record Request(bool IncludeRetired = false);

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db)
        {
            _db = db;
        }

        public async Task<IReadOnlyList<WatchlistSummary>> Handle(Actor actor, Request request, CancellationToken ct)
        {
            actor.Require(Permissions.WatchlistsRead);
            _db.ScopeTo(actor);
            var query = _db.Watchlists.AsNoTracking();
            if (!request.IncludeRetired)
            {
                query = query.Where(w => w.RetiredAt == null);
            }
            var lists = await query.OrderBy(w => w.Name).ToListAsync(ct);
            var ids = lists.Select(l => l.Id).ToList();
            var counts = await _db.WatchlistItems.AsNoTracking()
                .Where(i => ids.Contains(i.WatchlistId) && i.Status == WatchlistItemStatus.Listed)
                .GroupBy(i => i.WatchlistId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var organisations = await WatchlistAccess.OrganisationNamesAsync(_db, ct);
            var mayScreen = actor.Has(Permissions.WatchlistsScreen);
            return [.. lists.Select(l => new WatchlistSummary(l.Id, l.Name, l.Kind, l.Source, l.OwnerOrganisationId.Value, WatchlistProjection.Owner(organisations, l.OwnerOrganisationId),
                counts.GetValueOrDefault(l.Id), l.Version, l.ChangedAt, l.RetiredAt, mayScreen && (actor.IsSystem || l.MayScreen(actor.OrganisationId)), l.OwnerOrganisationId == actor.OrganisationId))];
        }
    }
}
