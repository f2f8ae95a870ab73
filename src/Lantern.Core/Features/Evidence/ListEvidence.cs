using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Evidence;

/// <summary>A case's evidence register: label, title, type, size, hash, current holder and last integrity check. Never loads content.</summary>
public static class ListEvidence
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly LanternOptions _options;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, LanternOptions options)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
            _options = options;
        }

        public async Task<EvidenceRegister> Handle(Actor actor, CaseId caseId, CancellationToken ct)
        {
            var @case = await EvidenceAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.EvidenceRead, ct);
            var items = await _db.EvidenceItems.AsNoTracking().Include(e => e.Custody).Where(e => e.CaseId == caseId).OrderBy(e => e.Number).ToListAsync(ct);
            _audit.Add(actor, "evidence.list", "case", caseId.ToString(), detail: items.Count + " exhibit(s)");
            await _db.SaveChangesAsync(ct);
            return new EvidenceRegister(caseId.Value, @case.Reference, items.Select(EvidenceProjection.ToListItem).ToList(), _options.MaxEvidenceBytes,
                actor.Has(Permissions.EvidenceWrite), actor.Has(Permissions.EvidenceCustody));
        }
    }
}
