using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Referrals;

/// <summary>The receiving organisation works a referral from its queue: accept or decline (with a reason), start, complete.</summary>
public static class AnswerReferral
{
    public sealed record DeclineRequest(string? Reason);

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

        public Task<ReferralView> AcceptAsync(Actor actor, ReferralId id, CancellationToken ct) =>
            ActAsync(actor, id, "referral.accept", (r, by, now) => r.Accept(by, now), ct);

        public Task<ReferralView> DeclineAsync(Actor actor, ReferralId id, DeclineRequest request, CancellationToken ct)
        {
            var reason = TextRules.FreeText(request.Reason, "reason", Referral.MaxTextLength) ?? throw new ValidationException("reason", "Say why the referral is declined.");
            return ActAsync(actor, id, "referral.decline", (r, by, now) => r.Decline(reason, by, now), ct);
        }

        public Task<ReferralView> StartAsync(Actor actor, ReferralId id, CancellationToken ct) =>
            ActAsync(actor, id, "referral.start", (r, by, now) => r.Start(by, now), ct);

        public Task<ReferralView> CompleteAsync(Actor actor, ReferralId id, CancellationToken ct) =>
            ActAsync(actor, id, "referral.complete", (r, by, now) => r.Complete(by, now), ct);

        private async Task<ReferralView> ActAsync(Actor actor, ReferralId id, string action, Action<Referral, ReferralActor, DateTime> change, CancellationToken ct)
        {
            var referral = await ReferralAccess.ReferralAsync(_db, _audit, actor, id, ct);
            ReferralAccess.RequireReceiver(actor, referral);
            var now = _clock.GetUtcNow().UtcDateTime;
            change(referral, ReferralAccess.By(actor), now);
            _audit.Add(actor, action, "referral", id.ToString());
            await ReferralAccess.SaveAsync(_db, ct);
            return await GetReferral.ViewAsync(_db, actor, referral, now, ct);
        }
    }
}
