using System.Collections.Concurrent;

namespace Lantern.Core.Features.Watchlists;

/// <summary>What re-screening found for one changed entry: every subject of the population now at or above the threshold.</summary>
/// <param name="EntryId">The changed entry.</param>
/// <param name="EntryVersion">Its version after the change.</param>
/// <param name="Hits">Best first; empty when no subject reaches the threshold any more (the caller may close old alerts).</param>
public sealed record EntryRescreen(string EntryId, int EntryVersion, IReadOnlyList<WatchlistHit> Hits);

/// <summary>
/// The subjects already screened against a watchlist, kept with their names prepared once, so that when entries are
/// added or changed the population is re-screened against the changed entries only (issue 6 §4). The caller diffs the
/// returned hits against its stored alerts and raises only the new or changed ones.
/// </summary>
/// <remarks>
/// A re-screen builds a <see cref="WatchlistIndex"/> over the changed entries alone and screens every subject against
/// it with the same code as a full screen. A hit depends only on the subject and the entry (the name score, the
/// details, the entry's version and the list version given), never on the other entries of the list: retrieval is
/// complete (see <see cref="WatchlistIndex"/>) and the best of an entry's names goes to its first name on a tie. So the
/// hits are exactly those a full screen against the whole new list would give for the changed entries
/// (ScreenedPopulationTests compares the two).
/// </remarks>
public sealed class ScreenedPopulation
{
    private const int Batch = 4_096;

    private readonly ScreeningSubject[] _subjects;
    private readonly PreparedName[] _names;
    private readonly NameMatcher _matcher;

    private ScreenedPopulation(ScreeningSubject[] subjects, PreparedName[] names, NameMatcher matcher)
    {
        _subjects = subjects;
        _names = names;
        _matcher = matcher;
    }

    public int Count => _subjects.Length;

    public IReadOnlyList<ScreeningSubject> Subjects => _subjects;

    /// <summary>Prepares the subjects' names once (both cores); the result may be re-screened any number of times.</summary>
    public static ScreenedPopulation Prepare(IReadOnlyList<ScreeningSubject> subjects, NameMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(matcher);
        var array = subjects.ToArray();
        var names = new PreparedName[array.Length];
        Parallel.ForEach(Partitioner.Create(0, array.Length, Batch), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                names[i] = matcher.Prepare(array[i].Name);
            }
        });
        return new ScreenedPopulation(array, names, matcher);
    }

    /// <summary>
    /// Re-screens the whole population against <paramref name="changed"/> (entries added or changed since the last
    /// screen, with their new versions) and returns, per changed entry in the given order, the hits at or above
    /// <paramref name="threshold"/>. <paramref name="listVersion"/> is the version of the list after the change.
    /// </summary>
    public IReadOnlyList<EntryRescreen> Rescreen(IReadOnlyList<WatchlistEntry> changed, string listVersion, double threshold, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(listVersion);
        using var index = WatchlistIndex.Build(changed, listVersion, _matcher);
        var found = new ConcurrentBag<List<WatchlistHit>>();
        Parallel.ForEach(Partitioner.Create(0, _subjects.Length, Batch), range =>
        {
            List<WatchlistHit>? local = null;
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var hits = index.Screen(_subjects[i], _names[i], threshold, explain);
                if (hits.Count > 0)
                {
                    (local ??= []).AddRange(hits);
                }
            }
            if (local is not null)
            {
                found.Add(local);
            }
        });
        var byEntry = new Dictionary<string, List<WatchlistHit>>(StringComparer.Ordinal);
        foreach (var list in found)
        {
            foreach (var hit in list)
            {
                if (!byEntry.TryGetValue(hit.EntryId, out var hits))
                {
                    byEntry[hit.EntryId] = hits = [];
                }
                hits.Add(hit);
            }
        }
        var result = new List<EntryRescreen>(changed.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in changed)
        {
            if (!seen.Add(entry.Id))
            {
                continue;
            }
            var hits = byEntry.GetValueOrDefault(entry.Id) ?? [];
            hits.Sort((x, y) => y.Score.CompareTo(x.Score) is var c && c != 0 ? c : string.CompareOrdinal(x.SubjectId, y.SubjectId));
            result.Add(new EntryRescreen(entry.Id, entry.Version, hits));
        }
        return result;
    }
}
