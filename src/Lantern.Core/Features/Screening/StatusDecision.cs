using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// A formal decision on a victim's trafficking status (HTCDS vic_TraffickingStatus) by an authorised officer:
/// which organisation decided, when and why. Decisions are never edited; a new decision supersedes the last,
/// so the history stays. The newest decision is copied onto the case participant.
/// </summary>
public sealed class StatusDecision
{
    private StatusDecision()
    {
    }

    internal StatusDecision(CaseParticipant participant, TraffickingStatus status, StatusDecisionMaker decidedBy, string decidingOrganisation,
        DateOnly decidedOn, string reason, Guid? assessmentId, UserId recordedBy, string recordedByName, DateTime recordedAt)
    {
        Id = SequentialGuid.Next();
        CaseId = participant.CaseId;
        ParticipantId = participant.Id;
        PersonId = participant.PersonId;
        Status = status;
        DecidedBy = decidedBy;
        DecidingOrganisation = decidingOrganisation;
        DecidedOn = decidedOn;
        Reason = reason;
        AssessmentId = assessmentId;
        RecordedById = recordedBy;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public Guid ParticipantId { get; private set; }
    public PersonId PersonId { get; private set; }
    public TraffickingStatus Status { get; private set; }
    public StatusDecisionMaker DecidedBy { get; private set; }
    public string DecidingOrganisation { get; private set; } = "";
    public DateOnly DecidedOn { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid? AssessmentId { get; private set; }
    public UserId RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
}
