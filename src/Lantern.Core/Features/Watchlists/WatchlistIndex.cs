using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.Intrinsics;
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
/// two neighbours share a join key. So every list token that could align with query token i is found from i's keys,
/// and its similarity s_iv is known (computed once per distinct query token and kept, rounded up to 1/250).
/// (2) For a name n, let s_i be the best similarity of query token i with any token of n (0.95 for a join), and
/// U the list tokens of n that no query token can align with (they stay unmatched and cost their unmatched cost).
/// An aligned part adds sim·m with m = min of the two sides' weights, so w_i ≥ m ≥ low_i = min(w_i, lightest list token
/// i aligns with) (for a token in a joined pair, 0 ≤ m: the pair's weight is shared); an unmatched query token costs c_i.
/// So coverage ≤ the largest Σ s_i x_i / (Σ x_i + Σ_unmatched c_i + Σ_U c) over every choice of each token unmatched or
/// matched with x_i ∈ [low_i, w_i], and coverage reaches λ only if F(λ) = Σ_i max(-λ c_i, (s_i - λ) x_i*) - λ Σ_U c ≥ 0
/// (x_i* = w_i when s_i > λ, else low_i; a token with s_i = 0 has only -λ c_i). The specificity factor is at most that
/// of Σ s_i w_i, so a name reaches the threshold t only if F(t / specificity(Σ s_i w_i)) ≥ 0. F only grows with any s_i.
/// (3) Hence a name failing (2) cannot reach the threshold; all others are scored in full. Query tokens are walked
/// rarest first; the longest postings are not walked while (2) fails for the skipped tokens alone, every one aligned
/// exactly and nothing else (s_i = 1 on the skipped tokens, 0 elsewhere, no list cost): a name found by skipped tokens
/// only is then below the threshold, and every other name is reached by a walked token (or a join) and tested by (2),
/// in which the skipped tokens' similarities are looked up exactly.
/// (4) Details (birth date, nationality) can lift a name score only by bounded bonuses
/// (<see cref="EntryMatcher.NameThreshold"/>); identity numbers are looked up exactly.
/// </remarks>
public sealed class WatchlistIndex : IDisposable
{
    /// <summary>Similarities are kept as bytes rounded up to this many steps, so a bound never falls below the truth.</summary>
    private const double Steps = 250;

    private const int MatchCacheLimit = 1_000_000;

    private static readonly byte JoinedSimilarity = Quantise(0.95);

    private readonly NameMatcher _matcher;
    private readonly WatchlistEntry[] _entries;
    private readonly PreparedName[] _names;
    private readonly int[] _nameEntry;
    private readonly int[] _entryFirstName;
    // the tokens of every name, one after the other: list token id (bits 0-23), the name's token count (24-27) and
    // the token's unmatched cost (a float, bits 32-63); a name is known by the offset of its first token
    private readonly long[] _tokens;
    private readonly int[] _offsetName;
    private readonly NameToken[] _vocabulary;
    // the postings of list token v are _records[_recordStart[v].._recordStart[v + 1]): per name holding the token, a
    // header (the name's offset, its token count in bits 32-35) and a copy of the name's tokens, so a walk reads
    // memory in order and never jumps to the names it touches
    private readonly int[] _recordStart;
    private readonly long[] _records;
    private readonly int[] _postingLength;
    private readonly Dictionary<string, int[]> _tokenKeys;
    private readonly Dictionary<string, int[]> _pairKeys;
    private readonly Dictionary<string, int[]> _joinKeys;
    private readonly Dictionary<string, int[]> _documents;
    private readonly ConcurrentDictionary<string, TokenMatch> _matches = new(StringComparer.Ordinal);
    private readonly ThreadLocal<Scratch> _scratch;

