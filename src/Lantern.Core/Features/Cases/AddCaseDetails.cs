using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Cases;

/// <summary>Adds a person to a case in a role: a new person (identity given as in the case document) or one already known.</summary>
public static class AddPersonToCase
{
    public sealed record Request(PersonSection Person, Guid? ExistingPersonId = null);

    public sealed record Response(Guid ParticipantId, Guid PersonId);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly CaseWriter _writer;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, PersonIndexer indexer, Visibility visibility, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _writer = new CaseWriter(db, indexer);
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
        }

        public async Task<Response> Handle(Actor actor, CaseId id, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesRead);
            var @case = await _db.Cases.Include(c => c.Participants).FirstOrDefaultAsync(c => c.Id == id, ct)
                ?? throw await _visibility.CaseNotFoundAsync(actor, id, ct);
            actor.Require(Permissions.CasesEdit);
            var now = _clock.GetUtcNow().UtcDateTime;
            CaseParticipant participant;
            if (request.ExistingPersonId is { } existingId)
            {
                var personId = new PersonId(existingId);
                var person = await _db.Persons.FirstOrDefaultAsync(p => p.Id == personId, ct)
                    ?? throw await _visibility.PersonNotFoundAsync(actor, personId, ct);
                var role = Picklist.ParseRole(request.Person.Role, "role");
                participant = @case.AddParticipant(person, role, now);
            }
            else
            {
                var validated = CaseInput.ValidatePerson(request.Person, "", requireKey: false);
                participant = _writer.AddPerson(@case, @case.OrganisationId, validated, now);
            }
            _audit.Add(actor, "case.person-add", "person", participant.PersonId.ToString(), detail: "case " + id);
            await _db.SaveChangesAsync(ct);
            return new Response(participant.Id, participant.PersonId.Value);
        }
    }
}

/// <summary>Records a recruitment, transit or exploitation event of a case.</summary>
public static class AddEvent
{
    public sealed record Request(EventSection Event, IReadOnlyList<Guid>? ParticipantIds);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
        }

        public async Task<Guid> Handle(Actor actor, CaseId id, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesRead);
            var @case = await _db.Cases.Include(c => c.Participants).Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, ct)
                ?? throw await _visibility.CaseNotFoundAsync(actor, id, ct);
            actor.Require(Permissions.CasesEdit);
            var e = CaseInput.ValidateEvent(request.Event with { Persons = null }, "", new HashSet<string>());
            var added = @case.AddEvent(e.Type, e.Date, e.Country, e.State, e.City, e.Description, request.ParticipantIds ?? [], _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "case.event-add", "case", id.ToString());
            await _db.SaveChangesAsync(ct);
            return added.Id;
        }
    }
}

/// <summary>Adds a note to a case. The text is encrypted at rest and never logged.</summary>
public static class AddNote
{
    public sealed record Request(string? Text);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
        }

        public async Task<Guid> Handle(Actor actor, CaseId id, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesRead);
            var @case = await _db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw await _visibility.CaseNotFoundAsync(actor, id, ct);
            actor.Require(Permissions.NotesWrite);
            var text = TextRules.FreeText(request.Text, "text", CaseNote.MaxLength) ?? throw new ValidationException("text", "A note needs text.");
            var note = @case.AddNote(actor.Username, text, _clock.GetUtcNow().UtcDateTime);
            _db.Notes.Add(note);
            _audit.Add(actor, "case.note-add", "case", id.ToString());
            await _db.SaveChangesAsync(ct);
            return note.Id;
        }
    }
}
