using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>The imports and refreshes of a list, newest first.</summary>
public static class ListWatchlistImports
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

        public async Task<IReadOnlyList<WatchlistImportView>> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var list = await WatchlistVisibility.ListAsync(_db, _audit, actor, id, Permissions.WatchlistsRead, ct);
            var imports = await _db.WatchlistImports.AsNoTracking().Where(m => m.WatchlistId == list.Id).OrderByDescending(m => m.ImportedAt).ThenByDescending(m => m.ListVersion).Take(200).ToListAsync(ct);
            return [.. imports.Select(WatchlistProjection.Import)];
        }
    }
}
