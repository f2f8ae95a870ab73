using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Duplicates;

/// <summary>The reviewer confirms that two records are one person: they join one person identity; both records stay as they are.</summary>
public static class ConfirmDuplicate
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
            pair.Confirm(actor.UserId, actor.Username, Common.TextRules.FreeText(request.Reason, "reason", DuplicateCandidate.MaxReasonLength), now);
            await PersonIdentities.JoinAsync(_db, pair.LeftPersonId, pair.RightPersonId, now, ct);
            _audit.Add(actor, "duplicate.confirm", "duplicate", id.ToString(), detail: DuplicateAccess.Detail(pair));
            await _db.SaveChangesAsync(ct);
            return await DuplicateAccess.ViewAsync(_db, pair, ct);
        }
    }
}
