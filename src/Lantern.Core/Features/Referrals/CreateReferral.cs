using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// Drafts a referral of a victim to a service in the directory: why, what is asked, and which data categories the
/// sender would like to pass. Nothing reaches the service until the draft is sent (<see cref="SendReferral"/>).
/// </summary>
public static class CreateReferral
{
    public sealed record Request(Guid ParticipantId, Guid ServiceId, string? Reason, string? Needs, string? MedicalNeeds, IReadOnlyList<string?>? Categories);

    public sealed record Response(Guid Id, string Reference);

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

        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct)
        {
            var victim = await ReferralAccess.VictimAsync(_db, _audit, actor, request.ParticipantId, ct);
            actor.Require(Permissions.ReferralsWrite);
            var serviceId = new ServiceProviderId(request.ServiceId);
            var service = await _db.ServiceProviders.FirstOrDefaultAsync(s => s.Id == serviceId, ct)
                ?? throw new ValidationException("serviceId", "There is no such service in the directory.");
            var now = _clock.GetUtcNow().UtcDateTime;
            var child = ReferralAccess.IsChild(victim, now);
            service.EnsureAccepts(child, victim.Person.Gender);
            var reason = string.IsNullOrWhiteSpace(request.Reason) ? ReferralReason.AdditionalServicesRequired : Picklist.Parse<ReferralReason>(request.Reason, "reason");
            var referral = new Referral(victim, actor.OrganisationId, service, reason,
                TextRules.FreeText(request.Needs, "needs", Referral.MaxTextLength), TextRules.FreeText(request.MedicalNeeds, "medicalNeeds", Referral.MaxTextLength),
                ReferralAccess.ParseCategories(request.Categories, "categories"), child, ReferralAccess.By(actor), now);
            _db.Referrals.Add(referral);
            _audit.Add(actor, "referral.create", "referral", referral.Id.ToString(), detail: "participant " + victim.Id + ", service " + service.Id);
            await _db.SaveChangesAsync(ct);
            return new Response(referral.Id.Value, referral.Reference);
        }
    }
}
