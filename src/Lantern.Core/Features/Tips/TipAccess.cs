using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Tips;

/// <summary>Shared by the tip handlers: who receives public tips, loading through the tenant filter, alerts, saving.</summary>
internal static class TipAccess
{
    /// <summary>
    /// Who a public submission is audited as: nobody, with no address. The reporter's IP address and browser are
    /// never passed into Core, so no audit row or tip can hold them. Never used to authorise anything.
    /// </summary>
    public static Actor PublicReporter(OrganisationId hotline) => new(new UserId(Guid.Empty), "public:tip-line", hotline, Role.Analyst, RemoteAddress: null);

    public static async Task<TipLineSettings?> SettingsAsync(AppDbContext db, CancellationToken ct) =>
        await db.TipLineSettings.FirstOrDefaultAsync(s => s.Id == TipLineSettings.SingletonId, ct);

    /// <summary>The setting, else the first law-enforcement organisation, else the first organisation.</summary>
    public static async Task<OrganisationId> HotlineAsync(AppDbContext db, CancellationToken ct)
    {
        if ((await SettingsAsync(db, ct))?.HotlineOrganisationId is { } set)
        {
            return set;
        }
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Type }).ToListAsync(ct);
        var ordered = organisations.OrderBy(o => o.Id.Value).ToList();
        return (ordered.FirstOrDefault(o => o.Type == OrganisationType.LawEnforcement) ?? ordered.FirstOrDefault())?.Id
            ?? throw new ValidationException("organisation", "The tip line has no receiving organisation yet; add an organisation first.");
    }

    public static async Task<Tip> TipAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(Permissions.TipsTriage);
        return await db.Tips.Include(t => t.Additions).FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw await TipVisibility.TipNotFoundAsync(db, audit, actor, id, ct);
    }

    /// <summary>A tip by its id or its number ("T-1234-5678"), for the CLI.</summary>
    public static async Task<Guid> ResolveAsync(AppDbContext db, Actor actor, string idOrNumber, CancellationToken ct)
    {
        if (Guid.TryParse(idOrNumber, out var id))
        {
            return id;
        }
        db.ScopeTo(actor);
        var number = idOrNumber.Trim().ToUpperInvariant();
        return await db.Tips.Where(t => t.Number == number).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
    }

    /// <summary>Raises the alert of a child at immediate risk: to each supervisor on duty, or to all supervisors when nobody is.</summary>
    public static async Task RaiseChildAlertAsync(AppDbContext db, AuditLog audit, Actor actor, Tip tip, DateTime now, CancellationToken ct)
    {
        // Called with the context scoped to the tip's organisation, whose duty roster the filter shows.
        var onDuty = await db.TipDuties.Where(d => d.OrganisationId == tip.OrganisationId).Select(d => d.UserId).ToListAsync(ct);
        var raised = onDuty.Count == 0 ? [new TipAlert(tip, null, now)] : onDuty.Select(u => new TipAlert(tip, u, now)).ToList();
        db.TipAlerts.AddRange(raised);
        foreach (var alert in raised)
        {
            audit.Add(actor, "tip.alert-raised", "tip", tip.Id.ToString(), detail: alert.SupervisorUserId is { } u ? "to supervisor on duty " + u : "nobody on duty: to every supervisor");
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
            throw new ConflictException("version", "Someone else changed this tip at the same time; reload and try again.");
        }
    }
}
