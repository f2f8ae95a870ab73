using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Evidence;

/// <summary>Loading through the tenant filters, shared by the evidence handlers: a visible case, or an exhibit of one.</summary>
internal static class EvidenceAccess
{
    public static async Task<Case> CaseAsync(AppDbContext db, Visibility visibility, Actor actor, CaseId id, string permission, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(permission);
        return await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw await visibility.CaseNotFoundAsync(actor, id, ct);
    }

    public static async Task<EvidenceItem> ItemAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, string permission, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(permission);
        return await db.EvidenceItems.Include(e => e.Custody).Include(e => e.Case).FirstOrDefaultAsync(e => e.Id == id, ct)
            ?? throw await EvidenceVisibility.ItemNotFoundAsync(db, audit, actor, id, ct);
    }

    /// <summary>The organisation's name, for custody entries written on the actor's behalf.</summary>
    public static async Task<string> OrganisationNameAsync(AppDbContext db, Actor actor, CancellationToken ct) =>
        await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";

    public static string RoleName(Actor actor) => actor.IsSystem ? "local operator" : RolePermissions.Name(actor.Role);
}
