using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// Creates a list owned by the actor's organisation: a name, what it is for, its kind and where its entries come from
/// (typed in, imported, or, for suspects, built from the organisation's open cases), and who else may screen against it.
/// </summary>
public static class CreateWatchlist
{
    public sealed record Request(string? Name, string? Purpose, string? Kind, string? Source, IReadOnlyList<string?>? Screeners = null);

    public sealed record Response(Guid Id);

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

        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct)
        {
            actor.Require(Permissions.WatchlistsManage);
            _db.ScopeTo(actor);
            var kind = Picklist.Parse<WatchlistKind>(request.Kind, "kind");
            var source = string.IsNullOrWhiteSpace(request.Source) ? WatchlistSource.Manual : Picklist.Parse<WatchlistSource>(request.Source, "source");
            if (source == WatchlistSource.Records && kind != WatchlistKind.Suspects)
            {
                // Person records carry no "missing" flag: a missing-children list is kept by hand or imported from child-protection bodies.
                throw new ValidationException("source", "Only a list of suspects is built from Lantern's records (the suspects of the organisation's open cases).");
            }
            if (actor.OrganisationId == default)
            {
                throw new ValidationException("organisation", "A list is owned by an organisation; act as a user of one.");
            }
            var screeners = await WatchlistAccess.ScreenersAsync(_db, request.Screeners ?? [], ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var list = new Watchlist(request.Name, request.Purpose, kind, source, actor.OrganisationId, actor.UserId, now);
            list.AllowScreening(screeners, now);
            _db.Watchlists.Add(list);
            _audit.Add(actor, "watchlist.create", "watchlist", list.Id.ToString(), detail: $"{kind}, {source}, {list.Screeners.Count} screening organisation(s)");
            await _db.SaveChangesAsync(ct);
            return new Response(list.Id);
        }
    }
}
