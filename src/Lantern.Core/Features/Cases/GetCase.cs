using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Cases;

/// <summary>One case with its people, events and notes. Viewing it is a view of each person's identity, and is audited so.</summary>
public static class GetCase
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

        public async Task<CaseView> Handle(Actor actor, CaseId id, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesRead);
            var c = await CaseQueries.LoadFullAsync(_db, id, tracking: false, ct)
                ?? throw await _visibility.CaseNotFoundAsync(actor, id, ct);
            // One round trip for the owner and the organisations shared with; officers only when there are any.
            var organisationIds = c.Shares.Select(s => s.OrganisationId).Append(c.OrganisationId).ToList();
            var names = await _db.Organisations.Where(o => organisationIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var organisation = names[c.OrganisationId];
            var shared = c.Shares.Select(s => names.GetValueOrDefault(s.OrganisationId, "?")).ToList();
            var officerIds = c.Assignments.Select(a => a.UserId).ToList();
            var officers = officerIds.Count == 0 ? [] : await _db.Users.Where(u => officerIds.Contains(u.Id)).Select(u => u.Username).ToListAsync(ct);

            _audit.Add(actor, "case.view", "case", id.ToString());
            foreach (var p in c.Participants)
            {
                _audit.Add(actor, "person.identity-view", "person", p.PersonId.ToString(), detail: "case " + id);
            }
            await _db.SaveChangesAsync(ct);
            var suspects = c.Participants.Where(p => p.Role == CaseRole.Suspect).Select(p => p.PersonId).ToList();
            var flagged = await NonPunishment.IdentifiedVictimsAsync(_db, suspects, ct);
            var view = ToView(c, organisation, officers, shared);
            return flagged.Count == 0 ? view : view with
            {
                People = view.People.Select(p => p.Role == Picklist.RoleName(CaseRole.Suspect) && flagged.Contains(new PersonId(p.PersonId)) ? p with { NonPunishment = true } : p).ToList(),
            };
        }

        internal static CaseView ToView(Case c, string organisation, IReadOnlyList<string> officers, IReadOnlyList<string> sharedWith) => new(
            c.Id.Value, c.Reference, c.Status, c.OrganisationId.Value, organisation, c.OpenedOn, c.Summary, c.ClosureReason, c.CreatedAt, c.UpdatedAt, c.Version,
            c.Participants.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(ToView).ToList(),
            c.Events.OrderBy(e => e.Date ?? "9999").ThenBy(e => e.Id).Select(e => new EventView(e.Id, e.Type, e.Date, e.Country, e.State, e.City, e.Description, e.People.Select(x => x.ParticipantId).ToList())).ToList(),
            c.Notes.OrderByDescending(n => n.CreatedAt).Select(n => new NoteView(n.Id, n.AuthorName, n.CreatedAt, n.Text)).ToList(),
            officers,
            sharedWith);

        internal static ParticipantView ToView(CaseParticipant p) => new(
            p.Id, p.PersonId.Value, Picklist.RoleName(p.Role), p.Person.DisplayName, p.Person.NameInOriginalScript,
            p.Person.Aliases.OrderBy(a => a.Id).Select(a => a.Value).ToList(), p.Person.BirthDate, p.Person.Gender, p.Person.CitizenshipCodes,
            p.Person.Documents.OrderBy(d => d.Id).Select(d => new DocumentView(d.Type, d.Number, d.IssuingCountry)).ToList(), p.Person.MobilePhone,
            p.TraffickingStatus, p.StatusDecidedBy, p.StatusDecidedByName, p.ExploitationForms, p.Industry, p.MethodsOfControl,
            p.RelationshipToTrafficker, p.AgeWhenTrafficked, p.RolesInProcess, p.RoleDetails)
        {
            NameInLatin = p.Person.LatinSpelling,
        };
    }
}
