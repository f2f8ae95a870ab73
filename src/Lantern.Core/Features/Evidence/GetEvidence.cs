using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Evidence;

/// <summary>One exhibit with its chain of custody (description and original file name decrypted). Audited as a view.</summary>
public static class GetEvidence
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

        public async Task<EvidenceItemView> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var item = await EvidenceAccess.ItemAsync(_db, _audit, actor, id, Permissions.EvidenceRead, ct);
            _audit.Add(actor, "evidence.view", "evidence", id.ToString(), detail: "case " + item.CaseId);
            await _db.SaveChangesAsync(ct);
            return EvidenceProjection.ToView(item, item.Case.Reference);
        }
    }
}
