using Lantern.Core.Common;

namespace Lantern.Core.Features.Prosecutions;

// Read models of the prosecution feature. Entities never leave Core.

public sealed record StageView(
    ProceedingStage Stage,
    DateOnly StartedOn,
    DateOnly? CompletedOn,
    int Days,
    Guid? ResponsibleUserId,
    string? ResponsibleOfficer,
    string? FirNumber,
    string? PoliceStation,
    DateOnly? FirDate,
    string? Court,
    string? Judge,
    string? CourtCaseNumber,
    IReadOnlyList<string> Documents);

public sealed record CompensationView(Guid VictimParticipantId, string Victim, long Rupees);

public sealed record ChargeView(
    Guid Id,
    Guid AccusedParticipantId,
    string Accused,
    string Instrument,
    string Section,
    string Title,
    DateOnly VersionEffectiveFrom,
    string VersionVerification,
    DateOnly OffenceDate,
    string? Particulars,
    DateOnly? FramedOn,
    ChargeOutcome Outcome,
    DateOnly? DecidedOn,
    int? ImprisonmentMonths,
    long? FineRupees,
    string? SentenceConfirmation,
    IReadOnlyList<CompensationView> Compensation,
    string ImprisonmentRange,
    string FineRange,
    string? PenaltyMode);

public sealed record AbsconderView(Guid ParticipantId, string Accused, DateOnly DeclaredOn, string? ProclamationReference, DateOnly? ArrestedOn);

public sealed record HearingView(
    Guid Id,
    DateOnly Date,
    TimeOnly? Time,
    string Court,
    HearingPurpose Purpose,
    bool Held,
    string? Proceedings,
    DateOnly? NextDate,
    string? AdjournmentReason,
    Guid? PreviousHearingId,
    Guid? NextHearingId);

public sealed record WitnessView(Guid ParticipantId, string Role, string Name, string? Pseudonym, IReadOnlyList<string> Measures, DateOnly? OrderedOn, string? OrderReference);

public sealed record PartyView(Guid ParticipantId, string Role, string Name);

public sealed record OfficerView(Guid Id, string Username);

public sealed record ProceedingView(
    Guid CaseId,
    string CaseReference,
    bool Started,
    IReadOnlyList<StageView> Stages,
    IReadOnlyList<ProceedingStage> NextStages,
    EarlyEnding? EndedBy,
    DateOnly? EndedOn,
    string? EndReason,
    bool Concluded,
    IReadOnlyList<ChargeView> Charges,
    IReadOnlyList<AbsconderView> Absconders,
    IReadOnlyList<HearingView> Hearings,
    IReadOnlyList<WitnessView> Witnesses,
    IReadOnlyList<PartyView> Accused,
    IReadOnlyList<PartyView> Victims,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<OfficerView> Officers,
    int Version);

public enum TimelineKind { Stage, Hearing, Charge, Outcome, Absconding, EarlyEnding }

/// <summary>One dated entry of a case's timeline. <see cref="Days"/> is set on stages: the days the stage took (or has taken).</summary>
/// <remarks>
/// <see cref="Detail"/> is one English line (the API's and the CLI's); <see cref="Parts"/> holds the same detail for a
/// page to show in the reader's language, where the detail mixes words with data: each part is data as recorded
/// (code "data") or a code with its value ("held", "scheduled", "adjourned" with the reason, "months", "fine-rupees",
/// "compensation-rupees" with the number). Empty when the whole detail is data.
/// </remarks>
public sealed record TimelineItem(DateOnly Date, TimelineKind Kind, string Title, string? Detail, int? Days, bool Open)
{
    public IReadOnlyList<TimelinePart> Parts { get; init; } = [];
}

/// <summary>A piece of a timeline entry's detail: a code ("data" for data as recorded) and its value.</summary>
public sealed record TimelinePart(string Code, string? Value)
{
    public static TimelinePart Data(string? value) => new("data", value);
}

public sealed record TimelineView(Guid CaseId, string CaseReference, IReadOnlyList<TimelineItem> Items);

/// <summary>A hearing in a calendar. Case workers without prosecution.read see the date, court and purpose only.</summary>
public sealed record CalendarHearing(
    Guid Id,
    Guid CaseId,
    string CaseReference,
    DateOnly Date,
    TimeOnly? Time,
    string Court,
    HearingPurpose Purpose,
    bool Held,
    string? Proceedings,
    DateOnly? NextDate,
    string? AdjournmentReason);

public sealed record OverdueDeadline(Guid CaseId, string CaseReference, string Rule, ProceedingStage AnchorStage, ProceedingStage DueStage, DateOnly DueOn, int DaysOverdue, string? ResponsibleOfficer, string Verification);

public sealed record DeadlineRuleView(Guid Id, string Name, ProceedingStage AnchorStage, int Days, ProceedingStage DueStage, string Basis, string Verification, bool Active);

internal static class ProsecutionProjection
{
    public static string Describe(PenaltyRange? range, string unit) => range is null ? "none" : SentenceCheck.Describe(range, unit);

    public static string Name(Cases.CaseParticipant p) => p.Person.DisplayName;

    public static string Role(Cases.CaseParticipant p) => Picklist.RoleName(p.Role);
}
