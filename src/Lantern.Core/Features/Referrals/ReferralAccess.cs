using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>Loading through the tenant filters, shared by the referral handlers: a victim of a visible case, or a visible referral.</summary>
internal static class ReferralAccess
{
    /// <summary>The victim (a participant in the victim role) of a case the actor may see, with person and case.</summary>
    public static async Task<CaseParticipant> VictimAsync(AppDbContext db, AuditLog audit, Actor actor, Guid participantId, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(Permissions.CasesRead);
        var victim = await db.Participants.Include(p => p.Person).Include(p => p.Case).FirstOrDefaultAsync(p => p.Id == participantId, ct)
            ?? throw await ReferralVisibility.VictimNotFoundAsync(db, audit, actor, participantId, ct);
        if (victim.Role != CaseRole.Victim)
        {
            throw new ValidationException("participantId", "Referral, consent and support apply to a victim; this person is in the case as " + Picklist.RoleName(victim.Role) + ".");
        }
        return victim;
    }

    public static async Task<Referral> ReferralAsync(AppDbContext db, AuditLog audit, Actor actor, ReferralId id, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(Permissions.ReferralsRead);
        return await db.Referrals.Include(r => r.History).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw await ReferralVisibility.ReferralNotFoundAsync(db, audit, actor, id, ct);
    }

    public static bool IsChild(CaseParticipant victim, DateTime now) =>
        ChildPresumption.IsChild(victim.Person.ParsedBirthDate, victim.AgeWhenTrafficked, DateOnly.FromDateTime(now));

    public static ReferralActor By(Actor actor) => new(actor.UserId, actor.Username, actor.OrganisationId);

    /// <summary>Only the organisation that made the referral may send or withdraw it.</summary>
    public static void RequireSender(Actor actor, Referral referral)
    {
        actor.Require(Permissions.ReferralsWrite);
        if (referral.SendingOrganisationId != actor.OrganisationId && !actor.IsSystem)
        {
            throw new ForbiddenException(Permissions.ReferralsWrite + " (only the referring organisation may do this)");
        }
    }

    /// <summary>Only the organisation offering the service may accept, decline, start or complete the referral.</summary>
    public static void RequireReceiver(Actor actor, Referral referral)
    {
        actor.Require(Permissions.ReferralsReceive);
        if (referral.ReceivingOrganisationId != actor.OrganisationId && !actor.IsSystem)
        {
            throw new ForbiddenException(Permissions.ReferralsReceive + " (only the organisation offering the service may do this)");
        }
    }

    public static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", "Someone else changed this referral at the same time; reload and try again.");
        }
    }

    public static async Task<int> ResponseHoursAsync(AppDbContext db, ServiceProvider service, CancellationToken ct)
    {
        var typeDefault = await db.ServiceTypeSettings.Where(s => s.Type == service.Type).Select(s => (int?)s.ResponseHours).FirstOrDefaultAsync(ct);
        return service.EffectiveResponseHours(typeDefault ?? ServiceTypeSetting.DefaultResponseHours);
    }

    public static IReadOnlyList<DataCategory> ParseCategories(IEnumerable<string?>? values, string field) =>
        Picklist.ParseMany<DataCategory>(values?.Select(v => v ?? ""), field);
}
