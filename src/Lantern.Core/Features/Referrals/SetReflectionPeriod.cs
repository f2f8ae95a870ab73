using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>Starts (or corrects) a presumed victim's recovery and reflection period: start date and length, 30 days unless said otherwise.</summary>
public static class SetReflectionPeriod
{
    public sealed record Request(DateOnly? StartsOn, int? Days);

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

        public async Task<ReflectionPeriodView> Handle(Actor actor, Guid participantId, Request request, CancellationToken ct)
        {
            var victim = await ReferralAccess.VictimAsync(_db, _audit, actor, participantId, ct);
            actor.Require(Permissions.ReferralsWrite);
            if (victim.TraffickingStatus == TraffickingStatus.NotAVictimOfTrafficking)
            {
                throw new ValidationException("participantId", "A reflection period is for a presumed or identified victim; this person's status is 'not a victim of trafficking'.");
            }
            var now = _clock.GetUtcNow().UtcDateTime;
            var period = await _db.ReflectionPeriods.FirstOrDefaultAsync(p => p.ParticipantId == victim.Id, ct);
            if (period is null)
            {
                period = new ReflectionPeriod(victim);
                _db.ReflectionPeriods.Add(period);
            }
            period.Set(request.StartsOn ?? DateOnly.FromDateTime(now), request.Days ?? ReflectionPeriod.DefaultDays, actor.Username, now);
            _audit.Add(actor, "victim.reflection-period-set", "participant", participantId.ToString());
            await _db.SaveChangesAsync(ct);
            return GetVictimProtection.ToView(period, DateOnly.FromDateTime(now));
        }
    }
}
