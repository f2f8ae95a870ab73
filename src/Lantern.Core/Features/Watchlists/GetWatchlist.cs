using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>A list's details, sharing and counts, and what the actor may do with it. No entry details.</summary>
public static class GetWatchlist
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

        public async Task<WatchlistView> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var list = await WatchlistVisibility.ListAsync(_db, _audit, actor, id, Permissions.WatchlistsRead, ct);
            var organisations = await WatchlistAccess.OrganisationNamesAsync(_db, ct);
            var counts = await _db.WatchlistItems.AsNoTracking().Where(i => i.WatchlistId == id)
                .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var own = actor.Has(Permissions.WatchlistsManage) && (actor.IsSystem || list.OwnerOrganisationId == actor.OrganisationId);
            var open = own && !list.IsRetired;
            return new WatchlistView(list.Id, list.Name, list.Purpose, list.Kind, list.Source, list.OwnerOrganisationId.Value,
                WatchlistProjection.Owner(organisations, list.OwnerOrganisationId), list.Version, list.CreatedAt, list.ChangedAt, list.RetiredAt,
                [.. list.Screeners.Select(s => new ScreenerView(s.OrganisationId.Value, WatchlistProjection.Owner(organisations, s.OrganisationId))).OrderBy(s => s.Name, StringComparer.Ordinal)],
                counts.GetValueOrDefault(WatchlistItemStatus.Listed), counts.GetValueOrDefault(WatchlistItemStatus.Removed),
                actor.Has(Permissions.WatchlistsScreen) && (actor.IsSystem || list.MayScreen(actor.OrganisationId)), own,
                open && list.Source == WatchlistSource.Import, open && list.Source == WatchlistSource.Manual, open && list.Source == WatchlistSource.Records);
        }
    }
}
