using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Watchlists;

/// <summary>Renames or re-describes a list the actor's organisation owns, or changes who else may screen against it. Null leaves a field as it is.</summary>
public static class UpdateWatchlist
{
    public sealed record Request(string? Name = null, string? Purpose = null, IReadOnlyList<string?>? Screeners = null);

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

        public async Task Handle(Actor actor, Guid id, Request request, CancellationToken ct)
        {
            var list = await WatchlistVisibility.OwnListAsync(_db, _audit, actor, id, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            if (request.Name is not null || request.Purpose is not null)
            {
                list.Describe(request.Name ?? list.Name, request.Purpose ?? list.Purpose, now);
            }
            if (request.Screeners is not null)
            {
                list.AllowScreening(await WatchlistAccess.ScreenersAsync(_db, request.Screeners, ct), now);
            }
            _audit.Add(actor, "watchlist.update", "watchlist", list.Id.ToString(), detail: $"{list.Screeners.Count} screening organisation(s)");
            await _db.SaveChangesAsync(ct);
        }
    }
}
