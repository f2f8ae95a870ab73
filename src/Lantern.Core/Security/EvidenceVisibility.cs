using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// As <see cref="Visibility"/>, for exhibits: tells an attempt on an exhibit of a hidden case (audited as denied)
/// from a request for one that does not exist. Both answer <see cref="NotFoundException"/>.
/// </summary>
internal static class EvidenceVisibility
{
    public static async Task<NotFoundException> ItemNotFoundAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        if (await db.EvidenceItems.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(e => e.Id == id, ct))
        {
            await audit.WriteAsync(actor, "evidence.access-denied", "evidence", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        return new NotFoundException("The exhibit");
    }
}
