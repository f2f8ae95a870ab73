using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// The victim withdraws consent, at any time: every consent they gave ends, nothing more can be sent on it, and the
/// data already disclosed on any of their referrals (whoever made it) is erased; each referral shows the withdrawal.
/// </summary>
public static class WithdrawConsent
{
    public sealed record Request(string? Reason);

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

        public async Task<int> Handle(Actor actor, Guid participantId, Request request, CancellationToken ct)
        {
            var victim = await ReferralAccess.VictimAsync(_db, _audit, actor, participantId, ct);
            actor.Require(Permissions.ReferralsWrite);
            var reason = TextRules.FreeText(request.Reason, "reason", Consent.MaxNotesLength) ?? throw new ValidationException("reason", "Record why (or that) the victim withdrew consent.");
            var now = _clock.GetUtcNow().UtcDateTime;
            var consents = await _db.Consents.Where(c => c.ParticipantId == victim.Id && c.WithdrawnAt == null).ToListAsync(ct);
            if (consents.Count == 0)
            {
                throw new ConflictException("consent", "The victim has no consent in force to withdraw.");
            }
            foreach (var consent in consents)
            {
                consent.Withdraw(actor.Username, reason, now);
                _audit.Add(actor, "consent.withdraw", "participant", participantId.ToString(), detail: "consent " + consent.Id);
            }
            var referrals = await ReferralVisibility.ReferralsOfVictim(_db, victim.Id).ToListAsync(ct);
            foreach (var referral in referrals)
            {
                referral.ConsentWithdrawn(now);
                _audit.Add(actor, "referral.consent-withdrawn", "referral", referral.Id.ToString());
            }
            await ReferralAccess.SaveAsync(_db, ct);
            return referrals.Count;
        }
    }
}
