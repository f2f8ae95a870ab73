using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// Starts the next stage of a case's proceeding (in legal order), or corrects the details of one already started, and
/// optionally marks it completed. Creates the proceeding on first use.
/// </summary>
public static class RecordStage
{
    public sealed record Request(
        string? Stage,
        DateOnly? StartedOn,
        DateOnly? CompletedOn = null,
        Guid? ResponsibleUserId = null,
        string? FirNumber = null,
        string? PoliceStation = null,
        DateOnly? FirDate = null,
        string? Court = null,
        string? Judge = null,
        string? CourtCaseNumber = null,
        IReadOnlyList<string?>? Documents = null);

    public sealed record Response(ProceedingStage Stage, DateOnly StartedOn, DateOnly? CompletedOn, IReadOnlyList<ProceedingStage> NextStages, int Version);

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

        public async Task<Response> Handle(Actor actor, CaseId caseId, Request request, CancellationToken ct)
        {
            var c = await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionRead, ct);
            var stage = Picklist.Parse<ProceedingStage>(request.Stage, "stage");
            ProsecutionAccess.RequireStageWriter(actor, stage);
            var responsible = request.ResponsibleUserId is { } u ? new UserId(u) : (UserId?)null;
            await ProsecutionAccess.EnsureOfficerAsync(_db, c, responsible, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var today = ProsecutionAccess.Today(now);
            var proceeding = await ProsecutionAccess.ProceedingAsync(_db, caseId, now, ct);
            var details = new StageDetails(responsible, request.FirNumber, request.PoliceStation, request.FirDate, request.Court, request.Judge, request.CourtCaseNumber,
                (request.Documents ?? []).Select(d => d ?? "").ToList());
            var existing = proceeding.Stage(stage);
            if (existing is null)
            {
                proceeding.StartStage(stage, request.StartedOn ?? throw new ValidationException("startedOn", "Say when the stage started."), details, today, now);
                _audit.Add(actor, "proceeding.stage-start", "case", caseId.ToString(), detail: stage.ToString());
            }
            else
            {
                if (request.StartedOn is { } started && started != existing.StartedOn)
                {
                    throw new ValidationException("startedOn", "A stage's start date is not changed once recorded.");
                }
                proceeding.UpdateStage(stage, details, now);
                _audit.Add(actor, "proceeding.stage-update", "case", caseId.ToString(), detail: stage.ToString());
            }
            if (request.CompletedOn is { } completed)
            {
                proceeding.CompleteStage(stage, completed, today, now);
            }
            await ProsecutionAccess.SaveAsync(_db, ct);
            var record = proceeding.Stage(stage)!;
            return new Response(stage, record.StartedOn, record.CompletedOn, proceeding.NextStages(), proceeding.Version);
        }
    }
}
