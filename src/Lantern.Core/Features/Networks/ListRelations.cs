using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Networks;

/// <summary>The relations recorded on a case the actor may see, decrypted; reading them is audited.</summary>
public static class ListRelations
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

        public async Task<CaseRelationList> Handle(Actor actor, CaseId caseId, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.NetworkRead);
            var @case = await _db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw await _visibility.CaseNotFoundAsync(actor, caseId, ct);
            var relations = await _db.CaseRelations.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).ToListAsync(ct);
            var people = await _db.Participants.AsNoTracking().Where(p => p.CaseId == caseId).Include(p => p.Person).ToListAsync(ct);
            _audit.Add(actor, "network.relation-list", "case", caseId.ToString(), detail: relations.Count + " relation(s)");
            await _db.SaveChangesAsync(ct);
            return new CaseRelationList(caseId.Value, @case.Reference, relations.Select(CaseRelationView.Of).ToList(),
                people.Select(p => new RelationPerson(p.PersonId.Value, p.Person.DisplayName, p.Role.ToString())).ToList(), actor.Has(Permissions.NetworkWrite));
        }
    }
}
