using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Referrals;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// As <see cref="Visibility"/>, for the referral mechanism: tells an attempt on a hidden victim or referral (audited
/// as denied) from a request for one that does not exist. Both answer <see cref="NotFoundException"/>.
/// </summary>
internal static class ReferralVisibility
{
    public static async Task<NotFoundException> VictimNotFoundAsync(AppDbContext db, AuditLog audit, Actor actor, Guid participantId, CancellationToken ct)
    {
        if (await db.Participants.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(p => p.Id == participantId, ct))
        {
            await audit.WriteAsync(actor, "victim.access-denied", "participant", participantId.ToString(), AuditOutcome.Denied, ct: ct);
        }
        return new NotFoundException("The victim");
    }

    public static async Task<NotFoundException> ReferralNotFoundAsync(AppDbContext db, AuditLog audit, Actor actor, ReferralId id, CancellationToken ct)
    {
        if (await db.Referrals.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(r => r.Id == id, ct))
        {
            await audit.WriteAsync(actor, "referral.access-denied", "referral", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        return new NotFoundException("The referral");
    }

    /// <summary>
    /// Every referral of a victim, whoever made it: a withdrawal of consent must reach referrals made by another
    /// organisation the case was shared with, which the withdrawing user cannot otherwise see. Used only to erase.
    /// </summary>
    public static IQueryable<Referral> ReferralsOfVictim(AppDbContext db, Guid participantId) =>
        db.Referrals.IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(r => r.ParticipantId == participantId);
}
