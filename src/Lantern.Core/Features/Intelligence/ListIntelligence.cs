using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Intelligence;

/// <summary>The intelligence items of a case the actor may see, each with its grading. Reading them is audited.</summary>
public static class ListIntelligence
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
        }

        public async Task<IntelligenceList> Handle(Actor actor, CaseId caseId, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.IntelligenceRead);
            var @case = await _db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw await _visibility.CaseNotFoundAsync(actor, caseId, ct);
            var items = await _db.IntelligenceItems.AsNoTracking().Where(i => i.CaseId == caseId).OrderBy(i => i.Number).ToListAsync(ct);
            _audit.Add(actor, "intelligence.list", "case", caseId.ToString(), detail: items.Count + " item(s)");
            await _db.SaveChangesAsync(ct);
            return new IntelligenceList(caseId.Value, @case.Reference, items.Select(IntelligenceProjection.ToView).ToList(), actor.Has(Permissions.IntelligenceWrite));
        }
    }
}
