using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// Imports a file into a list the actor's organisation owns, as a full replacement of its entries: the whole file is
/// read and validated first (an error names the record and the field; nothing is written), then in one transaction
/// one new list version adds, changes and removes entries (<see cref="WatchlistReplacement"/>) and the import is recorded.
/// </summary>
public static class ImportWatchlist
{
    /// <summary>The file's bytes and name; <see cref="Format"/> is csv or un-xml (guessed from the name or content when blank).</summary>
    public sealed record Request(byte[] Content, string? FileName, string? Format);

    public sealed record Response(Guid ImportId, int ListVersion, int Added, int Changed, int Removed, int Unchanged, int Skipped, string Sha256);

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

        public async Task<Response> Handle(Actor actor, Guid listId, Request request, CancellationToken ct, Action<string>? progress = null)
        {
            var list = await WatchlistVisibility.OwnListAsync(_db, _audit, actor, listId, ct);
            if (list.Source != WatchlistSource.Import)
            {
                throw new Common.ConflictException("list", list.Source == WatchlistSource.Manual
                    ? "This list is kept by hand; create a list whose entries are imported."
                    : "This list is built from records; refresh it instead.");
            }
            var format = WatchlistFiles.ParseFormat(request.Format, request.FileName, request.Content);
            var file = WatchlistFiles.Read(request.Content, format);
            progress?.Invoke($"read {file.Records.Count:N0} entries ({file.Skipped:N0} skipped)");
            var now = _clock.GetUtcNow().UtcDateTime;
            var counts = await WatchlistReplacement.ReplaceAsync(_db, list, file.Records, actor, now, (done, total) => progress?.Invoke($"compared {done:N0} of {total:N0} entries"), ct);
            var import = new WatchlistImport(list, list.Version, format, request.FileName, file.Sha256, counts, file.Skipped, actor.UserId, actor.Username, now);
            _db.WatchlistImports.Add(import);
            _audit.Add(actor, "watchlist.import", "watchlist", list.Id.ToString(),
                detail: $"version {list.Version}, {format}, sha256 {file.Sha256[..12]}, added {counts.Added}, changed {counts.Changed}, removed {counts.Removed}, unchanged {counts.Unchanged}, skipped {file.Skipped}");
            progress?.Invoke("saving");
            await _db.SaveChangesAsync(ct);
            return new Response(import.Id, list.Version, counts.Added, counts.Changed, counts.Removed, counts.Unchanged, file.Skipped, file.Sha256);
        }
    }
}
