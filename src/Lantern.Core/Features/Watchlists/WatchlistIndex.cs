using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// Candidate retrieval over the names and aliases of a watchlist's entries, complete at a threshold: it never scans
/// the list for a query, yet returns every entry a full comparison would score at or above the threshold.
/// </summary>
/// <remarks>
/// Why nothing is missed (the argument is tested against exhaustive comparison in WatchlistIndexTests):
/// (1) <see cref="NameMatcher.Compare"/> gives a token pair a similarity above 0 only when the two share a key of
/// <see cref="TokenKeys"/>: exact and one-slip spellings share a deletion key (symmetric deletion: one edit apart means
/// a common string after at most one deletion from each), group members a group key, skeletons equal a skeleton key and
/// skeletons of two scripts within one edit a cross-script deletion key, an initial and a token its letter key, article-less forms their own keys; a joined token and
/// two neighbours share a join key. So every list token that could align with query token i is found from i's keys.
/// (2) If a name shares no key with query token i, i stays unmatched and costs at least its unmatched cost c_i; with
/// H the query tokens that found the name, the score is at most Σ_H w / (Σ_H w + Σ_not H c), because each aligned
/// part's weight is at most its query-side weight and the specificity factor is at most 1.
/// (3) Hence a name whose bound is below the threshold cannot reach it; all others are scored in full. A token whose
/// postings are long is not walked when even its best case (all long tokens found, nothing else) stays below the
/// threshold; names it would add are then found by the other tokens, and the bound assumes the long token found them.
/// (4) Details (birth date, nationality) can lift a name score only by bounded bonuses
/// (<see cref="EntryMatcher.NameThreshold"/>); identity numbers are looked up exactly.
/// </remarks>
public sealed class WatchlistIndex : IDisposable
{
    private const int LongPostings = 2_000;

    private readonly NameMatcher _matcher;
    private readonly WatchlistEntry[] _entries;
    private readonly PreparedName[] _names;
    private readonly int[] _nameEntry;
    private readonly NameToken[] _vocabulary;
    private readonly int[][] _postings;
    private readonly Dictionary<string, int[]> _tokenKeys;
    private readonly Dictionary<string, int[]> _pairKeys;
    private readonly Dictionary<string, int[]> _joinKeys;
    private readonly Dictionary<string, int[]> _documents;
    private readonly ThreadLocal<Scratch> _scratch;

