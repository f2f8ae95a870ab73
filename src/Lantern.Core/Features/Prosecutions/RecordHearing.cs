using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// Records what happened at a hearing, and the next date (with the adjournment reason when it was adjourned).
/// A next date schedules the next hearing in the same court.
/// </summary>
public static class RecordHearing
{
    public sealed record Request(string? Proceedings, DateOnly? NextDate, string? NextPurpose, string? AdjournmentReason);

    public sealed record Response(HearingView Hearing, HearingView? Next);

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

        public async Task<Response> Handle(Actor actor, CaseId caseId, Guid hearingId, Request request, CancellationToken ct)
        {
            await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionWrite, ct);
            var hearing = await _db.Hearings.FirstOrDefaultAsync(h => h.Id == hearingId && h.CaseId == caseId, ct) ?? throw new NotFoundException("The hearing");
            HearingPurpose? nextPurpose = string.IsNullOrWhiteSpace(request.NextPurpose) ? null : Picklist.Parse<HearingPurpose>(request.NextPurpose, "nextPurpose");
            var now = _clock.GetUtcNow().UtcDateTime;
            var next = hearing.RecordOutcome(request.Proceedings, request.NextDate, nextPurpose, request.AdjournmentReason, ProsecutionAccess.Today(now), now);
            if (next is not null)
            {
                _db.Hearings.Add(next);
            }
            _audit.Add(actor, "hearing.record", "hearing", hearing.Id.ToString(), detail: "case " + caseId + (next is null ? "" : ", next " + next.Id));
            await _db.SaveChangesAsync(ct);
            return new Response(GetProceeding.ToView(hearing), next is null ? null : GetProceeding.ToView(next));
        }
    }
}
