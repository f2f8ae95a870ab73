using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// The hearings calendar: "mine" (cases assigned to the user, or where they are responsible for a stage) or
/// "organisation" (the organisation's cases and cases shared with it), between two dates; or the upcoming hearings
/// of the next days. Case workers (hearings.read without prosecution.read) see date, court and purpose only.
/// </summary>
public static class ListHearings
{
    public const int MaxDays = 366;

    public sealed record Request(string? Scope, DateOnly? From, DateOnly? To);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<IReadOnlyList<CalendarHearing>> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.HearingsRead);
            var today = ProsecutionAccess.Today(_clock.GetUtcNow().UtcDateTime);
            var from = request.From ?? new DateOnly(today.Year, today.Month, 1);
            var to = request.To ?? from.AddMonths(1).AddDays(-1);
            if (to < from || to.DayNumber - from.DayNumber > MaxDays)
            {
                throw new ValidationException("to", $"Give a period of up to {MaxDays} days, ending after it starts.");
            }
            var scope = (request.Scope ?? "mine").Trim().ToLowerInvariant();
            var query = _db.Hearings.AsNoTracking().Where(h => h.Date >= from && h.Date <= to);
            var user = actor.UserId;
            query = scope switch
            {
                "mine" => query.Where(h => h.Case.Assignments.Any(a => a.UserId == user)
                    || _db.Proceedings.Any(p => p.CaseId == h.CaseId && p.Stages.Any(s => s.ResponsibleUserId == user))),
                "organisation" => query,
                _ => throw new ValidationException("scope", "Use mine or organisation."),
            };
            var rows = await query.OrderBy(h => h.Date).ThenBy(h => h.Time).Select(h => new { Hearing = h, h.Case.Reference }).ToListAsync(ct);
            var details = actor.Has(Permissions.ProsecutionRead);
            _audit.Add(actor, "hearings.calendar", "hearing", null, detail: $"{scope} {from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {rows.Count}");
            await _db.SaveChangesAsync(ct);
            return rows.Select(r => new CalendarHearing(r.Hearing.Id, r.Hearing.CaseId.Value, r.Reference, r.Hearing.Date, r.Hearing.Time, r.Hearing.Court, r.Hearing.Purpose,
                r.Hearing.Held, details ? r.Hearing.Proceedings : null, r.Hearing.NextDate, details ? r.Hearing.AdjournmentReason : null)).ToList();
        }

        /// <summary>The hearings of the next <paramref name="days"/> days (today included), in the given scope.</summary>
        public Task<IReadOnlyList<CalendarHearing>> UpcomingAsync(Actor actor, string? scope, int days, CancellationToken ct)
        {
            if (days is < 1 or > MaxDays)
            {
                throw new ValidationException("days", $"Between 1 and {MaxDays} days.");
            }
            var today = ProsecutionAccess.Today(_clock.GetUtcNow().UtcDateTime);
            return Handle(actor, new Request(scope, today, today.AddDays(days - 1)), ct);
        }
    }
}
