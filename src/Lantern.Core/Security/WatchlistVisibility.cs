using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// As <see cref="Visibility"/>, for watchlists. A list and its entries are seen by the owning organisation and the
/// organisations allowed to screen against it (the tenant filter); a list someone cannot see looks exactly like a
/// list that does not exist. A missing child's entry is seen only with <see cref="Permissions.WatchlistsChildren"/>:
/// without it, a hit on the entry says that a listed child may match and which organisation to contact, nothing more.
/// </summary>
internal static class WatchlistVisibility
{
    public static bool MaySeeChildren(Actor actor) => actor.IsSystem || actor.Has(Permissions.WatchlistsChildren);

    /// <summary>Whether the actor may see the details of <paramref name="item"/> (its list being visible already).</summary>
    public static bool MaySee(Actor actor, WatchlistItem item) => !item.IsChild || MaySeeChildren(actor);

    /// <summary>The list, scoped to the actor; denied looks like not found (and is audited).</summary>
    public static async Task<Watchlist> ListAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, string permission, CancellationToken ct)
    {
        actor.Require(permission);
        db.ScopeTo(actor);
        var list = await db.Watchlists.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (list is not null)
        {
            return list;
        }
        if (await db.Watchlists.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(w => w.Id == id, ct))
        {
            await audit.WriteAsync(actor, "watchlist.access-denied", "watchlist", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        throw new NotFoundException("The watchlist");
    }

    /// <summary>A list the actor's organisation owns, for changes (<see cref="Permissions.WatchlistsManage"/>); others' lists are not found.</summary>
    public static async Task<Watchlist> OwnListAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        var list = await ListAsync(db, audit, actor, id, Permissions.WatchlistsManage, ct);
        if (!actor.IsSystem && list.OwnerOrganisationId != actor.OrganisationId)
        {
            await audit.WriteAsync(actor, "watchlist.access-denied", "watchlist", id.ToString(), AuditOutcome.Denied, ct: ct);
            throw new NotFoundException("The watchlist");
        }
        return list;
    }

    /// <summary>The lists the actor may screen against now (not retired), scoped by the tenant filter.</summary>
    public static IQueryable<Watchlist> Screenable(AppDbContext db, Actor actor)
    {
        actor.Require(Permissions.WatchlistsScreen);
        db.ScopeTo(actor);
        return db.Watchlists.Where(w => w.RetiredAt == null);
    }
}