    private WatchlistIndex(NameMatcher matcher, string listVersion, WatchlistEntry[] entries, PreparedName[] names, int[] nameEntry, NameToken[] vocabulary, List<int>[] postings,
        long[] tokens, int[] offsetName, Dictionary<string, int[]> tokenKeys, Dictionary<string, int[]> pairKeys, Dictionary<string, int[]> joinKeys, Dictionary<string, int[]> documents)
    {
        _matcher = matcher;
        ListVersion = listVersion;
        _entries = entries;
        _names = names;
        _nameEntry = nameEntry;
        _entryFirstName = new int[entries.Length];
        Array.Fill(_entryFirstName, -1);
        for (var n = nameEntry.Length - 1; n >= 0; n--)
        {
            _entryFirstName[nameEntry[n]] = n;
        }
        _vocabulary = vocabulary;
        _tokens = tokens;
        _offsetName = offsetName;
        _postingLength = new int[postings.Length];
        _recordStart = new int[postings.Length + 1];
        long size = 0;
        for (var v = 0; v < postings.Length; v++)
        {
            _postingLength[v] = postings[v].Count;
            foreach (var offset in postings[v])
            {
                size += 1 + Size(tokens[offset]);
            }
        }
        if (size >= int.MaxValue)
        {
            throw new InvalidOperationException("The watchlist is too large for one index.");
        }
        _records = new long[size];
        var r = 0;
        for (var v = 0; v < postings.Length; v++)
        {
            _recordStart[v] = r;
            foreach (var offset in postings[v])
            {
                var k = Size(tokens[offset]);
                _records[r++] = (uint)offset | ((long)k << 32);
                Array.Copy(tokens, offset, _records, r, k);
                r += k;
            }
        }
        _recordStart[postings.Length] = r;
        _tokenKeys = tokenKeys;
        _pairKeys = pairKeys;
        _joinKeys = joinKeys;
        _documents = documents;
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(tokens.Length));
    }

    public string ListVersion { get; }

    /// <summary>Names reached by the postings walks (a name reached twice counts twice) and names scored in full, over all queries (for the speed bench).</summary>
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
        return Build(entryArray, owners, names, listVersion, matcher);
    }

    /// <summary>Builds the index over names already prepared; <paramref name="owners"/> gives each name's entry.</summary>
    internal static WatchlistIndex Build(WatchlistEntry[] entryArray, List<int> owners, PreparedName[] names, string listVersion, NameMatcher matcher)
    {
        var vocabularyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new List<NameToken>();
        var postings = new List<List<int>>();
        var pairKeys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var tokenData = new List<long>(names.Length * 3);
        var offsetName = new List<int>(names.Length * 3);
        for (var n = 0; n < names.Length; n++)
        {
            var tokens = names[n].Tokens;
            var offset = tokenData.Count;
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
                if (list.Count == 0 || list[^1] != offset)
                {
                    list.Add(offset);
                }
                // a float no larger than the cost, so the bound stays above the score
                var cost = (float)names[n].Costs[t];
                if (cost > names[n].Costs[t])
                {
                    cost = MathF.BitDecrement(cost);
                }
                tokenData.Add((long)(uint)id | ((long)tokens.Count << 24) | ((long)(uint)BitConverter.SingleToInt32Bits(cost) << 32));
                offsetName.Add(n);
            }
            var pairs = names[n].PairVariants;
            for (var j = 0; j < pairs.Length; j++)
            {
                // the name and the position of the pair's first token (at most MaxTokens, so 3 bits)
                foreach (var v in pairs[j])
                {
                    Add(pairKeys, v, (offset << 3) | j);
                }
            }
        }
        if (vocabulary.Count >= 1 << 24)
        {
            throw new InvalidOperationException("A watchlist index holds at most 2^24 distinct name tokens.");
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
        return new WatchlistIndex(matcher, listVersion, entryArray, names, [.. owners], vocabularyArray, [.. postings],
            [.. tokenData], [.. offsetName], Freeze(tokenKeys), Freeze(pairKeys), Freeze(joinKeys), Freeze(documents));
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
        var nameThreshold = EntryMatcher.NameThreshold(subject, threshold);
        var candidates = Candidates(query, nameThreshold, scratch);
        Interlocked.Add(ref _touched, scratch.Touched);
        Interlocked.Add(ref _scored, candidates.Count);

        // best name per entry
        var best = scratch.Best;
        best.Clear();
        foreach (var n in candidates)
        {
            var s = NameMatcher.Score(query, _names[n], explain: false).Score;
            var e = _nameEntry[n];
            // ties go to the entry's first name, so the hit does not depend on the order names were retrieved in
            if (!best.TryGetValue(e, out var b) || s > b.Score || (s == b.Score && n < b.Name))
            {
                best[e] = (s, n);
            }
        }
        if (_documents.Count > 0)
        {
            if (Standardise.Document(subject.NationalId) is { } nationalId && _documents.TryGetValue("n:" + nationalId, out var byId))
            {
                AddEntries(byId, query, best);
            }
            if (Standardise.Document(subject.Passport) is { } passport && _documents.TryGetValue("p:" + passport, out var byPassport))
            {
                AddEntries(byPassport, query, best);
            }
        }

        var hits = new List<WatchlistHit>(best.Count);
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
            for (var n = _entryFirstName[e]; n >= 0 && n < _nameEntry.Length && _nameEntry[n] == e; n++)
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

    private static byte Quantise(double similarity) => (byte)Math.Min(Steps, Math.Ceiling(similarity * Steps));

    /// <summary>
    /// The list tokens a query token can align with and their similarities (rounded up), with the summed length of
    /// their postings. Depends only on the token's text, so it is computed once per distinct token and kept.
    /// </summary>
    private TokenMatch Match(NameToken token)
    {
        if (_matches.TryGetValue(token.Text, out var cached))
        {
            return cached;
        }
        var keys = new List<string>(48);
        TokenKeys(token, keys, query: true);
        var seen = new HashSet<int>();
        var vocabulary = new List<int>();
        var similarities = new List<byte>();
        long postings = 0;
        var partnerWeight = 1.0;
        foreach (var k in keys)
        {
            if (!_tokenKeys.TryGetValue(k, out var found))
            {
                continue;
            }
            foreach (var v in found)
            {
                if (!seen.Add(v))
                {
                    continue;
                }
                var s = NameMatcher.Compare(token, _vocabulary[v]).Similarity;
                if (s > 0)
                {
                    vocabulary.Add(v);
                    similarities.Add(Quantise(s));
                    postings += _postingLength[v];
                    partnerWeight = Math.Min(partnerWeight, _vocabulary[v].Weight);
                }
            }
        }
        var match = new TokenMatch([.. vocabulary], [.. similarities], postings, partnerWeight);
        if (_matches.Count < MatchCacheLimit)
        {
            _matches.TryAdd(token.Text, match);
        }
        return match;
    }

    /// <summary>Adds to <paramref name="entries"/> the entries (by position) of the names <see cref="Candidates"/> returns.</summary>
    internal void CandidateEntries(PreparedName query, double nameThreshold, List<int> entries)
    {
        foreach (var n in Candidates(query, nameThreshold, _scratch.Value!))
        {
            entries.Add(_nameEntry[n]);
        }
    }

    /// <summary>The names whose bound reaches <paramref name="nameThreshold"/> (see the remarks on the class).</summary>
    internal List<int> Candidates(PreparedName query, double nameThreshold, Scratch scratch)
    {
        var result = scratch.Candidates;
        result.Clear();
        scratch.Touched = 0;
        var count = query.Tokens.Count;
        if (count == 0)
        {
            return result;
        }
        scratch.Next();

        // the list tokens each query token can align with, and how long their postings are
        var matches = scratch.Matches;
        Span<long> length = stackalloc long[count];
        Span<double> weight = stackalloc double[count];
        Span<double> cost = stackalloc double[count];
        Span<double> low = stackalloc double[count];
        var entries = 0;
        for (var i = 0; i < count; i++)
        {
            var match = matches[i] = Match(query.Tokens[i]);
            length[i] = match.Postings;
            weight[i] = query.Tokens[i].Weight;
            cost[i] = query.Costs[i];
            low[i] = Math.Min(weight[i], match.PartnerWeight);
            entries += match.Vocabulary.Length;
        }
        // two query neighbours against one list token written together: both align with it at 0.95
        var joined = scratch.Joined;
        joined.Clear();
        for (var i = 0; i + 1 < count; i++)
        {
            foreach (var j in query.PairVariants[i])
            {
                if (_joinKeys.TryGetValue(j, out var vocabulary))
                {
                    joined.Add((i, vocabulary));
                    entries += vocabulary.Length;
                    // a joined pair's weight is shared between the two tokens in a way the bound does not know
                    low[i] = low[i + 1] = 0;
                }
            }
        }
        // their similarities by list token, one byte per query token
        var table = scratch.Table;
        table.Clear(entries);
        for (var i = 0; i < count; i++)
        {
            var match = matches[i];
            for (var k = 0; k < match.Vocabulary.Length; k++)
            {
                table.Put(match.Vocabulary[k], i, match.Similarities[k]);
            }
        }
        foreach (var (i, vocabulary) in joined)
        {
            foreach (var v in vocabulary)
            {
                table.Put(v, i, JoinedSimilarity);
                table.Put(v, i + 1, JoinedSimilarity);
            }
        }
        // one query token against two list neighbours written apart: known per name before any bound is taken
        var joins = scratch.Joins;
        joins.Clear();
        for (var i = 0; i < count; i++)
        {
            foreach (var j in query.Tokens[i].JoinVariants)
            {
                if (_pairKeys.TryGetValue(j, out var pairs))
                {
                    low[i] = 0;
                    foreach (var p in pairs)
                    {
                        var offset = p >> 3;
                        joins.TryGetValue(offset, out var found);
                        joins[offset] = (found.Similarity | ((ulong)JoinedSimilarity << (8 * i)), found.Tokens | (3 << (p & 7)));
                    }
                }
            }
        }

        // longest postings first: skipped while the names found by the skipped tokens alone cannot reach the threshold
        Span<int> order = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            for (var k = i; k > 0 && length[order[k]] > length[order[k - 1]]; k--)
            {
                (order[k], order[k - 1]) = (order[k - 1], order[k]);
            }
        }
        var bound = new QueryBound(table, joins, weight, cost, low, nameThreshold - 1e-9);
        var skipped = 0;
        foreach (var i in order)
        {
            // the skipped tokens all aligned exactly, nothing else
            var packed = 0UL;
            for (var k = 0; k < count; k++)
            {
                if (k == i || (skipped & (1 << k)) != 0)
                {
                    packed |= (ulong)Steps << (8 * k);
                }
            }
            if (!bound.Reaches(packed, 0))
            {
                skipped |= 1 << i;
            }
        }

        // every name reached by a walked token (or a join) gets its bound
        var touched = 0;
        for (var i = 0; i < count; i++)
        {
            if ((skipped & (1 << i)) == 0)
            {
                foreach (var v in matches[i].Vocabulary)
                {
                    touched += Walk(v, ref bound, nameThreshold, scratch);
                }
            }
        }
        foreach (var (i, vocabulary) in joined)
        {
            if ((skipped & (3 << i)) != 3 << i)
            {
                foreach (var v in vocabulary)
                {
                    touched += Walk(v, ref bound, nameThreshold, scratch);
                }
            }
        }
        foreach (var offset in joins.Keys)
        {
            touched++;
            if (bound.Reaches(_tokens.AsSpan(offset, Size(_tokens[offset])), offset))
            {
                Candidate(offset, scratch);
            }
        }
        scratch.Touched = touched;
        return result;
    }

    private static int Size(long token) => (int)(token >> 24) & 0xF;

    /// <summary>Takes the bound of every name in the postings of list token <paramref name="v"/>; returns how many.</summary>
    private int Walk(int v, ref QueryBound bound, double nameThreshold, Scratch scratch)
    {
        var records = _records;
        var end = _recordStart[v + 1];
        var walked = 0;
        for (var r = _recordStart[v]; r < end; walked++)
        {
            var header = records[r];
            var k = (int)(header >> 32);
            if (bound.Reaches(records.AsSpan(r + 1, k), (int)header))
            {
                Candidate((int)header, scratch);
            }
            r += 1 + k;
        }
        return walked;
    }

    private void Candidate(int offset, Scratch scratch)
    {
        // a name reached twice (two walked tokens, or a walk and a join) is a candidate once
        if (scratch.Touch[offset] != scratch.QueryStamp)
        {
            scratch.Touch[offset] = scratch.QueryStamp;
            scratch.Candidates.Add(_offsetName[offset]);
        }
    }

    /// <summary>The bound of (2) in the remarks, for one query, over names given by their tokens.</summary>
    private readonly ref struct QueryBound(SimilarityTable table, Dictionary<int, (ulong Similarity, int Tokens)> joins,
        ReadOnlySpan<double> weight, ReadOnlySpan<double> cost, ReadOnlySpan<double> low, double threshold)
    {
        private readonly ReadOnlySpan<double> _weight = weight;
        private readonly ReadOnlySpan<double> _cost = cost;
        private readonly ReadOnlySpan<double> _low = low;

        /// <summary>Whether the name whose tokens are given (starting at <paramref name="offset"/>) may reach the threshold.</summary>
        public bool Reaches(ReadOnlySpan<long> tokens, int offset)
        {
            // best similarity per query token over the name's tokens, and the cost of the name's tokens nothing aligns with
            var packed = 0UL;
            var joinedTokens = 0;
            if (joins.Count > 0 && joins.TryGetValue(offset, out var join))
            {
                (packed, joinedTokens) = join;
            }
            var listCost = 0.0;
            for (var j = 0; j < tokens.Length; j++)
            {
                var data = tokens[j];
                var s = table.Get((int)(data & 0xFFFFFF));
                if (s == 0)
                {
                    if ((joinedTokens & (1 << j)) == 0)
                    {
                        listCost += BitConverter.Int32BitsToSingle((int)(data >> 32));
                    }
                    continue;
                }
                packed = Vector128.Max(Vector128.CreateScalarUnsafe(s).AsByte(), Vector128.CreateScalarUnsafe(packed).AsByte()).AsUInt64().ToScalar();
            }
            return packed != 0 && Reaches(packed, listCost);
        }

        /// <summary>
        /// Whether coverage × specificity may reach the threshold with similarities s_i (one byte per query token) and
        /// list-side cost <paramref name="listCost"/>: coverage ≥ λ = threshold / specificity(Σ s_i w_i) holds for some
        /// choice (each token unmatched at cost c_i, or matched with weight x_i in [low_i, w_i]) exactly when
        /// F(λ) = Σ_i max(-λ c_i, (s_i - λ) x_i) - λ listCost ≥ 0, x_i taken at w_i when s_i > λ and at low_i otherwise.
        /// </summary>
        public bool Reaches(ulong packed, double listCost)
        {
            // F falls as λ grows and λ ≥ threshold: most names fail at λ = threshold, before the specificity is computed
            if (F(packed, listCost, threshold) < -1e-12)
            {
                return false;
            }
            var evidence = 0.0;
            for (var i = 0; i < _weight.Length; i++)
            {
                evidence += (byte)(packed >> (8 * i)) * _weight[i];
            }
            return F(packed, listCost, threshold / NameMatcher.Specificity(evidence / Steps)) >= -1e-12;
        }

        private double F(ulong packed, double listCost, double lambda)
        {
            var f = -lambda * listCost;
            for (var i = 0; i < _weight.Length; i++)
            {
                var b = (byte)(packed >> (8 * i));
                var unmatched = -lambda * _cost[i];
                if (b == 0)
                {
                    f += unmatched;
                    continue;
                }
                var gain = (b / Steps) - lambda;
                f += Math.Max(unmatched, gain * (gain > 0 ? _weight[i] : _low[i]));
            }
            return f;
        }
    }

    /// <summary>
    /// A query's similarities by list token (one byte per query token), in a small open-addressing table that stays in
    /// the processor's cache while the postings stream past.
    /// </summary>
    internal sealed class SimilarityTable
    {
        // one bit per list token id modulo 65,536: most tokens of a walked name are in no query token's matches, and
        // this answers for them without a probe
        private readonly ulong[] _filter = new ulong[1024];
        private int _filterMask = 1023;
        private Slot[] _slots = new Slot[1024];
        private int _mask = 1023;
        private int _stamp;

        public void Clear(int entries)
        {
            // about 32 bits per entry, so a small query clears little
            _filterMask = (int)Math.Min(1024, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, entries / 2))) - 1;
            Array.Clear(_filter, 0, _filterMask + 1);
            if (entries * 2 > _slots.Length)
            {
                _slots = new Slot[(int)BitOperations.RoundUpToPowerOf2((uint)(entries * 2))];
                _mask = _slots.Length - 1;
                _stamp = 0;
            }
            _stamp++;
        }

        public void Put(int v, int i, byte s)
        {
            _filter[(v >> 6) & _filterMask] |= 1UL << v;
            var h = Hash(v);
            while (_slots[h].Stamp == _stamp && _slots[h].Key != v)
            {
                h = (h + 1) & _mask;
            }
            ref var slot = ref _slots[h];
            if (slot.Stamp != _stamp)
            {
                slot = new Slot { Stamp = _stamp, Key = v };
            }
            var shift = 8 * i;
            if (s > (byte)(slot.Value >> shift))
            {
                slot.Value = (slot.Value & ~(0xFFUL << shift)) | ((ulong)s << shift);
            }
        }

        public ulong Get(int v)
        {
            if ((_filter[(v >> 6) & _filterMask] & (1UL << v)) == 0)
            {
                return 0;
            }
            var h = Hash(v);
            while (_slots[h].Stamp == _stamp)
            {
                if (_slots[h].Key == v)
                {
                    return _slots[h].Value;
                }
                h = (h + 1) & _mask;
            }
            return 0;
        }

        private int Hash(int v) => (int)(((uint)v * 0x9E3779B1u) >> 7) & _mask;

        private struct Slot
        {
            public int Stamp;
            public int Key;
            public ulong Value;
        }
    }

    /// <summary>What a query token aligns with in this list (see <see cref="Match"/>).</summary>
    internal sealed record TokenMatch(int[] Vocabulary, byte[] Similarities, long Postings, double PartnerWeight);

    /// <summary>Per-thread working memory of a query.</summary>
    internal sealed class Scratch(int offsets)
    {
        /// <summary>The query that last made a name (by the offset of its first token) a candidate.</summary>
        public int[] Touch { get; } = new int[offsets];

        public SimilarityTable Table { get; } = new();

        /// <summary>Names with neighbours that a query token aligns with written together: the similarities and which tokens.</summary>
        public Dictionary<int, (ulong Similarity, int Tokens)> Joins { get; } = [];

        public TokenMatch[] Matches { get; } = new TokenMatch[NameMatcher.MaxTokens];

        public List<(int Token, int[] Vocabulary)> Joined { get; } = [];

        public List<int> Candidates { get; } = [];

        public Dictionary<int, (double Score, int Name)> Best { get; } = [];

        public int Touched { get; set; }

        public int QueryStamp { get; private set; }

        public void Next() => QueryStamp++;
    }
}
