using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// Ends a proceeding before judgment, with the date and reason: complaint closed, FIR cancelled, every accused
/// absconding, compromise (only for compoundable offences), withdrawal, discharge, death of the accused, other.
/// The side responsible for the current stage records it (investigation up to the challan, prosecution after).
/// </summary>
public static class EndProceeding
{
    public sealed record Request(string? Reason, DateOnly? EndedOn, string? Text);

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

        public async Task Handle(Actor actor, CaseId caseId, Request request, CancellationToken ct)
        {
            await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionRead, ct);
            var reason = Picklist.Parse<EarlyEnding>(request.Reason, "reason");
            var now = _clock.GetUtcNow().UtcDateTime;
            var proceeding = await ProsecutionAccess.ProceedingAsync(_db, caseId, now, ct);
            ProsecutionAccess.RequireStageWriter(actor, proceeding.Current?.Stage ?? ProceedingStage.ComplaintReceived);
            var text = TextRules.FreeText(request.Text, "text", Proceeding.MaxTextLength) ?? "";
            var versions = proceeding.Charges.Where(x => x.Outcome == ChargeOutcome.Pending || x.Outcome == ChargeOutcome.Convicted)
                .Select(x => x.VersionIn(ProsecutionAccess.Catalogue)).ToList();
            proceeding.EndEarly(reason, request.EndedOn ?? throw new ValidationException("endedOn", "Say when the proceeding ended."), text, versions, ProsecutionAccess.Today(now), now);
            _audit.Add(actor, "proceeding.end", "case", caseId.ToString(), detail: reason.ToString());
            await ProsecutionAccess.SaveAsync(_db, ct);
        }
    }
}
