using Lantern.Core.Common;
using Lantern.Core.Features.People;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Cases;

/// <summary>Turns validated input into case entities. Shared by import, the create forms and the API.</summary>
internal sealed class CaseWriter(AppDbContext db, PersonIndexer indexer)
{
    public async Task EnsureReferenceFreeAsync(OrganisationId organisation, string reference, string field, CancellationToken ct, CaseId? except = null)
    {
        if (await db.Cases.IgnoreQueryFilters([AppDbContext.TenantFilter])
                .AnyAsync(c => c.OrganisationId == organisation && c.Reference == reference && (except == null || c.Id != except), ct))
        {
            throw new ConflictException(field, $"The organisation already has a case with the reference '{reference}'.");
        }
    }

    public Case Build(OrganisationId owner, ValidatedCase input, string actorName, DateTime now)
    {
        var @case = new Case(owner, input.Reference, input.Status, input.OpenedOn, input.Summary, now);
        if (input.ClosureReason is not null)
        {
            @case.Update(input.Status, input.OpenedOn, input.Summary, input.ClosureReason, now);
        }
        var participants = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var p in input.Persons)
        {
            participants[p.Key] = AddPerson(@case, owner, p, now).Id;
        }
        foreach (var e in input.Events)
        {
            @case.AddEvent(e.Type, e.Date, e.Country, e.State, e.City, e.Description, e.PersonKeys.Select(k => participants[k]), now);
        }
        foreach (var n in input.Notes)
        {
            @case.AddNote(n.Author ?? actorName, n.Text, n.CreatedAt?.ToUniversalTime() ?? now);
        }
        return @case;
    }

    public CaseParticipant AddPerson(Case @case, OrganisationId owner, ValidatedPerson p, DateTime now)
    {
        var person = new Person(owner, now);
        person.SetIdentity(p.Details, now);
        indexer.Reindex(person);
        db.Persons.Add(person);
        var participant = @case.AddParticipant(person, p.Role, now);
        if (p.Victim is not null)
        {
            participant.SetVictimContext(p.Victim);
        }
        if (p.Role == CaseRole.Suspect)
        {
            participant.SetSuspectContext(p.RolesInProcess, p.RoleDetails);
        }
        return participant;
    }
}
