using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Duplicates;

/// <summary>
/// Takes back a confirmed merge, with a reason: the person identity is rebuilt from the confirmed pairs that remain,
/// so records joined only through this pair become separate identities again.
/// </summary>
public static class UndoDuplicate
{
    public sealed record Request(string? Reason);

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

        public async Task<DuplicatePairView> Handle(Actor actor, Guid id, Request request, CancellationToken ct)
        {
            var pair = await DuplicateAccess.PairAsync(_db, _audit, actor, id, Permissions.LinkageReview, ct);
            await DuplicateAccess.RequireBothVisibleAsync(_db, pair, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            pair.Undo(actor.UserId, actor.Username, request.Reason, now);
            await PersonIdentities.RebuildAsync(_db, pair.LeftPersonId, pair.Id, now, ct);
            _audit.Add(actor, "duplicate.undo", "duplicate", id.ToString(), detail: DuplicateAccess.Detail(pair));
            await _db.SaveChangesAsync(ct);
            return await DuplicateAccess.ViewAsync(_db, pair, ct);
        }
    }
}
