using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Tips;

/// <summary>
/// The supervisor's side: say they are on duty (alerts of a child at immediate risk go to whoever is), see the open
/// alerts and acknowledge them. Each is audited.
/// </summary>
public static class SuperviseTips
{
    public sealed class DutyHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal DutyHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task Handle(Actor actor, bool onDuty, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.TipsSupervise);
            if (actor.IsSystem)
            {
                throw new ValidationException("--as", "The local operator cannot be on duty; name a supervisor with --as.");
            }
            var current = await _db.TipDuties.FirstOrDefaultAsync(d => d.UserId == actor.UserId, ct);
            if (onDuty && current is null)
            {
                _db.TipDuties.Add(new TipDuty(actor.UserId, actor.OrganisationId, _clock.GetUtcNow().UtcDateTime));
            }
            else if (!onDuty && current is not null)
            {
                _db.TipDuties.Remove(current);
            }
            _audit.Add(actor, onDuty ? "tip.duty-on" : "tip.duty-off", "user", actor.UserId.ToString());
            await _db.SaveChangesAsync(ct);
        }
    }

    public sealed class AlertsHandler
    {
        private readonly AppDbContext _db;

        internal AlertsHandler(AppDbContext db) => _db = db;

        public async Task<IReadOnlyList<TipAlertView>> Handle(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.TipsSupervise);
            return await ListTips.AlertsAsync(_db, actor, ct);
        }
    }

    public sealed class AcknowledgeHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal AcknowledgeHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task Handle(Actor actor, Guid alertId, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.TipsSupervise);
            var alert = await _db.TipAlerts.FirstOrDefaultAsync(a => a.Id == alertId, ct) ?? throw new NotFoundException("The alert");
            alert.Acknowledge(actor.Username, _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "tip.alert-acknowledge", "tip", alert.TipId.ToString(), detail: "alert " + alert.Id);
            await _db.SaveChangesAsync(ct);
        }
    }
}
