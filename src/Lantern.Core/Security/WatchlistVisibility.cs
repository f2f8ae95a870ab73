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

    // ---- Reads past the tenant filter. Each is for a caller that already holds something the actor may see (an
    // alert, a batch, a list, a subject of its own) and needs what that thing refers to in another organisation's
    // scope; nothing here is reachable from a bare id. ----

    /// <summary>Whether an alert exists at all, to audit a denied lookup (the caller answers not found either way).</summary>
    public static Task<bool> AlertExistsAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.ScreeningAlerts.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(a => a.Id == id, ct);

    /// <summary>Whether a batch exists at all, to audit a denied lookup.</summary>
    public static Task<bool> BatchExistsAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.ScreeningBatches.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(b => b.Id == id, ct);

    /// <summary>
    /// The lists <paramref name="organisation"/> may screen now (owned, or shared with it as a screener), not retired,
    /// by name. For the screening of that organisation's own subjects, also when the system screens a batch for it.
    /// </summary>
    public static Task<List<Watchlist>> ScreenableByAsync(AppDbContext db, OrganisationId organisation, CancellationToken ct) =>
        db.Watchlists.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(w => w.RetiredAt == null && (w.OwnerOrganisationId == organisation || w.Screeners.Any(s => s.OrganisationId == organisation)))
            .OrderBy(w => w.Name).ToListAsync(ct);

    /// <summary>
    /// <see cref="ScreenableByAsync"/> without tracking, for <see cref="ScreenableLists"/> to share between requests
    /// (a list kept there must never be attached to another request's context).
    /// </summary>
    public static Task<List<Watchlist>> ScreenableUntrackedAsync(AppDbContext db, OrganisationId organisation, CancellationToken ct) =>
        db.Watchlists.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(w => w.RetiredAt == null && (w.OwnerOrganisationId == organisation || w.Screeners.Any(s => s.OrganisationId == organisation)))
            .OrderBy(w => w.Name).ToListAsync(ct);

    /// <summary>The listed entries of a list the caller holds, to build its screening index.</summary>
    public static async Task<(Watchlist List, List<WatchlistItem> Items)> ListedEntriesAsync(AppDbContext db, Guid listId, CancellationToken ct)
    {
        var list = await db.Watchlists.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().FirstAsync(w => w.Id == listId, ct);
        var items = await db.WatchlistItems.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(i => i.WatchlistId == listId && i.Status == WatchlistItemStatus.Listed).ToListAsync(ct);
        return (list, items);
    }

    /// <summary>Entries that screening hit (from indexes of lists the screener may screen), by id.</summary>
    public static Task<Dictionary<Guid, WatchlistItem>> ItemsByIdAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.WatchlistItems.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

    /// <summary>
    /// The alerts already raised for the screened inputs <paramref name="subjectKeys"/> on the entries
    /// <paramref name="itemIds"/> (tracked: screening updates them). The caller matches the organisation.
    /// </summary>
    public static Task<List<ScreeningAlert>> AlertsOfInputsAsync(AppDbContext db, IReadOnlyCollection<string> subjectKeys, IReadOnlyCollection<Guid> itemIds, CancellationToken ct) =>
        db.ScreeningAlerts.IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(a => subjectKeys.Contains(a.SubjectKey) && itemIds.Contains(a.ItemId)).ToListAsync(ct);

    /// <summary>What a visible alert refers to: its list, entry and screened subject (the subject may be another organisation's when the alert is on a child of the actor's list).</summary>
    public static async Task<(Watchlist List, WatchlistItem Item, ScreenedSubject Subject)> AlertContextAsync(AppDbContext db, ScreeningAlert alert, CancellationToken ct)
    {
        var list = await db.Watchlists.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().FirstAsync(w => w.Id == alert.WatchlistId, ct);
        var item = await db.WatchlistItems.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().FirstAsync(i => i.Id == alert.ItemId, ct);
        var subject = await db.ScreenedSubjects.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().FirstAsync(x => x.Id == alert.SubjectId, ct);
        return (list, item, subject);
    }

    /// <summary>The names of the lists, entries and subjects that visible alerts refer to, for a queue.</summary>
    public static async Task<(Dictionary<Guid, string> Lists, Dictionary<Guid, string> Items, Dictionary<Guid, string> Subjects)> AlertNamesAsync(AppDbContext db, IReadOnlyCollection<ScreeningAlert> alerts, CancellationToken ct)
    {
        var subjectIds = alerts.Select(a => a.SubjectId).Distinct().ToList();
        var itemIds = alerts.Select(a => a.ItemId).Distinct().ToList();
        var listIds = alerts.Select(a => a.WatchlistId).Distinct().ToList();
        var subjects = await db.ScreenedSubjects.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().Where(x => subjectIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var items = await db.WatchlistItems.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().Where(x => itemIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var lists = await db.Watchlists.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().Where(x => listIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return (lists, items, subjects);
    }

    /// <summary>The owners of lists that a visible batch's hits name, to tell the screener whom to contact.</summary>
    public static Task<Dictionary<Guid, OrganisationId>> ListOwnersAsync(AppDbContext db, IReadOnlyCollection<Guid> listIds, CancellationToken ct) =>
        db.Watchlists.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().Where(w => listIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.OwnerOrganisationId, ct);

    /// <summary>The profile a visible batch was submitted under (the system screens batches of every organisation).</summary>
    public static Task<ScreeningProfile?> BatchProfileAsync(AppDbContext db, ScreeningBatch batch, CancellationToken ct) =>
        batch.ProfileId is { } p ? db.ScreeningProfiles.IgnoreQueryFilters([AppDbContext.TenantFilter]).FirstOrDefaultAsync(x => x.Id == p, ct) : Task.FromResult<ScreeningProfile?>(null);
}
