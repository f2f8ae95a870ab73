using Lantern.Core.Common;
using Lantern.Core.Features.People;

namespace Lantern.Core.Features.Cases;

/// <summary>
/// A trafficking case owned by one organisation: its people in their roles, the trafficking events and notes.
/// Visibility: the owning organisation, organisations it was shared with, and assigned officers.
/// </summary>
public sealed class Case
{
    public const int MaxReferenceLength = 64;
    public const int MaxSummaryLength = 4000;

    private readonly List<CaseParticipant> _participants = [];
    private readonly List<TraffickingEvent> _events = [];
    private readonly List<CaseNote> _notes = [];
    private readonly List<CaseAssignment> _assignments = [];
    private readonly List<CaseShare> _shares = [];

    private Case()
    {
    }

    public Case(OrganisationId owner, string reference, CaseStatus status, DateOnly? openedOn, string? summary, DateTime now)
    {
        Id = CaseId.New();
        OrganisationId = owner;
        CreatedAt = now;
        Reference = reference;
        Update(status, openedOn, summary, closureReason: null, now);
        Version = 1;
    }

    public CaseId Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public string Reference { get; private set; } = "";
    public CaseStatus Status { get; private set; }
    public DateOnly? OpenedOn { get; private set; }
    public int OpenedYear { get; private set; }
    public string? Summary { get; private set; }
    public string? ClosureReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Application-managed concurrency token: portable across SQLite and PostgreSQL.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<CaseParticipant> Participants => _participants;
    public IReadOnlyList<TraffickingEvent> Events => _events;
    public IReadOnlyList<CaseNote> Notes => _notes;
    public IReadOnlyList<CaseAssignment> Assignments => _assignments;
    public IReadOnlyList<CaseShare> Shares => _shares;

    public void Update(CaseStatus status, DateOnly? openedOn, string? summary, string? closureReason, DateTime now)
    {
        if (status is CaseStatus.Closed or CaseStatus.ClosedReferred && string.IsNullOrWhiteSpace(closureReason) && Status is not (CaseStatus.Closed or CaseStatus.ClosedReferred) && Version > 0)
        {
            throw new ValidationException("cas_ReasonForCaseClosure", "Closing a case needs a reason for closure.");
        }
        Status = status;
        OpenedOn = openedOn;
        OpenedYear = (openedOn ?? DateOnly.FromDateTime(now)).Year;
        Summary = summary;
        ClosureReason = closureReason;
        Touch(now);
    }

    public void ChangeReference(string reference, DateTime now)
    {
        Reference = reference;
        Touch(now);
    }

    public CaseParticipant AddParticipant(Person person, CaseRole role, DateTime now)
    {
        var participant = new CaseParticipant(Id, person, role);
        _participants.Add(participant);
        Touch(now);
        return participant;
    }

    public TraffickingEvent AddEvent(EventType type, PartialDate? date, CountryCode? country, string? state, string? city, string? description, IEnumerable<Guid> participantIds, DateTime now)
    {
        var ids = participantIds.ToList();
        foreach (var id in ids.Where(id => _participants.All(p => p.Id != id)))
        {
            throw new ValidationException("persons", $"Participant {id} is not part of this case.");
        }
        var ev = new TraffickingEvent(Id, type, date, country, state, city, description, ids);
        _events.Add(ev);
        Touch(now);
        return ev;
    }

    public CaseNote AddNote(string authorName, string text, DateTime now)
    {
        var note = new CaseNote(Id, authorName, text, now);
        _notes.Add(note);
        Touch(now);
        return note;
    }

    public void Assign(UserId user, DateTime now)
    {
        if (_assignments.All(a => a.UserId != user))
        {
            _assignments.Add(new CaseAssignment(Id, user));
            Touch(now);
        }
    }

    public void ShareWith(OrganisationId organisation, DateTime now)
    {
        if (organisation != OrganisationId && _shares.All(s => s.OrganisationId != organisation))
        {
            _shares.Add(new CaseShare(Id, organisation, now));
            Touch(now);
        }
    }

    internal void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

public sealed class CaseAssignment
{
    private CaseAssignment()
    {
    }

    public CaseAssignment(CaseId caseId, UserId user)
    {
        CaseId = caseId;
        UserId = user;
    }

    public CaseId CaseId { get; private set; }
    public UserId UserId { get; private set; }
}

public sealed class CaseShare
{
    private CaseShare()
    {
    }

    public CaseShare(CaseId caseId, OrganisationId organisation, DateTime now)
    {
        CaseId = caseId;
        OrganisationId = organisation;
        SharedAt = now;
    }

    public CaseId CaseId { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public DateTime SharedAt { get; private set; }
}

/// <summary>A formal update from an officer or caseworker. The text is encrypted at rest.</summary>
public sealed class CaseNote
{
    public const int MaxLength = 8000;

    private CaseNote()
    {
    }

    public CaseNote(CaseId caseId, string authorName, string text, DateTime now)
    {
        Id = SequentialGuid.Next();
        CaseId = caseId;
        AuthorName = authorName;
        Text = text;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
