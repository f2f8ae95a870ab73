using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Referrals;

/// <summary>The referring organisation withdraws a referral that is still a draft, sent, accepted or in progress.</summary>
public static class WithdrawReferral
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

        public async Task<ReferralView> Handle(Actor actor, ReferralId id, Request request, CancellationToken ct)
        {
            var referral = await ReferralAccess.ReferralAsync(_db, _audit, actor, id, ct);
            ReferralAccess.RequireSender(actor, referral);
            var reason = TextRules.FreeText(request.Reason, "reason", Referral.MaxTextLength) ?? throw new ValidationException("reason", "Say why the referral is withdrawn.");
            var now = _clock.GetUtcNow().UtcDateTime;
            referral.Withdraw(reason, ReferralAccess.By(actor), now);
            _audit.Add(actor, "referral.withdraw", "referral", id.ToString());
            await ReferralAccess.SaveAsync(_db, ct);
            return await GetReferral.ViewAsync(_db, actor, referral, now, ct);
        }
    }
}
