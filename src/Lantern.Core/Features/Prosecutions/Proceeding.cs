using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>The stages of a criminal proceeding, in their legal order (CrPC 1898; pakistan_law.md §7).</summary>
public enum ProceedingStage { ComplaintReceived, Inquiry, FirRegistered, Investigation, InterimReport, FinalReport, Trial, Judgment, Appeal }

/// <summary>Ways a proceeding ends before judgment.</summary>
public enum EarlyEnding
{
    /// <summary>The complaint was disposed of without an FIR (FIA: dropped after verification or inquiry).</summary>
    ComplaintClosed,

    /// <summary>The FIR was cancelled on the police report (CrPC s.173 cancellation; the Magistrate agrees).</summary>
    FirCancelled,

    /// <summary>Every accused has absconded (CrPC ss.87-88 proclamation); the case waits as untraced.</summary>
    AccusedAbsconding,

    /// <summary>Compounded under CrPC s.345: only where every charged offence is compoundable.</summary>
    Compromise,

    /// <summary>The prosecution was withdrawn with the court's consent (CrPC s.494).</summary>
    ProsecutionWithdrawn,

    /// <summary>The accused was discharged before charge (no ground to proceed).</summary>
    AccusedDischarged,

    /// <summary>The only accused died; the proceeding abates against them.</summary>
    AccusedDied,

    Other,
}

/// <summary>
/// The criminal proceeding of one case (created on first use): its stages in legal order, the charges against each
/// accused with their outcomes, and the accused declared absconding. Ends at judgment (and appeal) or early, with a reason.
/// </summary>
public sealed class Proceeding
{
    public const int MaxTextLength = 4000;

    private readonly List<StageRecord> _stages = [];
    private readonly List<Charge> _charges = [];
    private readonly List<Absconder> _absconders = [];

    private Proceeding()
    {
    }

