using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// As <see cref="Visibility"/>, for the labour inspections: tells an attempt on a workplace or inspection of another
/// organisation or district (audited as denied) from a request for one that does not exist. Both answer
/// <see cref="NotFoundException"/>.
/// </summary>
internal static class InspectionVisibility
{
    public static async Task<NotFoundException> WorkplaceNotFoundAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        if (await db.Workplaces.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(w => w.Id == id, ct))
        {
            await audit.WriteAsync(actor, "workplace.access-denied", "workplace", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        return new NotFoundException("The workplace");
    }

    public static async Task<NotFoundException> InspectionNotFoundAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        if (await db.Inspections.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(i => i.Id == id, ct))
        {
            await audit.WriteAsync(actor, "inspection.access-denied", "inspection", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        return new NotFoundException("The inspection");
    }
}
