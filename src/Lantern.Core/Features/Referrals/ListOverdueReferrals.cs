using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// The daily list of referrals sent and not answered by their deadline: for a user, those their organisation sent or
/// must answer; for the local operator, all (or one organisation's).
/// </summary>
public static class ListOverdueReferrals
{
    public sealed record Request(Guid? OrganisationId = null);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, TimeProvider clock)
        {
            _db = db;
            _clock = clock;
        }

        /// <summary>How many are overdue: what the case list shows on every visit, without loading them.</summary>
        public Task<int> CountAsync(Actor actor, Request request, CancellationToken ct) => Overdue(actor, request, out _).CountAsync(ct);

        public async Task<IReadOnlyList<OverdueReferral>> Handle(Actor actor, Request request, CancellationToken ct)
        {
            var query = Overdue(actor, request, out var now);
            var overdue = await query.OrderBy(r => r.DeadlineAt).Take(1000).ToListAsync(ct);
            var serviceIds = overdue.Select(r => r.ServiceProviderId).Distinct().ToList();
            var services = await _db.ServiceProviders.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            var organisations = await _db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            return overdue.Select(r => new OverdueReferral(r.Id.Value, r.Reference, services.GetValueOrDefault(r.ServiceProviderId, "?"),
                organisations.GetValueOrDefault(r.SendingOrganisationId, "?"), organisations.GetValueOrDefault(r.ReceivingOrganisationId, "?"),
                r.SentAt!.Value, r.DeadlineAt!.Value, (int)Math.Floor((now - r.DeadlineAt.Value).TotalHours))).ToList();
        }

        private IQueryable<Referral> Overdue(Actor actor, Request request, out DateTime now)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ReferralsRead);
            var at = _clock.GetUtcNow().UtcDateTime;
            now = at;
            var query = _db.Referrals.AsNoTracking().Where(r => r.State == ReferralState.Sent && r.DeadlineAt < at);
            if (request.OrganisationId is { } organisation)
            {
                var id = new OrganisationId(organisation);
                query = query.Where(r => r.SendingOrganisationId == id || r.ReceivingOrganisationId == id);
            }
            return query;
        }
    }
}
