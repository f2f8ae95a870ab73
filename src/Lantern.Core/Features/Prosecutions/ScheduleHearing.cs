using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>Puts a hearing of a case in the calendar: date (and time), court, purpose.</summary>
public static class ScheduleHearing
{
    public sealed record Request(DateOnly? Date, TimeOnly? Time, string? Court, string? Purpose);

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

        public async Task<HearingView> Handle(Actor actor, CaseId caseId, Request request, CancellationToken ct)
        {
            await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionWrite, ct);
            var purpose = Picklist.Parse<HearingPurpose>(request.Purpose, "purpose");
            if (string.IsNullOrWhiteSpace(request.Court))
            {
                throw new ValidationException("court", "Name the court.");
            }
            var hearing = Hearing.Schedule(caseId, request.Date ?? throw new ValidationException("date", "Give the hearing date."), request.Time, request.Court, purpose,
                _clock.GetUtcNow().UtcDateTime);
            _db.Hearings.Add(hearing);
            _audit.Add(actor, "hearing.schedule", "hearing", hearing.Id.ToString(), detail: "case " + caseId);
            await _db.SaveChangesAsync(ct);
            return GetProceeding.ToView(hearing);
        }
    }
}
