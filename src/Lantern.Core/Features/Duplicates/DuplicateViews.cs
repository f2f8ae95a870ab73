using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Duplicates;

/// <summary>One of the two records of a pair, as the reviewer may see it: name, birth date, who recorded it and when, and the reviewer's cases naming it.</summary>
public sealed record DuplicatePersonView(Guid PersonId, string Name, string? BirthDate, string RecordedBy, DateTime RecordedAt, IReadOnlyList<string> Cases);

public sealed record DuplicateDecisionView(string By, DateTime At, string? Reason);

/// <summary>
/// A pair in the queue. When the reviewer sees both records: both, the probability and the explanation. When one
/// record is held by an organisation the reviewer cannot see, <see cref="Restricted"/> is true and only
/// <see cref="Known"/> (the reviewer's own record), <see cref="HeldBy"/> and <see cref="Notice"/> are given.
/// </summary>
public sealed record DuplicatePairView(
    Guid Id,
    DuplicateStatus Status,
    bool Restricted,
    DateTime FoundAt,
    double? Probability = null,
    DuplicatePersonView? Left = null,
    DuplicatePersonView? Right = null,
    PairExplanation? Explanation = null,
    string? AlgorithmVersion = null,
    DuplicateDecisionView? Decision = null,
    DuplicatePersonView? Known = null,
    string? HeldBy = null,
    string? Notice = null);

public sealed record DuplicateList(IReadOnlyList<DuplicatePairView> Pairs, int Open, int Restricted);

internal static class DuplicateProjection
{
    public static string NoticeFor(string holder) => $"A possible match exists with a record held by {holder}; contact {holder}.";

    /// <summary>Views of the pairs for the actor (the context is already scoped to the actor).</summary>
    public static async Task<List<DuplicatePairView>> ViewsAsync(AppDbContext db, IReadOnlyList<DuplicateCandidate> pairs, CancellationToken ct)
    {
        var ids = pairs.SelectMany(p => new[] { p.LeftPersonId, p.RightPersonId }).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var hidden = ids.Where(i => !persons.ContainsKey(i)).ToList();
        var holders = await DuplicateVisibility.HoldersAsync(db, hidden, ct);
        var visibleIds = persons.Keys.ToList();
        var cases = (await db.Participants.AsNoTracking().Where(p => visibleIds.Contains(p.PersonId))
                .Select(p => new { p.PersonId, p.Case.Reference }).ToListAsync(ct))
            .GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Reference).Distinct().Order(StringComparer.Ordinal).ToList());
        var orgIds = persons.Values.Select(p => p.RecordedBy).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        DuplicatePersonView? Person(PersonId id) => persons.TryGetValue(id, out var p)
            ? new DuplicatePersonView(p.Id.Value, p.DisplayName, p.BirthDate, orgs.GetValueOrDefault(p.RecordedBy, "?"), p.CreatedAt, cases.GetValueOrDefault(p.Id, []))
            : null;

        var views = new List<DuplicatePairView>();
        foreach (var pair in pairs)
        {
            var left = Person(pair.LeftPersonId);
            var right = Person(pair.RightPersonId);
            if (left is null && right is null)
            {
                continue;
            }
            if (left is null || right is null)
            {
                var holder = holders.GetValueOrDefault(left is null ? pair.LeftPersonId : pair.RightPersonId, "another organisation");
                views.Add(new DuplicatePairView(pair.Id, pair.Status, true, pair.FoundAt, Known: left ?? right, HeldBy: holder, Notice: NoticeFor(holder)));
                continue;
            }
            var decision = pair.DecidedAt is { } at ? new DuplicateDecisionView(pair.DecidedByName ?? "?", at, pair.Reason) : null;
            views.Add(new DuplicatePairView(pair.Id, pair.Status, false, pair.FoundAt, pair.Probability, left, right,
                PersonLinking.FromJson(pair.Explanation), pair.AlgorithmVersion, decision));
        }
        return views;
    }
}