    internal Proceeding(CaseId caseId, DateTime now)
    {
        Id = SequentialGuid.Next();
        CaseId = caseId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public EarlyEnding? EndedBy { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>Application-managed concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<StageRecord> Stages => _stages;
    public IReadOnlyList<Charge> Charges => _charges;
    public IReadOnlyList<Absconder> Absconders => _absconders;

    public bool IsEndedEarly => EndedBy is not null;

    public StageRecord? Current => _stages.OrderBy(s => s.Stage).LastOrDefault();

    /// <summary>Ended early, or judgment (or an appeal) completed.</summary>
    public bool IsConcluded => IsEndedEarly || Current is { Stage: ProceedingStage.Judgment or ProceedingStage.Appeal, CompletedOn: not null };

    public StageRecord? Stage(ProceedingStage stage) => _stages.FirstOrDefault(s => s.Stage == stage);

    /// <summary>
    /// The stages that may start next: the first stage is a complaint or, when the police register an FIR on
    /// information, the FIR; afterwards the next in order, where inquiry (not every complaint is verified first)
    /// and the interim report (an investigation finished within 14 days needs none) may be skipped. Appeal only after judgment.
    /// </summary>
    public IReadOnlyList<ProceedingStage> NextStages()
    {
        if (IsEndedEarly)
        {
            return [];
        }
        if (Current is not { } current)
        {
            return [ProceedingStage.ComplaintReceived, ProceedingStage.FirRegistered];
        }
        return current.Stage switch
        {
            ProceedingStage.ComplaintReceived => [ProceedingStage.Inquiry, ProceedingStage.FirRegistered],
            ProceedingStage.Investigation => [ProceedingStage.InterimReport, ProceedingStage.FinalReport],
            ProceedingStage.Appeal => [],
            var s => [s + 1],
        };
    }

    public StageRecord StartStage(ProceedingStage stage, DateOnly startedOn, StageDetails details, DateOnly today, DateTime now)
    {
        EnsureOpen();
        if (!NextStages().Contains(stage))
        {
            var allowed = NextStages();
            throw new ValidationException("stage", allowed.Count == 0
                ? $"No stage can follow {Current?.Stage}."
                : $"{stage} cannot follow {(Current is null ? "the start" : Current.Stage.ToString())}; next: {string.Join(", ", allowed)}.");
        }
        if (startedOn > today)
        {
            throw new ValidationException("startedOn", "A stage cannot start in the future.");
        }
        if (Current is { } previous)
        {
            if (startedOn < previous.StartedOn)
            {
                throw new ValidationException("startedOn", string.Create(CultureInfo.InvariantCulture, $"{stage} cannot start before {previous.Stage} started ({previous.StartedOn:yyyy-MM-dd})."));
            }
            if (previous.CompletedOn is null)
            {
                previous.Complete(startedOn);
            }
            else if (startedOn < previous.CompletedOn)
            {
                throw new ValidationException("startedOn", string.Create(CultureInfo.InvariantCulture, $"{stage} cannot start before {previous.Stage} was completed ({previous.CompletedOn:yyyy-MM-dd})."));
            }
        }
        var record = new StageRecord(Id, stage, startedOn, details);
        _stages.Add(record);
        Touch(now);
        return record;
    }

    public void UpdateStage(ProceedingStage stage, StageDetails details, DateTime now)
    {
        var record = Stage(stage) ?? throw new ValidationException("stage", $"{stage} has not started.");
        record.SetDetails(details);
        Touch(now);
    }

    public void CompleteStage(ProceedingStage stage, DateOnly completedOn, DateOnly today, DateTime now)
    {
        EnsureOpen();
        var record = Stage(stage) ?? throw new ValidationException("stage", $"{stage} has not started.");
        if (completedOn > today)
        {
            throw new ValidationException("completedOn", "A stage cannot be completed in the future.");
        }
        if (completedOn < record.StartedOn)
        {
            throw new ValidationException("completedOn", string.Create(CultureInfo.InvariantCulture, $"{stage} started on {record.StartedOn:yyyy-MM-dd}; it cannot be completed before."));
        }
        record.Complete(completedOn);
        Touch(now);
    }

    /// <summary>
    /// Ends the proceeding before judgment. Compromise needs every charged offence to be compoundable
    /// (<paramref name="chargedOffences"/>: the versions the charges use); ending for absconding needs every charged accused declared absconding.
    /// </summary>
    public void EndEarly(EarlyEnding reason, DateOnly on, string text, IReadOnlyList<OffenceVersion> chargedOffences, DateOnly today, DateTime now)
    {
        EnsureOpen();
        if (Current is { Stage: ProceedingStage.Judgment or ProceedingStage.Appeal })
        {
            throw new ValidationException("reason", "Judgment has been given; the proceeding can no longer end early.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationException("text", "Say why the proceeding ended.");
        }
        if (on > today)
        {
            throw new ValidationException("endedOn", "The proceeding cannot end in the future.");
        }
        if (Current is { } current && on < current.StartedOn)
        {
            throw new ValidationException("endedOn", string.Create(CultureInfo.InvariantCulture, $"The proceeding cannot end before {current.Stage} started ({current.StartedOn:yyyy-MM-dd})."));
        }
        switch (reason)
        {
            case EarlyEnding.ComplaintClosed when _stages.Any(s => s.Stage >= ProceedingStage.FirRegistered):
                throw new ValidationException("reason", "An FIR has been registered: the complaint can no longer be closed; the FIR may be cancelled.");
            case EarlyEnding.FirCancelled when Stage(ProceedingStage.FirRegistered) is null:
                throw new ValidationException("reason", "No FIR has been registered, so none can be cancelled.");
            case EarlyEnding.FirCancelled when _stages.Any(s => s.Stage >= ProceedingStage.Trial):
                throw new ValidationException("reason", "The trial has started: the FIR can no longer be cancelled.");
            case EarlyEnding.Compromise:
                if (chargedOffences.Count == 0)
                {
                    throw new ValidationException("reason", "A compromise needs framed charges, each for a compoundable offence; none is charged yet.");
                }
                var not = chargedOffences.Where(o => o.Compoundable != true).Select(o => $"{o.Instrument} s.{o.Section}").Distinct().ToList();
                if (not.Count > 0)
                {
                    throw new ValidationException("reason", $"Compromise is not allowed: {string.Join(", ", not)} is not compoundable (CrPC s.345).");
                }
                break;
            case EarlyEnding.AccusedAbsconding:
                var charged = _charges.Select(c => c.AccusedParticipantId).Distinct().ToList();
                if (charged.Any(a => _absconders.All(x => x.ParticipantId != a || x.ArrestedOn is not null)))
                {
                    throw new ValidationException("reason", "Declare every charged accused absconding first; a case with an accused before the court goes on.");
                }
                break;
            default:
                break;
        }
        EndedBy = reason;
        EndedOn = on;
        EndReason = text.Trim();
        Touch(now);
    }

    public Charge AddCharge(CaseParticipant accused, OffenceVersion version, DateOnly offenceDate, string? particulars, DateOnly? framedOn, DateOnly today, DateTime now)
    {
        EnsureOpen();
        if (accused.CaseId != CaseId || accused.Role != CaseRole.Suspect)
        {
            throw new ValidationException("accusedParticipantId", "A charge is against an accused: a participant of this case in the suspect role.");
        }
        if (offenceDate > today)
        {
            throw new ValidationException("offenceDate", "The offence date cannot be in the future.");
        }
        if (framedOn is { } framed && (framed < offenceDate || framed > today))
        {
            throw new ValidationException("framedOn", "A charge is framed after the offence and not in the future.");
        }
        if (_charges.Any(c => c.AccusedParticipantId == accused.Id && c.Instrument == version.Instrument && c.Section == version.Section && c.OffenceDate == offenceDate))
        {
            throw new ValidationException("section", $"This accused is already charged under {version.Instrument} s.{version.Section} for that date.");
        }
        var charge = new Charge(this, accused.Id, version, offenceDate, particulars, framedOn);
        _charges.Add(charge);
        Touch(now);
        return charge;
    }

    public Charge ChargeById(Guid id) => _charges.FirstOrDefault(c => c.Id == id) ?? throw new NotFoundException("The charge");

    /// <summary>An accused declared a proclaimed offender (CrPC ss.87-88); the proceeding goes on against the others.</summary>
    public Absconder DeclareAbsconding(CaseParticipant accused, DateOnly on, string? proclamationReference, DateOnly today, DateTime now)
    {
        EnsureOpen();
        if (accused.CaseId != CaseId || accused.Role != CaseRole.Suspect)
        {
            throw new ValidationException("accusedParticipantId", "Only an accused (suspect) can be declared absconding.");
        }
        if (on > today)
        {
            throw new ValidationException("declaredOn", "The declaration cannot be in the future.");
        }
        if (_absconders.Any(a => a.ParticipantId == accused.Id && a.ArrestedOn is null))
        {
            throw new ValidationException("accusedParticipantId", "This accused is already recorded as absconding.");
        }
        var record = new Absconder(Id, accused.Id, on, proclamationReference);
        _absconders.Add(record);
        Touch(now);
        return record;
    }

    public void RecordArrest(Guid participantId, DateOnly on, DateOnly today, DateTime now)
    {
        var record = _absconders.LastOrDefault(a => a.ParticipantId == participantId && a.ArrestedOn is null)
            ?? throw new ValidationException("accusedParticipantId", "This accused is not recorded as absconding.");
        if (on > today || on < record.DeclaredOn)
        {
            throw new ValidationException("arrestedOn", "The arrest is after the declaration and not in the future.");
        }
        record.Arrest(on);
        Touch(now);
    }

    internal void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void EnsureOpen()
    {
        if (IsEndedEarly)
        {
            throw new ValidationException("proceeding", $"The proceeding ended ({EndedBy}); nothing more can be recorded.");
        }
    }
}

/// <summary>What a stage record says beyond its dates: the responsible officer, the FIR or the court, the documents.</summary>
public sealed record StageDetails(
    UserId? ResponsibleUserId,
    string? FirNumber,
    string? PoliceStation,
    DateOnly? FirDate,
    string? Court,
    string? Judge,
    string? CourtCaseNumber,
    IReadOnlyList<string> Documents)
{
    public static readonly StageDetails None = new(null, null, null, null, null, null, null, []);
}

/// <summary>One stage of a proceeding: when it started and ended, who was responsible, and its stage-specific details.</summary>
public sealed class StageRecord
{
    private StageRecord()
    {
    }

    internal StageRecord(Guid proceedingId, ProceedingStage stage, DateOnly startedOn, StageDetails details)
    {
        Id = SequentialGuid.Next();
        ProceedingId = proceedingId;
        Stage = stage;
        StartedOn = startedOn;
        SetDetails(details);
    }

    public Guid Id { get; private set; }
    public Guid ProceedingId { get; private set; }
    public ProceedingStage Stage { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public UserId? ResponsibleUserId { get; private set; }
    public string? FirNumber { get; private set; }

    /// <summary>The police station, or the FIA circle (e.g. AHTC Lahore), that registered the FIR.</summary>
    public string? PoliceStation { get; private set; }

    public DateOnly? FirDate { get; private set; }
    public string? Court { get; private set; }
    public string? Judge { get; private set; }
    public string? CourtCaseNumber { get; private set; }

    /// <summary>Titles or references of the stage's documents, one a line (may name people: encrypted).</summary>
    public string? Documents { get; private set; }

    public IReadOnlyList<string> DocumentList => string.IsNullOrEmpty(Documents) ? [] : Documents.Split('\n');

    /// <summary>Days from start to completion (or to <paramref name="today"/> while open).</summary>
    public int DaysTaken(DateOnly today) => (CompletedOn ?? today).DayNumber - StartedOn.DayNumber;

    internal void SetDetails(StageDetails d)
    {
        if (Stage == ProceedingStage.FirRegistered)
        {
            if (string.IsNullOrWhiteSpace(d.FirNumber))
            {
                throw new ValidationException("firNumber", "An FIR stage needs the FIR number.");
            }
            if (string.IsNullOrWhiteSpace(d.PoliceStation))
            {
                throw new ValidationException("policeStation", "Name the police station or FIA circle that registered the FIR.");
            }
            if (d.FirDate is { } date && date > StartedOn)
            {
                throw new ValidationException("firDate", "The FIR date cannot be after the stage started.");
            }
        }
        if (Stage is ProceedingStage.Trial or ProceedingStage.Appeal && string.IsNullOrWhiteSpace(d.Court))
        {
            throw new ValidationException("court", $"A {Stage.ToString().ToLowerInvariant()} needs the court.");
        }
        var isFir = Stage == ProceedingStage.FirRegistered;
        var isCourt = Stage is ProceedingStage.Trial or ProceedingStage.Judgment or ProceedingStage.Appeal;
        ResponsibleUserId = d.ResponsibleUserId;
        FirNumber = isFir ? TextRules.Place(d.FirNumber, "firNumber", 64) : null;
        PoliceStation = isFir ? TextRules.Place(d.PoliceStation, "policeStation", 200) : null;
        FirDate = isFir ? d.FirDate ?? StartedOn : null;
        Court = isCourt ? TextRules.Place(d.Court, "court", 200) : null;
        Judge = isCourt ? TextRules.Name(d.Judge, "judge", 200) : null;
        CourtCaseNumber = isCourt ? TextRules.Place(d.CourtCaseNumber, "courtCaseNumber", 64) : null;
        var documents = d.Documents.Select(x => x?.Trim()).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!.Replace('\n', ' ')).ToList();
        if (documents.Any(x => x.Length > 300))
        {
            throw new ValidationException("documents", "A document title or reference is at most 300 characters.");
        }
        Documents = documents.Count == 0 ? null : TextRules.FreeText(string.Join('\n', documents), "documents", Proceeding.MaxTextLength);
    }

    internal void Complete(DateOnly on) => CompletedOn = on;
}

/// <summary>An accused declared a proclaimed offender, until arrested.</summary>
public sealed class Absconder
{
    private Absconder()
    {
    }

    internal Absconder(Guid proceedingId, Guid participantId, DateOnly declaredOn, string? reference)
    {
        Id = SequentialGuid.Next();
        ProceedingId = proceedingId;
        ParticipantId = participantId;
        DeclaredOn = declaredOn;
        ProclamationReference = TextRules.Place(reference, "proclamationReference", 100);
    }

    public Guid Id { get; private set; }
    public Guid ProceedingId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public DateOnly DeclaredOn { get; private set; }
    public string? ProclamationReference { get; private set; }
    public DateOnly? ArrestedOn { get; private set; }

    internal void Arrest(DateOnly on) => ArrestedOn = on;
}
