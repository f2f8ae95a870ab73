using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Inspections;

/// <summary>Loads workplaces and inspections through the tenant and district scope; what is hidden is not found.</summary>
internal static class InspectionAccess
{
    public static async Task<Workplace> WorkplaceAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(Permissions.InspectionsRead);
        return await db.Workplaces.FirstOrDefaultAsync(w => w.Id == id, ct)
            ?? throw await InspectionVisibility.WorkplaceNotFoundAsync(db, audit, actor, id, ct);
    }

    public static async Task<Inspection> InspectionAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(Permissions.InspectionsRead);
        return await db.Inspections.Include(i => i.Workplace).Include(i => i.Indicators).Include(i => i.Inspectors).FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw await InspectionVisibility.InspectionNotFoundAsync(db, audit, actor, id, ct);
    }
}
