using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// Sends a draft to the service's organisation. Before anything leaves: a child needs a guardian (or the reason none is
/// available) and a best-interests assessment, and the service must accept the victim; the victim's consent in force must
/// cover the service, and only the categories both requested and consented are disclosed. Without consent, only a
/// supervisor (<see cref="Permissions.ReferralsOverrideConsent"/>) may send, for an immediate risk to life, with a
/// written reason: audited and flagged on the referral. The service must answer within its response time.
/// </summary>
public static class SendReferral
{
    public sealed record Request(string? OverrideConsentReason = null);

    /// <summary>The body of a send without consent: the written reason (immediate risk to life).</summary>
    public sealed record OverrideRequest(string? Reason);

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
            if (referral.State != ReferralState.Draft)
            {
                throw new ConflictException("state", $"A referral cannot move from {Referral.Name(referral.State)} to {Referral.Name(ReferralState.Sent)}: only a draft can be sent.");
            }
            var victim = await ReferralAccess.VictimAsync(_db, _audit, actor, referral.ParticipantId, ct);
            var service = await _db.ServiceProviders.FirstAsync(s => s.Id == referral.ServiceProviderId, ct);
            var now = _clock.GetUtcNow().UtcDateTime;

            var child = ReferralAccess.IsChild(victim, now);
            if (child)
            {
                var safeguards = await _db.ChildSafeguards.AsNoTracking().FirstOrDefaultAsync(s => s.ParticipantId == victim.Id, ct);
                if (safeguards?.HasGuardianOrReason != true)
                {
                    throw new ValidationException("guardianName", "The victim is, or is presumed to be, a child: record a guardian (or why none is available) before sending a referral.");
                }
                if (safeguards.HasBestInterestsAssessment != true)
                {
                    throw new ValidationException("assessedOn", "The victim is, or is presumed to be, a child: record a best-interests assessment before sending a referral.");
                }
            }
            service.EnsureAccepts(child, victim.Person.Gender);

            var consent = await _db.Consents.Include(c => c.Grants).Where(c => c.ParticipantId == victim.Id && c.WithdrawnAt == null)
                .OrderByDescending(c => c.RecordedAt).FirstOrDefaultAsync(ct);
            var overrideReason = request.OverrideConsentReason is null ? null
                : TextRules.FreeText(request.OverrideConsentReason, "reason", Referral.MaxTextLength)
                    ?? throw new ValidationException("reason", "Referring without consent needs a written reason: the immediate risk to life.");
            IReadOnlyList<DataCategory> categories;
            if (overrideReason is not null)
            {
                actor.Require(Permissions.ReferralsOverrideConsent);
                categories = referral.RequestedCategories;
            }
            else if (consent is null || !consent.Covers(service))
            {
                throw new ValidationException("consent", consent is null
                    ? "The victim has no consent in force: record their informed consent before referring them."
                    : $"The victim's consent does not cover referral to '{service.Name}' ({service.Type}): record consent that names this service or its type.");
            }
            else
            {
                var allowed = consent.CategoriesFor(service);
                categories = referral.RequestedCategories.Where(allowed.Contains).ToList();
            }

            var disclosure = Disclose(victim, categories);
            var hours = await ReferralAccess.ResponseHoursAsync(_db, service, ct);
            referral.Send(overrideReason is null ? consent!.Id : null, overrideReason, disclosure, hours, ReferralAccess.By(actor), now);
            _audit.Add(actor, "referral.send", "referral", id.ToString(), detail: "categories " + (categories.Count == 0 ? "none" : string.Join(',', categories)));
            if (overrideReason is not null)
            {
                _audit.Add(actor, "referral.consent-override", "referral", id.ToString(), detail: "sent without consent: immediate risk to life");
            }
            if (categories.Count > 0)
            {
                _audit.Add(actor, "person.disclose", "person", victim.PersonId.ToString(), detail: "referral " + id + " to organisation " + service.OrganisationId);
            }
            await ReferralAccess.SaveAsync(_db, ct);
            var organisations = await _db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            return ReferralProjection.ToView(referral, actor.OrganisationId, actor.IsSystem, service.Name, organisations, now);
        }

        private static Disclosure Disclose(CaseParticipant victim, IReadOnlyList<DataCategory> categories)
        {
            var p = victim.Person;
            var named = p.FirstName is not null || p.MiddleName is not null || p.SecondName is not null || p.NameInOriginalScript is not null;
            var exploitation = new List<string>();
            if (victim.ExploitationForms.Count > 0)
            {
                exploitation.Add("Forms of exploitation: " + string.Join(", ", victim.ExploitationForms) + ".");
            }
            if (victim.Industry is { } industry)
            {
                exploitation.Add("Industry: " + industry + ".");
            }
            if (victim.MethodsOfControl.Count > 0)
            {
                exploitation.Add("Methods of control: " + string.Join(", ", victim.MethodsOfControl) + ".");
            }
            return new Disclosure(categories, named ? p.DisplayName : null, p.NameInOriginalScript, p.BirthDate, p.Gender,
                p.Citizenships.Length == 0 ? null : p.Citizenships, p.MobilePhone ?? p.HomePhone, victim.Case.Summary,
                exploitation.Count == 0 ? null : string.Join(' ', exploitation));
        }
    }
}
