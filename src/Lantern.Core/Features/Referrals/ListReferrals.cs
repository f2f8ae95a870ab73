using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>The referral board of the actor's organisation: outgoing and incoming, overdue first. No personal data.</summary>
public static class ListReferrals
{
    public sealed record Request(string? Direction = null, ReferralState? State = null, bool OpenOnly = false);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, TimeProvider clock)
        {
            _db = db;
            _clock = clock;
        }

        public async Task<ReferralBoard> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ReferralsRead);
            var direction = request.Direction?.Trim().ToLowerInvariant();
            if (direction is not (null or "" or "incoming" or "outgoing"))
            {
                throw new ValidationException("direction", "Direction is 'incoming' or 'outgoing' (or neither, for both).");
            }
            var organisation = actor.OrganisationId;
            var query = _db.Referrals.AsNoTracking();
            if (request.State is { } state)
            {
                query = query.Where(r => r.State == state);
            }
            if (request.OpenOnly)
            {
                query = query.Where(r => r.State == ReferralState.Draft || r.State == ReferralState.Sent || r.State == ReferralState.Accepted || r.State == ReferralState.InProgress);
            }
            var outgoing = direction == "incoming" ? [] : await query.Where(r => r.SendingOrganisationId == organisation).OrderByDescending(r => r.CreatedAt).Take(500).ToListAsync(ct);
            // The receiver never sees drafts; the tenant filter already hides them, this says so where it is read.
            var incoming = direction == "outgoing" ? [] : await query.Where(r => r.ReceivingOrganisationId == organisation && r.State != ReferralState.Draft).OrderByDescending(r => r.CreatedAt).Take(500).ToListAsync(ct);

            var all = outgoing.Concat(incoming).ToList();
            var serviceIds = all.Select(r => r.ServiceProviderId).Distinct().ToList();
            var services = await _db.ServiceProviders.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            var organisations = await _db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var caseIds = outgoing.Select(r => r.CaseId).Distinct().ToList();
            var cases = await _db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            return new ReferralBoard(
                ReferralProjection.Order(outgoing.Select(r => ReferralProjection.ToListItem(r, organisation, services.GetValueOrDefault(r.ServiceProviderId, "?"), organisations, cases.GetValueOrDefault(r.CaseId), now))),
                ReferralProjection.Order(incoming.Select(r => ReferralProjection.ToListItem(r, r.SendingOrganisationId == organisation ? default : organisation, services.GetValueOrDefault(r.ServiceProviderId, "?"), organisations, null, now))));
        }
    }
}