    private WatchlistIndex(NameMatcher matcher, string listVersion, WatchlistEntry[] entries, PreparedName[] names, int[] nameEntry, NameToken[] vocabulary, int[][] postings,
        Dictionary<string, int[]> tokenKeys, Dictionary<string, int[]> pairKeys, Dictionary<string, int[]> joinKeys, Dictionary<string, int[]> documents)
    {
        _matcher = matcher;
        ListVersion = listVersion;
        _entries = entries;
        _names = names;
        _nameEntry = nameEntry;
        _vocabulary = vocabulary;
        _postings = postings;
        _tokenKeys = tokenKeys;
        _pairKeys = pairKeys;
        _joinKeys = joinKeys;
        _documents = documents;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(names.Length, vocabulary.Length));
    }

    public string ListVersion { get; }

    /// <summary>Names touched by the postings walks and names scored in full, over all queries (for the speed bench).</summary>
    public (long Touched, long Scored) Work => (Interlocked.Read(ref _touched), Interlocked.Read(ref _scored));

    private long _touched;
    private long _scored;

    public void Dispose() => _scratch.Dispose();

    public int EntryCount => _entries.Length;

    public int NameCount => _names.Length;

    public IReadOnlyList<WatchlistEntry> Entries => _entries;

    /// <summary>Builds the index over every name and alias of <paramref name="entries"/> (both cores).</summary>
    public static WatchlistIndex Build(IReadOnlyList<WatchlistEntry> entries, string listVersion, NameMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(matcher);
        var entryArray = entries.ToArray();
        var owners = new List<int>();
        var texts = new List<string>();
        for (var e = 0; e < entryArray.Length; e++)
        {
            foreach (var name in entryArray[e].Names)
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    owners.Add(e);
                    texts.Add(name);
                }
            }
        }
        var names = new PreparedName[texts.Count];
        Parallel.For(0, names.Length, i => names[i] = matcher.Prepare(texts[i]));

        var vocabularyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new List<NameToken>();
        var postings = new List<List<int>>();
        var pairKeys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var n = 0; n < names.Length; n++)
        {
            var tokens = names[n].Tokens;
            for (var t = 0; t < tokens.Count; t++)
            {
                var token = tokens[t];
                if (!vocabularyIds.TryGetValue(token.Text, out var id))
                {
                    id = vocabulary.Count;
                    vocabulary.Add(token);
                    postings.Add([]);
                    vocabularyIds[token.Text] = id;
                }
                var list = postings[id];
                if (list.Count == 0 || list[^1] != n)
                {
                    list.Add(n);
                }
            }
            foreach (var variants in names[n].PairVariants)
            {
                foreach (var v in variants)
                {
                    Add(pairKeys, v, n);
                }
            }
        }
        var vocabularyArray = vocabulary.ToArray();
        var tokenKeys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var joinKeys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new List<string>(32);
        for (var v = 0; v < vocabularyArray.Length; v++)
        {
            keys.Clear();
            TokenKeys(vocabularyArray[v], keys, query: false);
            foreach (var k in keys)
            {
                Add(tokenKeys, k, v);
            }
            foreach (var j in vocabularyArray[v].JoinVariants)
            {
                Add(joinKeys, j, v);
            }
        }
        var documents = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var e = 0; e < entryArray.Length; e++)
        {
            if (Standardise.Document(entryArray[e].NationalId) is { } id)
            {
                Add(documents, "n:" + id, e);
            }
            if (Standardise.Document(entryArray[e].Passport) is { } passport)
            {
                Add(documents, "p:" + passport, e);
            }
        }
        return new WatchlistIndex(matcher, listVersion, entryArray, names, [.. owners], vocabularyArray, [.. postings.Select(p => p.ToArray())],
            Freeze(tokenKeys), Freeze(pairKeys), Freeze(joinKeys), Freeze(documents));
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        if (list.Count == 0 || list[^1] != value)
        {
            list.Add(value);
        }
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> map)
    {
        var frozen = new Dictionary<string, int[]>(map.Count, StringComparer.Ordinal);
        foreach (var (k, v) in map)
        {
            frozen[k] = [.. v];
        }
        return frozen;
    }

    /// <summary>
    /// The retrieval keys of a token: its spellings and their one-deletion forms (d:), transliteration groups (g:),
    /// consonant skeletons (s:) and, across scripts only, their one-deletion forms (xl: Latin, xa: Arabic script), and initials: a list initial under its letter (i:); a
    /// query initial looks for list tokens starting with its letter (f:), which list tokens are filed under.
    /// </summary>
    internal static void TokenKeys(NameToken token, List<string> keys, bool query)
    {
        if (token.IsInitial)
        {
            keys.Add((query ? "f:" : "i:") + token.Text);
            keys.Add("d:" + token.Text);
            return;
        }
        // a query token looks for list initials of its letter; a list token is filed under its letter for query initials
        keys.Add((query ? "i:" : "f:") + token.Text[0]);
        // skeletons within one edit count only across scripts: a Latin token looks among Arabic-script ones and back
        var own = token.Arabic ? "xa:" : "xl:";
        var other = token.Arabic ? "xl:" : "xa:";
        Forms(token.Text, token.Group, token.Skeleton, query ? other : own, keys);
        if (token.Alternate is not null)
        {
            Forms(token.Alternate, token.AlternateGroup, token.AlternateSkeleton!, query ? other : own, keys);
        }
    }

    private static void Forms(string text, int group, string skeleton, string crossScript, List<string> keys)
    {
        keys.Add("d:" + text);
        if (text.Length >= 4)
        {
            for (var i = 0; i < text.Length; i++)
            {
                keys.Add(string.Concat("d:", text.AsSpan(0, i), text.AsSpan(i + 1)));
            }
        }
        if (group >= 0)
        {
            keys.Add("g:" + group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        keys.Add("s:" + skeleton);
        keys.Add(crossScript + skeleton);
        if (skeleton.Length >= 3)
        {
            for (var i = 0; i < skeleton.Length; i++)
            {
                keys.Add(string.Concat(crossScript, skeleton.AsSpan(0, i), skeleton.AsSpan(i + 1)));
            }
        }
    }

    /// <summary>Every entry scoring at or above <paramref name="threshold"/> against the subject, best first.</summary>
    public List<WatchlistHit> Screen(ScreeningSubject subject, double threshold, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var query = _matcher.Prepare(subject.Name);
        return Screen(subject, query, threshold, explain);
    }

    /// <summary>As <see cref="Screen(ScreeningSubject, double, bool)"/> with the subject's name already prepared.</summary>
    public List<WatchlistHit> Screen(ScreeningSubject subject, PreparedName query, double threshold, bool explain)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(query);
        var scratch = _scratch.Value!;
        scratch.Next();
        var nameThreshold = EntryMatcher.NameThreshold(subject, threshold);
        var candidates = Candidates(query, nameThreshold, scratch);
        Interlocked.Add(ref _touched, scratch.Touched.Count);
        Interlocked.Add(ref _scored, candidates.Count);

        // best name per entry
        var best = scratch.Best;
        best.Clear();
        foreach (var n in candidates)
        {
            var s = NameMatcher.Score(query, _names[n], explain: false).Score;
            var e = _nameEntry[n];
            if (!best.TryGetValue(e, out var b) || s > b.Score)
            {
                best[e] = (s, n);
            }
        }
        if (Standardise.Document(subject.NationalId) is { } nationalId && _documents.TryGetValue("n:" + nationalId, out var byId))
        {
            AddEntries(byId, query, best);
        }
        if (Standardise.Document(subject.Passport) is { } passport && _documents.TryGetValue("p:" + passport, out var byPassport))
        {
            AddEntries(byPassport, query, best);
        }

        var hits = new List<WatchlistHit>();
        foreach (var (e, (nameScore, n)) in best)
        {
            var entry = _entries[e];
            var (score, details) = EntryMatcher.Adjust(nameScore, subject, entry);
            if (score < threshold)
            {
                continue;
            }
            var name = n >= 0 ? NameMatcher.Score(query, _names[n], explain) : NameScore.None;
            hits.Add(new WatchlistHit(subject.Id, entry.Id, entry.Version, ListVersion, score, n >= 0 ? _names[n].Original : "", name, details));
        }
        hits.Sort((x, y) => y.Score.CompareTo(x.Score) is var c && c != 0 ? c : string.CompareOrdinal(x.EntryId, y.EntryId));
        return hits;
    }

    private void AddEntries(int[] entries, PreparedName query, Dictionary<int, (double Score, int Name)> best)
    {
        foreach (var e in entries)
        {
            if (best.ContainsKey(e))
            {
                continue;
            }
            var top = (Score: 0.0, Name: -1);
            for (var n = Array.IndexOf(_nameEntry, e); n >= 0 && n < _nameEntry.Length && _nameEntry[n] == e; n++)
            {
                var s = NameMatcher.Score(query, _names[n], explain: false).Score;
                if (s > top.Score || top.Name < 0)
                {
                    top = (s, n);
                }
            }
            best[e] = top;
        }
    }

    /// <summary>The names whose bound reaches <paramref name="nameThreshold"/> (see the remarks on the class).</summary>
    internal List<int> Candidates(PreparedName query, double nameThreshold, Scratch scratch)
    {
        var touched = scratch.Touched;
        touched.Clear();
        var result = new List<int>();
        var count = query.Tokens.Count;
        if (count == 0)
        {
            return result;
        }
        // the list tokens each query token can align with, and how long their postings are
        var found = new List<int>[count];
        var length = new long[count];
        var keys = new List<string>(48);
        for (var i = 0; i < count; i++)
        {
            found[i] = [];
            scratch.NextToken();
            keys.Clear();
            TokenKeys(query.Tokens[i], keys, query: true);
            foreach (var k in keys)
            {
                if (!_tokenKeys.TryGetValue(k, out var vocab))
                {
                    continue;
                }
                foreach (var v in vocab)
                {
                    if (scratch.VocabularySeen[v] == scratch.TokenStamp)
                    {
                        continue;
                    }
                    scratch.VocabularySeen[v] = scratch.TokenStamp;
                    if (NameMatcher.Compare(query.Tokens[i], _vocabulary[v]).Similarity > 0)
                    {
                        found[i].Add(v);
                        length[i] += _postings[v].Length;
                    }
                }
            }
        }
        // tokens too common to walk: skipped while the names found by them alone cannot reach the threshold
        var skipped = 0;
        var skippedWeight = 0.0;
        var order = Enumerable.Range(0, count).OrderByDescending(i => length[i]).ToArray();
        var totalCost = 0.0;
        for (var i = 0; i < count; i++)
        {
            totalCost += query.Costs[i];
        }
        var skippedCost = 0.0;
        foreach (var i in order)
        {
            if (length[i] < LongPostings)
            {
                break;
            }
            var w = skippedWeight + query.Tokens[i].Weight;
            var c = totalCost - skippedCost - query.Costs[i];
            if (w / (w + c) >= nameThreshold)
            {
                break;
            }
            skipped |= 1 << i;
            skippedWeight = w;
            skippedCost += query.Costs[i];
        }

        var stamp = scratch.Stamp;
        var masks = scratch.Masks;
        for (var i = 0; i < count; i++)
        {
            if ((skipped & (1 << i)) != 0)
            {
                continue;
            }
            foreach (var v in found[i])
            {
                foreach (var n in _postings[v])
                {
                    Mark(n, 1 << i);
                }
            }
            // query token against two list neighbours written apart
            foreach (var j in query.Tokens[i].JoinVariants)
            {
                if (_pairKeys.TryGetValue(j, out var ns))
                {
                    foreach (var n in ns)
                    {
                        Mark(n, 1 << i);
                    }
                }
            }
        }
        // two query neighbours against one list token written together
        for (var i = 0; i + 1 < count; i++)
        {
            foreach (var j in query.PairVariants[i])
            {
                if (!_joinKeys.TryGetValue(j, out var vocab))
                {
                    continue;
                }
                foreach (var v in vocab)
                {
                    foreach (var n in _postings[v])
                    {
                        Mark(n, 3 << i);
                    }
                }
            }
        }
        foreach (var n in touched)
        {
            var hit = masks[n] | skipped;
            var h = 0.0;
            var c = 0.0;
            for (var i = 0; i < count; i++)
            {
                if ((hit & (1 << i)) != 0)
                {
                    h += query.Tokens[i].Weight;
                }
                else
                {
                    c += query.Costs[i];
                }
            }
            if (h / (h + c) >= nameThreshold - 1e-12)
            {
                result.Add(n);
            }
        }
        return result;

        void Mark(int n, int bits)
        {
            if (stamp[n] != scratch.QueryStamp)
            {
                stamp[n] = scratch.QueryStamp;
                masks[n] = 0;
                touched.Add(n);
            }
            masks[n] |= bits;
        }
    }

    /// <summary>Per-thread working memory of a query.</summary>
    internal sealed class Scratch(int names, int vocabulary)
    {
        public int[] Stamp { get; } = new int[names];

        public int[] Masks { get; } = new int[names];

        public int[] VocabularySeen { get; } = new int[vocabulary];

        public List<int> Touched { get; } = [];

        public Dictionary<int, (double Score, int Name)> Best { get; } = [];

        public int QueryStamp { get; private set; }

        public int TokenStamp { get; private set; }

        public void Next() => QueryStamp++;

        public void NextToken() => TokenStamp++;
    }
}
