using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.People;

/// <summary>A person's identity and every case the actor may see in which the person appears (in any role).</summary>
public static class GetPerson
{
    public sealed record PersonCase(Guid CaseId, string Reference, CaseStatus Status, string Organisation, string Role, DateOnly? OpenedOn);

    public sealed record Response(
        Guid Id,
        string Name,
        string? FirstName,
        string? MiddleName,
        string? SecondName,
        string? NameInOriginalScript,
        IReadOnlyList<string> Aliases,
        string? BirthDate,
        Gender? Gender,
        IReadOnlyList<string> Citizenships,
        IReadOnlyList<DocumentView> Documents,
        string? MobilePhone,
        string? HomePhone,
        string? Email,
        string? MailingCity,
        string? MailingCountry,
        IReadOnlyList<PersonCase> Cases)
    {
        /// <summary>The Latin spelling of a name typed in Urdu script; null for a name in Latin letters.</summary>
        public string? NameInLatin { get; init; }
    }

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

        public async Task<Response> Handle(Actor actor, PersonId id, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.PersonsRead);
            var person = await _db.Persons.AsNoTracking().Include(p => p.Aliases).Include(p => p.Documents).AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw await _visibility.PersonNotFoundAsync(actor, id, ct);
            // The tenant filter on participants keeps out cases the actor may not see.
            var cases = await _db.Participants.AsNoTracking().Where(p => p.PersonId == id)
                .Select(p => new { p.CaseId, p.Case.Reference, p.Case.Status, p.Case.OrganisationId, p.Role, p.Case.OpenedOn })
                .ToListAsync(ct);
            var orgIds = cases.Select(c => c.OrganisationId).Distinct().ToList();
            var names = await _db.Organisations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            await _audit.WriteAsync(actor, "person.identity-view", "person", id.ToString(), ct: ct);
            return new Response(
                person.Id.Value, person.DisplayName, person.FirstName, person.MiddleName, person.SecondName, person.NameInOriginalScript,
                person.Aliases.OrderBy(a => a.Id).Select(a => a.Value).ToList(), person.BirthDate, person.Gender, person.CitizenshipCodes,
                person.Documents.OrderBy(d => d.Id).Select(d => new DocumentView(d.Type, d.Number, d.IssuingCountry)).ToList(),
                person.MobilePhone, person.HomePhone, person.Email, person.MailingCity, person.MailingCountry,
                cases.OrderByDescending(c => c.OpenedOn).Select(c => new PersonCase(c.CaseId.Value, c.Reference, c.Status, names.GetValueOrDefault(c.OrganisationId, "?"), Picklist.RoleName(c.Role), c.OpenedOn)).ToList())
            {
                NameInLatin = person.LatinSpelling,
            };
        }
    }
}
