using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// Replaces the details of an entry of a manual list (a removed entry is listed again): when they differ, one new list
/// version and a new item version with history; identical details change nothing.
/// </summary>
public static class ChangeWatchlistItem
{
    public sealed record Request(string? Name, IReadOnlyList<string?>? Aliases, string? BirthDate, string? Nationality, string? NationalId, string? Passport, string? Reason);

    public sealed record Response(Guid Id, int Version, int ListVersion, bool Changed);

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

        public async Task<Response> Handle(Actor actor, Guid listId, Guid itemId, Request request, CancellationToken ct)
        {
            var list = await WatchlistVisibility.OwnListAsync(_db, _audit, actor, listId, ct);
            var item = await GetWatchlistItem.ItemAsync(_db, _audit, actor, list, itemId, ct);
            WatchlistAccess.EnsureManual(list);
            var details = WatchlistAccess.Details(request.Name, request.Aliases, request.BirthDate, request.Nationality, request.NationalId, request.Passport, request.Reason);
            var now = _clock.GetUtcNow().UtcDateTime;
            var version = list.Version + 1;
            if (!WatchlistEditing.Change(_db, item, version, details, actor, now))
            {
                return new Response(item.Id, item.Version, item.ListVersion, false);
            }
            list.NextVersion(now);
            _audit.Add(actor, "watchlist.item-change", "watchlist-item", item.Id.ToString(), detail: $"list {list.Id} version {version}, item version {item.Version}");
            await _db.SaveChangesAsync(ct);
            return new Response(item.Id, item.Version, version, true);
        }
    }
}
