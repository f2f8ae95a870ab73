using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// One referral, to its sender or (once sent) its receiver. The receiver sees the disclosure only, never the case;
/// a view that shows any of the victim's data is audited as a view of that person.
/// </summary>
public static class GetReferral
{
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

        public async Task<ReferralView> Handle(Actor actor, ReferralId id, CancellationToken ct)
        {
            var referral = await ReferralAccess.ReferralAsync(_db, _audit, actor, id, ct);
            var view = await ViewAsync(_db, actor, referral, _clock.GetUtcNow().UtcDateTime, ct);
            _audit.Add(actor, "referral.view", "referral", id.ToString());
            if (ReferralProjection.DisclosesAnything(view.Victim))
            {
                _audit.Add(actor, "person.referral-view", "person", referral.PersonId.ToString(), detail: "referral " + id + ": " + string.Join(',', view.DisclosedCategories));
            }
            await _db.SaveChangesAsync(ct);
            return view;
        }
    }

    internal static async Task<ReferralView> ViewAsync(AppDbContext db, Actor actor, Referral referral, DateTime now, CancellationToken ct)
    {
        var service = await db.ServiceProviders.AsNoTracking().Where(s => s.Id == referral.ServiceProviderId).Select(s => s.Name).FirstAsync(ct);
        var ids = referral.History.Select(h => h.OrganisationId).Append(referral.SendingOrganisationId).Append(referral.ReceivingOrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return ReferralProjection.ToView(referral, actor.OrganisationId, actor.IsSystem, service, organisations, now);
    }
}
