using System.Collections.Concurrent;
using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Features.Watchlists;

/// <summary>What re-screening found for one changed entry: every subject of the population now at or above the threshold.</summary>
/// <param name="EntryId">The changed entry.</param>
/// <param name="EntryVersion">Its version after the change.</param>
/// <param name="Hits">Best first; empty when no subject reaches the threshold any more (the caller may close old alerts).</param>
public sealed record EntryRescreen(string EntryId, int EntryVersion, IReadOnlyList<WatchlistHit> Hits);

/// <summary>
/// The subjects already screened against a watchlist, kept prepared once, so that when entries are added or changed the
/// population is re-screened against the changed entries only (issue 6 §4). The caller diffs the returned hits
/// against its stored alerts and raises only the new or changed ones.
/// </summary>
/// <remarks>
/// The population is kept as a <see cref="WatchlistIndex"/> of its own names (and a map of its identity numbers). A
/// re-screen (a) looks each changed entry's names up in that index, at the lowest name threshold any subject's details
/// allow, to find the subjects that could reach the threshold against a changed entry: the retrieval argument of
/// <see cref="WatchlistIndex"/> holds with the roles of the two names swapped, because the name score and its bound
/// treat both names alike (weights, unmatched costs, joins in both directions); subjects sharing an identity number
/// with a changed entry are added; then (b) screens just those subjects, with the same code as a full screen, against
/// an index of the changed entries. A hit depends only on the subject and the entry (the name score, the details, the
/// entry's version and the list version given), never on the other entries, and the best of an entry's names goes to
/// its first name on a tie; so the hits are exactly those a full screen against the whole new list would give for the
/// changed entries (ScreenedPopulationTests compares the two).
/// </remarks>
public sealed class ScreenedPopulation : IDisposable
{
    private const int Batch = 4_096;

    private readonly ScreeningSubject[] _subjects;
    private readonly PreparedName[] _names;
    private readonly NameMatcher _matcher;
    private readonly WatchlistIndex _index;
    private readonly Dictionary<string, int[]> _documents;

    private ScreenedPopulation(ScreeningSubject[] subjects, PreparedName[] names, NameMatcher matcher, WatchlistIndex index, Dictionary<string, int[]> documents)
    {
        _subjects = subjects;
        _names = names;
        _matcher = matcher;
        _index = index;
        _documents = documents;
    }

    public int Count => _subjects.Length;

    public IReadOnlyList<ScreeningSubject> Subjects => _subjects;

    public void Dispose() => _index.Dispose();

    /// <summary>Prepares the subjects' names and indexes them, once (both cores); the result may be re-screened any number of times.</summary>
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
        // the index's entries are the subjects by position, each with its one name
        var owners = new List<int>(array.Length);
        var indexed = new List<PreparedName>(array.Length);
        var documents = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < array.Length; i++)
        {
            if (!names[i].IsEmpty)
            {
                owners.Add(i);
                indexed.Add(names[i]);
            }
            if (Standardise.Document(array[i].NationalId) is { } id)
            {
                Add(documents, "n:" + id, i);
            }
            if (Standardise.Document(array[i].Passport) is { } passport)
            {
                Add(documents, "p:" + passport, i);
            }
        }
        var entries = new WatchlistEntry[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            entries[i] = new WatchlistEntry(array[i].Id, []);
        }
        var index = WatchlistIndex.Build(entries, owners, [.. indexed], "population", matcher);
        return new ScreenedPopulation(array, names, matcher, index, documents.ToDictionary(d => d.Key, d => d.Value.ToArray(), StringComparer.Ordinal));
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }

    /// <summary>
    /// Re-screens the population against <paramref name="changed"/> (entries added or changed since the last screen,
    /// with their new versions) and returns, per changed entry in the given order, the hits at or above
    /// <paramref name="threshold"/>. <paramref name="listVersion"/> is the version of the list after the change.
    /// </summary>
    public IReadOnlyList<EntryRescreen> Rescreen(IReadOnlyList<WatchlistEntry> changed, string listVersion, double threshold, bool explain = true) =>
        Rescreen(changed, listVersion, _ => threshold, explain);

    /// <summary>
    /// As <see cref="Rescreen(IReadOnlyList{WatchlistEntry}, string, double, bool)"/>, with each subject's own threshold
    /// (by position in <see cref="Subjects"/>); a subject whose threshold is null is left out (another organisation's,
    /// or a profile that does not cover the list).
    /// </summary>
    public IReadOnlyList<EntryRescreen> Rescreen(IReadOnlyList<WatchlistEntry> changed, string listVersion, Func<int, double?> thresholdOf, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(listVersion);
        ArgumentNullException.ThrowIfNull(thresholdOf);
        var thresholds = new double[_subjects.Length];
        var lowest = 1.0;
        for (var i = 0; i < _subjects.Length; i++)
        {
            if (thresholdOf(i) is { } t)
            {
                thresholds[i] = t;
                lowest = Math.Min(lowest, EntryMatcher.NameThreshold(_subjects[i], t));
            }
            else
            {
                thresholds[i] = double.NaN;
            }
        }
        var result = new List<EntryRescreen>(changed.Count);
        if (changed.Count == 0)
        {
            return result;
        }
        using var index = WatchlistIndex.Build(changed, listVersion, _matcher);

        // (a) the subjects that could reach their threshold against a changed entry
        var names = changed.SelectMany(e => e.Names).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToArray();
        var marked = new bool[_subjects.Length];
        Parallel.ForEach(Partitioner.Create(0, names.Length, 16), range =>
        {
            var found = new List<int>();
            for (var k = range.Item1; k < range.Item2; k++)
            {
                found.Clear();
                _index.CandidateEntries(_matcher.Prepare(names[k]), lowest, found);
                foreach (var s in found)
                {
                    marked[s] = true;
                }
            }
        });
        foreach (var entry in changed)
        {
            Mark("n:", entry.NationalId);
            Mark("p:", entry.Passport);
        }

        // (b) those subjects screened against the changed entries, as a full screen would
        var found = new ConcurrentBag<List<WatchlistHit>>();
        Parallel.ForEach(Partitioner.Create(0, _subjects.Length, Batch), range =>
        {
            List<WatchlistHit>? local = null;
            for (var i = range.Item1; i < range.Item2; i++)
            {
                if (!marked[i] || double.IsNaN(thresholds[i]))
                {
                    continue;
                }
                var hits = index.Screen(_subjects[i], _names[i], thresholds[i], explain);
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

        void Mark(string kind, string? document)
        {
            if (Standardise.Document(document) is { } d && _documents.TryGetValue(kind + d, out var subjects))
            {
                foreach (var s in subjects)
                {
                    marked[s] = true;
                }
            }
        }
    }
}
