using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Duplicates;

/// <summary>The reviewer says the two records are different people, and why. The pair is never proposed again.</summary>
public static class RejectDuplicate
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
            pair.Reject(actor.UserId, actor.Username, request.Reason, _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "duplicate.reject", "duplicate", id.ToString(), detail: DuplicateAccess.Detail(pair));
            await _db.SaveChangesAsync(ct);
            return await DuplicateAccess.ViewAsync(_db, pair, ct);
        }
    }
}
