using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Prosecutions;

public sealed class StageForm
{
    public string? Stage { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public Guid? ResponsibleUserId { get; set; }
    public string? FirNumber { get; set; }
    public string? PoliceStation { get; set; }
    public string? Court { get; set; }
    public string? Judge { get; set; }
    public string? CourtCaseNumber { get; set; }
    public string? Documents { get; set; }
}

public sealed class ChargeForm
{
    public Guid AccusedParticipantId { get; set; }
    public string? Offence { get; set; }
    public DateOnly? OffenceDate { get; set; }
    public string? Particulars { get; set; }
    public DateOnly? FramedOn { get; set; }
}

public sealed class OutcomeForm
{
    public Guid ChargeId { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public int? ImprisonmentMonths { get; set; }
    public long? FineRupees { get; set; }
    public Guid? CompensationVictim { get; set; }
    public long? CompensationRupees { get; set; }
    public string? SentenceConfirmation { get; set; }
}

public sealed class HearingForm
{
    public Guid HearingId { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public string? Court { get; set; }
    public string? Purpose { get; set; }
    public string? Proceedings { get; set; }
    public DateOnly? NextDate { get; set; }
    public string? AdjournmentReason { get; set; }
}

public sealed class ProtectionForm
{
    public Guid ParticipantId { get; set; }
    public string? Pseudonym { get; set; }
    public bool InCamera { get; set; }
    public bool Screen { get; set; }
    public bool VideoLink { get; set; }
    public DateOnly? OrderedOn { get; set; }
    public string? OrderReference { get; set; }
}

public sealed class AbscondingForm
{
    public Guid AccusedParticipantId { get; set; }
    public DateOnly? On { get; set; }
    public string? ProclamationReference { get; set; }
}

public sealed class EndForm
{
    public string? Reason { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? Text { get; set; }
}

[Authorize(Policy = Permissions.ProsecutionRead)]
public sealed class ProceedingModel(
    GetProceeding.Handler get, RecordStage.Handler stage, EndProceeding.Handler end, FrameCharge.Handler frame, RecordOutcome.Handler outcome,
    ScheduleHearing.Handler schedule, RecordHearing.Handler record, ProtectWitness.Handler protect, DeclareAbsconding.Handler absconding) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public StageForm StageInput { get; set; } = new();
    [BindProperty] public ChargeForm ChargeInput { get; set; } = new();
    [BindProperty] public OutcomeForm OutcomeInput { get; set; } = new();
    [BindProperty] public HearingForm HearingInput { get; set; } = new();
    [BindProperty] public ProtectionForm ProtectionInput { get; set; } = new();
    [BindProperty] public EndForm EndInput { get; set; } = new();
    [BindProperty] public AbscondingForm AbscondingInput { get; set; } = new();

    public ProceedingView? Proceeding { get; private set; }

    private CaseId Case => new(Id);

    public async Task OnGetAsync(CancellationToken ct) => Proceeding = await get.Handle(HttpContext.Actor(), Case, ct);

    public Task<IActionResult> OnPostStageAsync(CancellationToken ct) => Act(() => stage.Handle(HttpContext.Actor(), Case, new RecordStage.Request(
        StageInput.Stage, StageInput.StartedOn, StageInput.CompletedOn, StageInput.ResponsibleUserId, StageInput.FirNumber, StageInput.PoliceStation, null,
        StageInput.Court, StageInput.Judge, StageInput.CourtCaseNumber, (StageInput.Documents ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), ct), ct);

    public Task<IActionResult> OnPostEndAsync(CancellationToken ct) =>
        Act(() => end.Handle(HttpContext.Actor(), Case, new EndProceeding.Request(EndInput.Reason, EndInput.EndedOn, EndInput.Text), ct), ct);

    public Task<IActionResult> OnPostAbscondingAsync(CancellationToken ct) => Act(() => absconding.Handle(HttpContext.Actor(), Case,
        new DeclareAbsconding.Request(AbscondingInput.AccusedParticipantId, AbscondingInput.On, AbscondingInput.ProclamationReference), ct), ct);

    public Task<IActionResult> OnPostArrestAsync(CancellationToken ct) => Act(() => absconding.ArrestAsync(HttpContext.Actor(), Case,
        new DeclareAbsconding.ArrestRequest(AbscondingInput.AccusedParticipantId, AbscondingInput.On), ct), ct);

    public Task<IActionResult> OnPostChargeAsync(CancellationToken ct)
    {
        var parts = (ChargeInput.Offence ?? "").Split('|');
        return Act(() => frame.Handle(HttpContext.Actor(), Case, new FrameCharge.Request(ChargeInput.AccusedParticipantId, parts[0], parts.Length > 1 ? parts[1] : null,
            ChargeInput.OffenceDate, ChargeInput.Particulars, ChargeInput.FramedOn), ct), ct);
    }

    public Task<IActionResult> OnPostOutcomeAsync(CancellationToken ct)
    {
        var o = OutcomeInput;
        IReadOnlyList<RecordOutcome.Compensation> compensation = o.CompensationVictim is { } victim && o.CompensationRupees is { } rupees ? [new RecordOutcome.Compensation(victim, rupees)] : [];
        return Act(() => outcome.Handle(HttpContext.Actor(), Case, o.ChargeId,
            new RecordOutcome.Request(o.Outcome, o.DecidedOn, o.ImprisonmentMonths, o.FineRupees, compensation, string.IsNullOrWhiteSpace(o.SentenceConfirmation) ? null : o.SentenceConfirmation), ct), ct);
    }

    public Task<IActionResult> OnPostHearingAsync(CancellationToken ct) =>
        Act(() => schedule.Handle(HttpContext.Actor(), Case, new ScheduleHearing.Request(HearingInput.Date, HearingInput.Time, HearingInput.Court, HearingInput.Purpose), ct), ct);

    public Task<IActionResult> OnPostHearingOutcomeAsync(CancellationToken ct) => Act(() => record.Handle(HttpContext.Actor(), Case, HearingInput.HearingId,
        new RecordHearing.Request(HearingInput.Proceedings, HearingInput.NextDate, HearingInput.Purpose, string.IsNullOrWhiteSpace(HearingInput.AdjournmentReason) ? null : HearingInput.AdjournmentReason), ct), ct);

    public Task<IActionResult> OnPostProtectAsync(CancellationToken ct)
    {
        var p = ProtectionInput;
        return Act(() => protect.Handle(HttpContext.Actor(), Case, p.ParticipantId,
            new ProtectWitness.Request(p.Pseudonym, p.InCamera, p.Screen, p.VideoLink, p.OrderedOn, p.OrderReference), ct), ct);
    }

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        if (await ModelState.TryAsync(action))
        {
            return Redirect($"/cases/{Id}/prosecution");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
