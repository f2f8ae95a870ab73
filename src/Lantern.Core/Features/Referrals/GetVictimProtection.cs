using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// A victim's protection record for the referring side: consents, child safeguards, reflection period, support plan
/// and referrals, with what is still missing before a referral can be sent. Reading it is audited as a view of the person.
/// </summary>
public static class GetVictimProtection
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

        public async Task<VictimProtectionView> Handle(Actor actor, Guid participantId, CancellationToken ct)
        {
            var victim = await ReferralAccess.VictimAsync(_db, _audit, actor, participantId, ct);
            actor.Require(Permissions.ReferralsRead);
            var now = _clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var consents = await _db.Consents.AsNoTracking().Include(c => c.Grants).Where(c => c.ParticipantId == victim.Id).OrderByDescending(c => c.RecordedAt).ToListAsync(ct);
            var safeguards = await _db.ChildSafeguards.AsNoTracking().FirstOrDefaultAsync(s => s.ParticipantId == victim.Id, ct);
            var period = await _db.ReflectionPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == victim.Id, ct);
            var plan = await _db.SupportPlans.AsNoTracking().Include(p => p.Actions).FirstOrDefaultAsync(p => p.ParticipantId == victim.Id, ct);
            var referrals = await _db.Referrals.AsNoTracking().Where(r => r.ParticipantId == victim.Id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);

            var serviceIds = consents.SelectMany(c => c.Grants).Select(g => g.ServiceProviderId).OfType<ServiceProviderId>().Concat(referrals.Select(r => r.ServiceProviderId)).Distinct().ToList();
            var services = await _db.ServiceProviders.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            var organisations = await _db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);

            var child = ReferralAccess.IsChild(victim, now);
            var consentViews = consents.Select(c => ToView(c, services)).ToList();
            var current = consentViews.FirstOrDefault(c => c.Active);
            var missing = new List<string>();
            if (current is null)
            {
                missing.Add("the victim's consent (or, for an immediate risk to life, a supervisor's written reason)");
            }
            if (child && safeguards?.HasGuardianOrReason != true)
            {
                missing.Add("a guardian, or the reason none is available");
            }
            if (child && safeguards?.HasBestInterestsAssessment != true)
            {
                missing.Add("a best-interests assessment");
            }

            _audit.Add(actor, "victim.protection-view", "person", victim.PersonId.ToString(), detail: "participant " + victim.Id);
            await _db.SaveChangesAsync(ct);
            return new VictimProtectionView(
                victim.Id, victim.CaseId.Value, victim.Case.Reference, victim.Person.DisplayName, child, current, consentViews,
                safeguards is null ? null : new ChildSafeguardsView(safeguards.GuardianName, safeguards.GuardianRelation, safeguards.NoGuardianReason, safeguards.AssessedOn, safeguards.AssessedBy, safeguards.AssessmentSummary),
                period is null ? null : ToView(period, today),
                plan is null ? null : ToView(plan),
                ReferralProjection.Order(referrals.Select(r => ReferralProjection.ToListItem(r, actor.OrganisationId, services.GetValueOrDefault(r.ServiceProviderId, "?"), organisations, victim.Case.Reference, now))),
                missing);
        }
    }

    internal static ConsentView ToView(Consent c, IReadOnlyDictionary<ServiceProviderId, string> services) => new(
        c.Id.Value, c.ExplainedBy, c.Language, c.GivenOn, c.RecordedAt, c.GuardianName, c.GuardianRelation, c.Notes, c.IsActive, c.WithdrawnAt, c.WithdrawnBy, c.WithdrawalReason,
        c.Grants.OrderBy(g => g.Id).Select(g => new ConsentGrantView(g.ServiceType, g.ServiceProviderId?.Value,
            g.ServiceProviderId is { } s ? services.GetValueOrDefault(s, "?") : null, g.Categories)).ToList());

    internal static ReflectionPeriodView ToView(ReflectionPeriod p, DateOnly today) => new(p.StartsOn, p.Days, p.EndsOn, p.IsRunning(today), p.RecordedBy);

    internal static SupportPlanView ToView(SupportPlan p) => new(p.Id, p.Objectives, p.PlannedEnd, p.ActualEnd, p.UpdatedAt,
        p.Actions.OrderBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.Id).Select(a => new SupportActionView(a.Id, a.Description, a.Owner, a.StartsOn, a.DueOn, a.DoneOn)).ToList());
}
