using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>Adds a listed person to a manual list the actor's organisation owns: one new list version, history kept.</summary>
public static class AddWatchlistItem
{
    /// <summary>The entry as typed in; <see cref="Id"/> is the list's own id of it (generated when blank).</summary>
    public sealed record Request(string? Id, string? Name, IReadOnlyList<string?>? Aliases, string? BirthDate, string? Nationality, string? NationalId, string? Passport, string? Reason);

    public sealed record Response(Guid Id, int ListVersion);

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

        public async Task<Response> Handle(Actor actor, Guid listId, Request request, CancellationToken ct)
        {
            var list = await WatchlistVisibility.OwnListAsync(_db, _audit, actor, listId, ct);
            WatchlistAccess.EnsureManual(list);
            var details = WatchlistAccess.Details(request.Name, request.Aliases, request.BirthDate, request.Nationality, request.NationalId, request.Passport, request.Reason);
            var externalId = TextRules.FreeText(request.Id, "id", WatchlistItem.MaxExternalIdLength);
            if (externalId is not null && await _db.WatchlistItems.AnyAsync(i => i.WatchlistId == list.Id && i.ExternalId == externalId, ct))
            {
                throw new ValidationException("id", $"The list already has an entry with the id '{externalId}'.");
            }
            var now = _clock.GetUtcNow().UtcDateTime;
            var version = list.NextVersion(now);
            var item = WatchlistEditing.Add(_db, list, version, externalId, details, actor, now);
            _audit.Add(actor, "watchlist.item-add", "watchlist-item", item.Id.ToString(), detail: $"list {list.Id} version {version}");
            await _db.SaveChangesAsync(ct);
            return new Response(item.Id, version);
        }
    }
}
