using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// A page of a list's entries, optionally filtered by a part of a name or alias (names are encrypted, so the filter runs
/// after decryption). Entries of missing children are left out without <c>watchlists.children</c>, and only counted.
/// </summary>
public static class ListWatchlistItems
{
    public const int MaxPageSize = 200;

    public sealed record Request(string? Name = null, int Page = 1, int PageSize = 50, bool IncludeRemoved = false);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<WatchlistItemPage> Handle(Actor actor, Guid id, Request request, CancellationToken ct)
        {
            var list = await WatchlistVisibility.ListAsync(_db, _audit, actor, id, Permissions.WatchlistsRead, ct);
            var size = Math.Clamp(request.PageSize, 1, MaxPageSize);
            var page = Math.Clamp(request.Page, 1, 1_000_000);
            var query = _db.WatchlistItems.AsNoTracking().Where(i => i.WatchlistId == list.Id);
            if (!request.IncludeRemoved)
            {
                query = query.Where(i => i.Status == WatchlistItemStatus.Listed);
            }
            var hidden = 0;
            if (!WatchlistVisibility.MaySeeChildren(actor))
            {
                hidden = await query.CountAsync(i => i.IsChild, ct);
                query = query.Where(i => !i.IsChild);
            }
            query = query.OrderBy(i => i.ExternalId);
            int total;
            List<WatchlistItem> rows;
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                total = await query.CountAsync(ct);
                rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
            }
            else
            {
                var filter = request.Name.Trim();
                var matching = (await query.ToListAsync(ct))
                    .Where(i => i.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) || i.AliasList.Any(a => a.Contains(filter, StringComparison.OrdinalIgnoreCase)) || i.ExternalId.Contains(filter, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                total = matching.Count;
                rows = [.. matching.Skip((page - 1) * size).Take(size)];
            }
            if (rows.Count > 0)
            {
                _audit.Add(actor, "watchlist.items-view", "watchlist", list.Id.ToString(), detail: $"{rows.Count} entries, page {page}");
                await _db.SaveChangesAsync(ct);
            }
            return new WatchlistItemPage(total, page, size, hidden, [.. rows.Select(WatchlistProjection.Row)]);
        }
    }
}
