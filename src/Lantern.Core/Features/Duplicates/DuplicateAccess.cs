using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Duplicates;

/// <summary>Loading a pair for a reviewer, and the rule that only a pair whose two records the reviewer sees can be decided.</summary>
internal static class DuplicateAccess
{
    /// <summary>The pair, if the actor sees at least one of its records; otherwise not found (audited when it exists).</summary>
    public static async Task<DuplicateCandidate> PairAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, string permission, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(permission);
        return await db.DuplicateCandidates.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw await DuplicateVisibility.PairNotFoundAsync(db, audit, actor, id, ct);
    }

    /// <summary>
    /// A decision needs both records in front of the reviewer. A match with another organisation's record that is not
    /// shared is settled between the two organisations, not here.
    /// </summary>
    public static async Task RequireBothVisibleAsync(AppDbContext db, DuplicateCandidate pair, CancellationToken ct)
    {
        var ids = new[] { pair.LeftPersonId, pair.RightPersonId };
        var seen = await db.Persons.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var hidden = ids.Where(i => !seen.Contains(i)).ToList();
        if (hidden.Count > 0)
        {
            var holder = (await DuplicateVisibility.HoldersAsync(db, hidden, ct)).Values.FirstOrDefault() ?? "another organisation";
            throw new ConflictException("id", $"This possible match is with a record held by {holder}, which your organisation cannot see; it cannot be decided here. Contact {holder}.");
        }
    }

    public static string Detail(DuplicateCandidate pair) =>
        $"algorithm {pair.AlgorithmVersion}; model {pair.ModelId?.ToString() ?? "none"}; status {pair.Status}";

    public static async Task<DuplicatePairView> ViewAsync(AppDbContext db, DuplicateCandidate pair, CancellationToken ct) =>
        (await DuplicateProjection.ViewsAsync(db, [pair], ct)).Single();
}
