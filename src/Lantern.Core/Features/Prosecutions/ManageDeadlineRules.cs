using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// The deadline rules as data: anyone who reads proceedings may list them; administrators change them. The bundled
/// defaults are stored the first time the rules are needed, so an installation edits rows, not code.
/// </summary>
public static class ManageDeadlineRules
{
    public sealed record Input(string? Name, string? AnchorStage, int Days, string? DueStage, string? Basis, string? Verification, bool Active);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<IReadOnlyList<DeadlineRuleView>> ListAsync(Actor actor, CancellationToken ct)
        {
            actor.Require(Permissions.ProsecutionRead);
            await EnsureSeededAsync(_db, ct);
            var rules = await _db.DeadlineRules.AsNoTracking().ToListAsync(ct);
            return rules.OrderBy(r => r.AnchorStage).ThenBy(r => r.DueStage).ThenBy(r => r.Name, StringComparer.Ordinal).Select(ToView).ToList();
        }

        public async Task<DeadlineRuleView> AddAsync(Actor actor, Input input, CancellationToken ct)
        {
            actor.Require(Permissions.DeadlinesManage);
            await EnsureSeededAsync(_db, ct);
            var rule = new DeadlineRule(input.Name ?? "", Picklist.Parse<ProceedingStage>(input.AnchorStage, "anchorStage"), input.Days,
                Picklist.Parse<ProceedingStage>(input.DueStage, "dueStage"), input.Basis ?? "", input.Verification ?? "", input.Active);
            _db.DeadlineRules.Add(rule);
            _audit.Add(actor, "deadline-rule.add", "deadline-rule", rule.Id.ToString());
            await _db.SaveChangesAsync(ct);
            return ToView(rule);
        }

        public async Task<DeadlineRuleView> UpdateAsync(Actor actor, Guid id, Input input, CancellationToken ct)
        {
            actor.Require(Permissions.DeadlinesManage);
            await EnsureSeededAsync(_db, ct);
            var rule = await _db.DeadlineRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The deadline rule");
            rule.Set(input.Name, Picklist.Parse<ProceedingStage>(input.AnchorStage, "anchorStage"), input.Days, Picklist.Parse<ProceedingStage>(input.DueStage, "dueStage"),
                input.Basis, input.Verification, input.Active);
            _audit.Add(actor, "deadline-rule.update", "deadline-rule", rule.Id.ToString());
            await _db.SaveChangesAsync(ct);
            return ToView(rule);
        }
    }

    internal static DeadlineRuleView ToView(DeadlineRule r) => new(r.Id, r.Name, r.AnchorStage, r.Days, r.DueStage, r.Basis, r.Verification, r.Active);

    internal static async Task<IReadOnlyList<DeadlineRule>> ActiveRulesAsync(AppDbContext db, CancellationToken ct)
    {
        await EnsureSeededAsync(db, ct);
        return await db.DeadlineRules.AsNoTracking().Where(r => r.Active).ToListAsync(ct);
    }

    /// <summary>
    /// Stores the bundled rules when the table is empty. They carry fixed ids, so when two first uses race the
    /// second insert fails on the key and the rules the first stored stand.
    /// </summary>
    private static async Task EnsureSeededAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.DeadlineRules.AnyAsync(ct))
        {
            return;
        }
        var bundled = DeadlineRule.Bundled();
        db.DeadlineRules.AddRange(bundled);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            foreach (var rule in bundled)
            {
                db.Entry(rule).State = EntityState.Detached;
            }
        }
    }
}
