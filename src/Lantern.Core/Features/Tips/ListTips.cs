using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Tips;

/// <summary>The triage queue of the actor's organisation, its alerts and response times. Shows an excerpt of each tip, so reading it is audited.</summary>
public static class ListTips
{
    public const int ResponseTimeDays = 90;
    private const int Shown = 200;

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

        public async Task<TipBoard> Handle(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.TipsTriage);
            var now = _clock.GetUtcNow().UtcDateTime;
            var open = await _db.Tips.AsNoTracking().Where(t => t.State != TipState.Closed).OrderBy(t => t.ReceivedAt).ToListAsync(ct);
            var queue = open.Where(t => t.Bucket == TipBucket.Queue || t.Urgent).ToList();
            var urgent = queue.Where(t => t.Urgent || t.Children is ChildrenAtRisk.ImmediateDanger or ChildrenAtRisk.Yes)
                .OrderByDescending(t => t.Children == ChildrenAtRisk.ImmediateDanger).ThenByDescending(t => t.Urgent).ThenBy(t => t.ReceivedAt).Take(Shown).ToList();
            var oldest = queue.Take(Shown).ToList();
            var overflow = open.Where(t => t.Bucket == TipBucket.Overflow && !t.Urgent).Take(Shown).ToList();
            var since = now.AddDays(-ResponseTimeDays);
            var recent = await _db.Tips.AsNoTracking().Where(t => t.ReceivedAt >= since).ToListAsync(ct);
            var closed = recent.Where(t => t.State == TipState.Closed).OrderByDescending(t => t.ClosedAt).Take(20).ToList();
            var alerts = await AlertsAsync(_db, actor, ct);
            var duty = await _db.TipDuties.AsNoTracking().Select(d => d.UserId).ToListAsync(ct);
            var supervisors = await _db.Users.AsNoTracking().Where(u => duty.Contains(u.Id)).Select(u => u.Username).OrderBy(u => u).ToListAsync(ct);
            _audit.Add(actor, "tip.queue-view", "tip", null, detail: open.Count + " open");
            await _db.SaveChangesAsync(ct);
            return new TipBoard(
                urgent.Select(t => TipProjection.ToListItem(t, now)).ToList(),
                oldest.Select(t => TipProjection.ToListItem(t, now)).ToList(),
                overflow.Select(t => TipProjection.ToListItem(t, now)).ToList(),
                closed.Select(t => TipProjection.ToListItem(t, now)).ToList(),
                alerts, TipProjection.ResponseTimes(recent, ResponseTimeDays), duty.Contains(actor.UserId), supervisors);
        }
    }

    /// <summary>Response times alone (the API's figures), over the last given number of days.</summary>
    public sealed class ResponseTimesHandler
    {
        private readonly AppDbContext _db;
        private readonly TimeProvider _clock;

        internal ResponseTimesHandler(AppDbContext db, TimeProvider clock)
        {
            _db = db;
            _clock = clock;
        }

        public async Task<TipResponseTimes> Handle(Actor actor, int days, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.TipsTriage);
            if (days is < 1 or > 3660)
            {
                throw new Common.ValidationException("days", "Days is between 1 and 3660.");
            }
            var since = _clock.GetUtcNow().UtcDateTime.AddDays(-days);
            // Only the times are read: no protected field is loaded.
            var rows = await _db.Tips.AsNoTracking().Where(t => t.ReceivedAt >= since).Select(t => new { t.ReceivedAt, t.FirstTriagedAt, t.ClosedAt }).ToListAsync(ct);
            var triage = rows.Where(r => r.FirstTriagedAt is not null).Select(r => (r.FirstTriagedAt!.Value - r.ReceivedAt).TotalHours).ToList();
            var close = rows.Where(r => r.ClosedAt is not null).Select(r => (r.ClosedAt!.Value - r.ReceivedAt).TotalHours).ToList();
            return new TipResponseTimes(rows.Count, triage.Count, TipProjection.Percentile(triage, 0.5), TipProjection.Percentile(triage, 0.9),
                close.Count, TipProjection.Percentile(close, 0.5), TipProjection.Percentile(close, 0.9), days);
        }
    }

    /// <summary>Alerts a supervisor sees: unacknowledged ones raised to them, or to nobody in particular (nobody was on duty).</summary>
    internal static async Task<IReadOnlyList<TipAlertView>> AlertsAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        if (!actor.Has(Permissions.TipsSupervise))
        {
            return [];
        }
        var me = actor.UserId;
        var alerts = await db.TipAlerts.AsNoTracking().Where(a => a.AcknowledgedAt == null && (a.SupervisorUserId == null || a.SupervisorUserId == me || actor.IsSystem))
            .OrderBy(a => a.RaisedAt).Take(200).ToListAsync(ct);
        var ids = alerts.Select(a => a.TipId).Distinct().ToList();
        var numbers = await db.Tips.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Number }).ToDictionaryAsync(t => t.Id, t => t.Number, ct);
        return alerts.Select(a => new TipAlertView(a.Id, a.TipId, numbers.GetValueOrDefault(a.TipId, "?"), a.RaisedAt, a.SupervisorUserId == me, a.AcknowledgedAt, a.AcknowledgedBy)).ToList();
    }
}
