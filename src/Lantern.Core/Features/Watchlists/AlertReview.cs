using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// The alert queue and its decisions: each alert is confirmed or dismissed (with a reason) by a named user of the
/// screening organisation; every view and decision is audited with the algorithm and list version. An alert the actor
/// cannot see looks exactly like one that does not exist.
/// </summary>
public static class AlertReview
{
    public const int MaxLimit = 500;

    public sealed record ListRequest(string? Status = "open", Guid? ListId = null, Guid? BatchId = null, int? Limit = null);

    public sealed record DecideRequest(string? Reason);

    public sealed class ListHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal ListHandler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<AlertList> Handle(Actor actor, ListRequest request, CancellationToken ct)
        {
            actor.Require(Permissions.WatchlistsScreen);
            _db.ScopeTo(actor);
            var status = ParseStatus(request.Status);
            var limit = request.Limit ?? 200;
            if (limit is < 1 or > MaxLimit)
            {
                throw new ValidationException("limit", $"Give a limit between 1 and {MaxLimit}.");
            }
            var query = _db.ScreeningAlerts.AsNoTracking();
            if (status is { } s)
            {
                query = query.Where(a => a.Status == s);
            }
            if (request.ListId is { } list)
            {
                query = query.Where(a => a.WatchlistId == list);
            }
            if (request.BatchId is { } batch)
            {
                query = query.Where(a => a.BatchId == batch);
            }
            var alerts = await query.OrderByDescending(a => a.Score).ThenBy(a => a.Id).Take(limit).ToListAsync(ct);
            var (lists, items, subjects) = await WatchlistVisibility.AlertNamesAsync(_db, alerts, ct);
            var mayChildren = WatchlistVisibility.MaySeeChildren(actor);
            var views = alerts.Select(a =>
            {
                var restricted = a.IsChild && !mayChildren;
                return new AlertSummary(a.Id, AlertProjection.Status(a.Status), a.Score, lists.GetValueOrDefault(a.WatchlistId, "?"), subjects.GetValueOrDefault(a.SubjectId, "?"),
                    restricted ? null : items.GetValueOrDefault(a.ItemId), restricted, a.BatchId, a.RaisedAt, a.ReopenedAt);
            }).ToList();
            var open = await _db.ScreeningAlerts.CountAsync(a => a.Status == AlertStatus.Open, ct);
            await _audit.WriteAsync(actor, "name-screening.alerts.list", "screening-alert", null,
                detail: $"{views.Count} alerts ({views.Count(v => v.Restricted)} restricted); status {status?.ToString() ?? "all"}", ct: ct);
            return new AlertList(views, open);
        }
    }

    public sealed class GetHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal GetHandler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<AlertView> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var alert = await AlertAsync(_db, _audit, actor, id, ct);
            _audit.Add(actor, "name-screening.alert.view", "screening-alert", id.ToString(), detail: Detail(alert));
            await _db.SaveChangesAsync(ct);
            return await AlertProjection.ViewAsync(_db, actor, alert, ct);
        }
    }

    public sealed class ConfirmHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal ConfirmHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public Task<AlertView> Handle(Actor actor, Guid id, DecideRequest request, CancellationToken ct) =>
            DecideAsync(_db, _audit, actor, id, "name-screening.alert.confirm", a => a.Confirm(actor.UserId, actor.Username, request.Reason, _clock.GetUtcNow().UtcDateTime), ct);
    }

    public sealed class DismissHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal DismissHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public Task<AlertView> Handle(Actor actor, Guid id, DecideRequest request, CancellationToken ct) =>
            DecideAsync(_db, _audit, actor, id, "name-screening.alert.dismiss", a => a.Dismiss(actor.UserId, actor.Username, request.Reason, _clock.GetUtcNow().UtcDateTime), ct);
    }

    private static async Task<AlertView> DecideAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, string action, Action<ScreeningAlert> decide, CancellationToken ct)
    {
        var alert = await AlertAsync(db, audit, actor, id, ct);
        if (!AlertProjection.MayDecide(actor, alert))
        {
            throw new ConflictException("id", "This alert is decided by the organisation that screened the name; your organisation is told of it because the entry is on its list.");
        }
        decide(alert);
        audit.Add(actor, action, "screening-alert", id.ToString(), detail: Detail(alert));
        await db.SaveChangesAsync(ct);
        return await AlertProjection.ViewAsync(db, actor, alert, ct);
    }

    /// <summary>The alert, scoped to the actor; denied looks like not found (and is audited).</summary>
    internal static async Task<ScreeningAlert> AlertAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        actor.Require(Permissions.WatchlistsScreen);
        db.ScopeTo(actor);
        var alert = await db.ScreeningAlerts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is not null)
        {
            return alert;
        }
        if (await WatchlistVisibility.AlertExistsAsync(db, id, ct))
        {
            await audit.WriteAsync(actor, "name-screening.alert.access-denied", "screening-alert", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        throw new NotFoundException("The alert");
    }

    internal static string Detail(ScreeningAlert a) =>
        string.Create(CultureInfo.InvariantCulture, $"status {AlertProjection.Status(a.Status)}; algorithm {a.AlgorithmVersion}; list {a.ListVersion}; entry v{a.ItemVersion}; score {a.Score:0.000}");

    public static AlertStatus? ParseStatus(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
            ? null
            : Enum.TryParse<AlertStatus>(value.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !char.IsDigit(value.Trim()[0])
                ? s
                : throw new ValidationException("status", $"'{value}' is not a status; use open, confirmed, dismissed, closed or all.");
}
