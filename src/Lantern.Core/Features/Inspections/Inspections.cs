using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Inspections;

/// <summary>The inspections the actor may see, newest first, filtered by district, workplace kind and period.</summary>
public static class ListInspections
{
    public sealed record Request(string? District = null, string? Kind = null, string? From = null, string? To = null, Guid? WorkplaceId = null);

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        public async Task<IReadOnlyList<InspectionSummary>> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.InspectionsRead);
            var query = _db.Inspections.AsNoTracking().Include(i => i.Workplace).Include(i => i.Indicators).AsQueryable();
            if (!string.IsNullOrWhiteSpace(request.District))
            {
                var district = request.District.Trim();
                query = query.Where(i => i.District == district);
            }
            if (!string.IsNullOrWhiteSpace(request.Kind))
            {
                var kind = Codes.Parse<WorkplaceKind>(request.Kind, "kind");
                query = query.Where(i => i.Kind == kind);
            }
            if (RecordInspection.ParseDate(request.From, "from") is { } from)
            {
                query = query.Where(i => i.InspectedOn >= from);
            }
            if (RecordInspection.ParseDate(request.To, "to") is { } to)
            {
                query = query.Where(i => i.InspectedOn <= to);
            }
            if (request.WorkplaceId is { } workplace)
            {
                query = query.Where(i => i.WorkplaceId == workplace);
            }
            var rows = await query.OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.RecordedAt).Take(1000).ToListAsync(ct);
            return rows.Select(i => InspectionProjection.Summary(i, i.Workplace.Name)).ToList();
        }
    }
}

/// <summary>One inspection with its findings and the indicators' notes (audited as a read of protected data).</summary>
public static class GetInspection
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<InspectionView> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var inspection = await InspectionAccess.InspectionAsync(_db, _audit, actor, id, ct);
            var view = await InspectionProjection.ViewAsync(_db, inspection, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime), ct);
            _audit.Add(actor, "inspection.view", "inspection", id.ToString());
            await _db.SaveChangesAsync(ct);
            return view;
        }
    }
}

/// <summary>
/// Follow-up visits past their date and not made (no later inspection of the workplace): the inspections page, the
/// dashboard, the API and the CLI show the same list, oldest first.
/// </summary>
public static class ListOverdueFollowUps
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, TimeProvider clock)
        {
            _db = db;
            _clock = clock;
        }

        /// <summary>How many are overdue (the dashboard's figure), without loading them.</summary>
        public Task<int> CountAsync(Actor actor, CancellationToken ct) => Overdue(actor, out _).CountAsync(ct);

        public async Task<IReadOnlyList<OverdueFollowUp>> Handle(Actor actor, CancellationToken ct)
        {
            var rows = await Overdue(actor, out var today).OrderBy(i => i.FollowUpDue).Take(1000)
                .Select(i => new { i.Id, i.Reference, i.WorkplaceId, Workplace = i.Workplace.Name, i.District, i.InspectedOn, Due = i.FollowUpDue!.Value }).ToListAsync(ct);
            return rows.Select(r => new OverdueFollowUp(r.Id, r.Reference, r.WorkplaceId, r.Workplace, r.District, r.InspectedOn, r.Due, today.DayNumber - r.Due.DayNumber)).ToList();
        }

        private IQueryable<Inspection> Overdue(Actor actor, out DateOnly today)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.InspectionsRead);
            var day = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
            today = day;
            return _db.Inspections.AsNoTracking().Where(i => i.FollowUpDue != null && i.FollowUpDue < day && i.FollowUpInspectionId == null);
        }
    }
}
