using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Duplicates;

/// <summary>One pair with its explanation (or, for another organisation's record, only whom to contact).</summary>
public static class GetDuplicate
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

        public async Task<DuplicatePairView> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var pair = await DuplicateAccess.PairAsync(_db, _audit, actor, id, Permissions.LinkageRead, ct);
            var view = await DuplicateAccess.ViewAsync(_db, pair, ct);
            await _audit.WriteAsync(actor, "duplicate.view", "duplicate", id.ToString(), detail: (view.Restricted ? "restricted; " : "") + DuplicateAccess.Detail(pair), ct: ct);
            return view;
        }
    }
}
