using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// Overdue deadlines for the dashboard. An officer sees those of cases assigned to them or where they are responsible
/// for the anchor stage; a supervisor (administrator) sees every overdue item of the organisation's cases; the system
/// operator sees all. No personal data: case reference, rule, dates, officer.
/// </summary>
public static class ListOverdueDeadlines
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

        public async Task<IReadOnlyList<OverdueDeadline>> Handle(Actor actor, CancellationToken ct)
        {
            var items = await FindAsync(actor, ct);
            var officerIds = items.Select(i => i.Deadline.ResponsibleUserId).OfType<Guid>().Select(g => new Common.UserId(g)).Distinct().ToList();
            var officers = officerIds.Count == 0 ? [] : await _db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.Value, u => u.Username, ct);
            _audit.Add(actor, "deadlines.overdue", "proceeding", null, detail: items.Count + " overdue");
            await _db.SaveChangesAsync(ct);
            return items.OrderByDescending(i => i.Deadline.DaysOverdue).ThenBy(i => i.Reference, StringComparer.Ordinal)
                .Select(i => new OverdueDeadline(i.CaseId, i.Reference, i.Deadline.Rule, i.Deadline.AnchorStage, i.Deadline.DueStage, i.Deadline.DueOn, i.Deadline.DaysOverdue,
                    i.Deadline.ResponsibleUserId is { } u ? officers.GetValueOrDefault(u) : null, i.Deadline.Verification))
                .ToList();
        }

        /// <summary>How many are overdue, for the notice on the case list: a count names no case, so it is not audited on every view.</summary>
        public async Task<int> CountAsync(Actor actor, CancellationToken ct) => (await FindAsync(actor, ct)).Count;

        private async Task<List<(Deadline Deadline, Guid CaseId, string Reference)>> FindAsync(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ProsecutionRead);
            var today = ProsecutionAccess.Today(_clock.GetUtcNow().UtcDateTime);
            var rules = await ManageDeadlineRules.ActiveRulesAsync(_db, ct);
            var supervisor = actor.IsSystem || actor.Has(Permissions.DeadlinesManage);
            var user = actor.UserId;
            var organisation = actor.OrganisationId;
            var query = _db.Proceedings.AsNoTracking().Include(p => p.Stages).Where(p => p.EndedBy == null);
            query = actor.IsSystem ? query
                : supervisor ? query.Where(p => p.Case.OrganisationId == organisation || p.Case.Assignments.Any(a => a.UserId == user))
                : query.Where(p => p.Case.Assignments.Any(a => a.UserId == user) || p.Stages.Any(s => s.ResponsibleUserId == user));
            var proceedings = await query.Select(p => new { Proceeding = p, p.Case.Reference, Assigned = p.Case.Assignments.Any(a => a.UserId == user) }).ToListAsync(ct);
            var items = new List<(Deadline Deadline, Guid CaseId, string Reference)>();
            foreach (var row in proceedings)
            {
                foreach (var deadline in rules.Select(r => r.For(row.Proceeding, today)).OfType<Deadline>().Where(d => d.Status == DeadlineStatus.Overdue))
                {
                    if (supervisor || row.Assigned || deadline.ResponsibleUserId == user.Value)
                    {
                        items.Add((deadline, row.Proceeding.CaseId.Value, row.Reference));
                    }
                }
            }
            return items;
        }
    }
}
