using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Tips;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// As <see cref="Visibility"/>, for the tip line: tells an attempt on another organisation's tip (audited as denied)
/// from a request for one that does not exist, and finds a tip by number for its reporter, who has no organisation:
/// the secret phrase, checked by the caller, is what lets them in.
/// </summary>
internal static class TipVisibility
{
    public static async Task<NotFoundException> TipNotFoundAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        if (await db.Tips.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(t => t.Id == id, ct))
        {
            await audit.WriteAsync(actor, "tip.access-denied", "tip", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        return new NotFoundException("The tip");
    }

    /// <summary>The tip with this number, whichever organisation holds it; the caller must verify the phrase before using it.</summary>
    public static Task<Tip?> ForReporterAsync(AppDbContext db, string number, CancellationToken ct) =>
        db.Tips.IgnoreQueryFilters([AppDbContext.TenantFilter]).FirstOrDefaultAsync(t => t.Number == number, ct);

    /// <summary>Tip numbers are unique over the installation, not per organisation: the reporter knows no organisation.</summary>
    public static Task<bool> NumberTakenAsync(AppDbContext db, string number, CancellationToken ct) =>
        db.Tips.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(t => t.Number == number, ct);
}
