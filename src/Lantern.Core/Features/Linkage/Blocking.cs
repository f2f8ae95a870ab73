namespace Lantern.Core.Features.Linkage;

/// <summary>
/// One blocking rule: records with the same key are compared. A key is a 64-bit hash of integer-coded parts, so
/// grouping a million records is a sort of longs. 0 means "no key" (a part is missing). A rule may give a record
/// several keys (<see cref="KeysPerRecord"/>; <see cref="Key"/> takes the record and the key's number).
/// </summary>
public sealed record BlockingRule(string Name, int KeysPerRecord, Func<int, int, long> Key)
{
    public BlockingRule(string name, Func<int, long> key)
        : this(name, 1, (r, _) => key(r))
    {
    }

    /// <summary>
    /// Second keys, tried in order, that split a block larger than <see cref="Blocking.MaxBlockSize"/> into smaller
    /// ones (a block of every "Muhammad Khan" becomes one per birth year, then per locality). Records without the
    /// second key stay together. What is still too large after the last split is compared along a sorted window.
    /// </summary>
    public IReadOnlyList<Func<int, long>> Splits { get; init; } = [];
}

/// <summary>
/// Candidate pairs: the union of several OR-ed blocking rules. A block larger than <see cref="MaxBlockSize"/> (a
/// very common name, a placeholder date) is split by the rule's second keys rather than dropped or compared in
/// full, so the candidate pairs grow about linearly with the records while the records of one person still meet.
/// </summary>
public static class Blocking
{
    /// <summary>Largest block compared in full; larger ones are split (<see cref="BlockingRule.Splits"/>).</summary>
    public const int MaxBlockSize = 20;

    /// <summary>Neighbours each record is compared with in a block that no second key could split.</summary>
    public const int Window = 10;

    /// <summary>Longest identity document or phone number whose one-slip keys are made (characters).</summary>
    private const int MaxDocumentLength = 20;

    /// <summary>The rules that the dataset's columns allow, from the most to the least specific.</summary>
    public static IReadOnlyList<BlockingRule> Rules(IReadOnlyList<Comparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        Comparison? Of(LinkageField f) => comparisons.FirstOrDefault(c => c.Column.Field == f);
        var given = Of(LinkageField.GivenName) as NameComparison;
        var family = Of(LinkageField.FamilyName) as NameComparison;
        var full = Of(LinkageField.FullName) as NameComparison;
        var birth = Of(LinkageField.BirthDate);
        var postcode = Of(LinkageField.Postcode);
        var street = Of(LinkageField.StreetNumber);
        var locality = Of(LinkageField.Locality);
        var address = Of(LinkageField.Address);
        var sex = Of(LinkageField.Sex);
        var rules = new List<BlockingRule>();

        long LastName(int r) => family is not null ? Last(family, r) : full is not null ? Last(full, r) : 0;
        long FirstName(int r) => given is not null ? First(given, r) : full is not null ? First(full, r) : 0;

        // first and last name token, in either order (so a swapped given and family name still meet)
        long FirstLast(int r)
        {
            var first = FirstName(r);
            var last = LastName(r);
            return first == 0 || last == 0 ? 0 : Mix(Math.Min(first, last), Math.Max(first, last), 1);
        }

        var names = new[] { given, family, full }.OfType<NameComparison>().ToArray();
        var words = names.Length > 0 ? NameWords.Of(names) : null;

        // second keys: what splits a block of common names or places, most discriminating first
        var splits = new List<Func<int, long>>();
        if (birth is not null)
        {
            splits.Add(r => Year(birth, r));
        }
        if (locality is not null)
        {
            splits.Add(r => Code(locality, r, 5));
        }
        if (words is not null)
        {
            splits.Add(r => words.Word(r, 0));
        }
        if (sex is not null)
        {
            splits.Add(r => Code(sex, r, 12));
        }

        if (words is not null)
        {
            rules.Add(new BlockingRule("name (first and last, phonetic)", FirstLast) { Splits = splits });
            rules.Add(new BlockingRule("name (rarest word with the second or third rarest, phonetic)", 2, words.RarestPair) { Splits = splits });
            rules.Add(new BlockingRule("name (rarest or second rarest word, phonetic)", 2, (r, k) => words.Word(r, k)) { Splits = splits });
        }
        foreach (var f in new[] { LinkageField.NationalId, LinkageField.Passport, LinkageField.Phone })
        {
            if (Of(f) is { } c)
            {
                var keys = OneSlipKeys(c, (int)f + 100);
                rules.Add(new BlockingRule(LinkageFields.Name(f) + " (up to one typing slip)", MaxDocumentLength + 1, (r, k) => keys(r, k)) { Splits = splits });
            }
        }
        if (birth is not null)
        {
            rules.Add(new BlockingRule(LinkageFields.Name(LinkageField.BirthDate), r => Code(birth, r, (int)LinkageField.BirthDate + 100)) { Splits = splits });
        }
        if (postcode is not null)
        {
            rules.Add(new BlockingRule("postcode + last name", r => Both(Code(postcode, r, 2), LastName(r))) { Splits = splits });
            if (street is not null)
            {
                rules.Add(new BlockingRule("postcode + street number", r => Both(Code(postcode, r, 3), Code(street, r, 4))) { Splits = splits });
            }
        }
        if (locality is not null && postcode is not null)
        {
            rules.Add(new BlockingRule("locality + postcode", r => Both(Code(locality, r, 8), Code(postcode, r, 9))) { Splits = splits });
        }
        if (address is not null)
        {
            rules.Add(new BlockingRule("address + last name", r => Both(Code(address, r, 6), LastName(r))) { Splits = splits });
            rules.Add(new BlockingRule("address", r => Code(address, r, 13)) { Splits = splits });
            if (street is not null)
            {
                rules.Add(new BlockingRule("address + street number", r => Both(Code(address, r, 10), Code(street, r, 11))) { Splits = splits });
            }
        }
        return rules;
    }

    /// <summary>
    /// The words of each record's names as phonetic codes (<see cref="Phonetic"/>), initials left out, ordered from
    /// the least to the most common in this dataset: how common a word is comes from the data, so "Muhammad" in a
    /// Pakistani file and "Smith" in an English one are both recognised as poor keys without a list of them.
    /// </summary>
    private sealed class NameWords
    {
        private const int Kept = 3;
        private readonly long[] _words;

        private NameWords(long[] words) => _words = words;

        /// <summary>The record's <paramref name="rank"/>-th rarest name word (0 the rarest), 0 when it has fewer words.</summary>
        public long Word(int record, int rank) => _words[(record * Kept) + rank];

        /// <summary>The rarest word with the second (key 0) or the third (key 1) rarest, in either order.</summary>
        public long RarestPair(int record, int key)
        {
            var a = _words[record * Kept];
            var b = _words[(record * Kept) + 1 + key];
            return a == 0 || b == 0 ? 0 : Mix(Math.Min(a, b), Math.Max(a, b), 19);
        }

        public static NameWords Of(NameComparison[] names)
        {
            var records = names[0].Records;
            // phonetic codes per distinct value of each column, not per record: names repeat
            var perValue = names.Select(c => new long[c.DistinctValues][]).ToArray();
            for (var n = 0; n < names.Length; n++)
            {
                var c = names[n];
                var codes = perValue[n];
                for (var r = 0; r < records; r++)
                {
                    var v = c.Code(r);
                    if (v >= 0 && codes[v] is null)
                    {
                        codes[v] = [.. c.TokensOf(r).Where(t => t.Text.Length > 1).Select(t => Phonetic((t.Text, t.Group, t.Skeleton), c.Knowledge)).Distinct()];
                    }
                }
            }
            var counts = new Dictionary<long, int>();
            var list = new List<long>(8);
            for (var r = 0; r < records; r++)
            {
                Collect(names, perValue, r, list);
                foreach (var w in list)
                {
                    counts[w] = counts.GetValueOrDefault(w) + 1;
                }
            }
            var words = new long[records * Kept];
            for (var r = 0; r < records; r++)
            {
                Collect(names, perValue, r, list);
                list.Sort((x, y) => counts[x] != counts[y] ? counts[x].CompareTo(counts[y]) : x.CompareTo(y));
                for (var i = 0; i < Math.Min(Kept, list.Count); i++)
                {
                    words[(r * Kept) + i] = list[i];
                }
            }
            return new NameWords(words);
        }

        private static void Collect(NameComparison[] names, long[][][] perValue, int record, List<long> list)
        {
            list.Clear();
            for (var n = 0; n < names.Length; n++)
            {
                var v = names[n].Code(record);
                if (v < 0)
                {
                    continue;
                }
                foreach (var w in perValue[n][v])
                {
                    if (!list.Contains(w))
                    {
                        list.Add(w);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Keys that meet when two numbers differ by at most one typing slip (a wrong, missing, extra or swapped
    /// character): the number itself (key 0) and the number with its k-th character deleted (key k). Computed once
    /// per distinct number.
    /// </summary>
    private static Func<int, int, long> OneSlipKeys(Comparison c, int salt)
    {
        // one cache per rule; a rule's keys are made by one thread
        var cache = new long[]?[c.DistinctValues];
        long[] Of(int record)
        {
            var value = c.Standardised(record) ?? "";
            var keys = new long[Math.Min(value.Length, MaxDocumentLength) + 1];
            keys[0] = Mix(Hash(value), salt, 23);
            for (var i = 0; i < keys.Length - 1; i++)
            {
                keys[i + 1] = Mix(Hash(string.Concat(value.AsSpan(0, i), value.AsSpan(i + 1))), salt, 23);
            }
            return keys;
        }
        return (r, k) =>
        {
            var code = c.Code(r);
            if (code < 0)
            {
                return 0;
            }
            var keys = cache[code] ??= Of(r);
            return k < keys.Length ? keys[k] : 0;
        };
    }

    /// <summary>
    /// Distinct candidate pairs, each packed as (lower record index &lt;&lt; 32 | higher), sorted. For linkage only
    /// pairs across the two sources are kept. Rules run in parallel.
    /// </summary>
    public static ulong[] CandidatePairs(LinkageDataset dataset, IReadOnlyList<BlockingRule> rules, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0)
        {
            return [];
        }
        var n = dataset.Count;
        var sources = new byte[n];
        if (dataset.IsLinkage)
        {
            for (var r = 0; r < n; r++)
            {
                sources[r] = (byte)dataset.Source(r);
            }
        }
        var perRule = new ulong[rules.Count][];
        var messages = new string[rules.Count];
        Parallel.For(0, rules.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var stats = new RuleStatistics();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            perRule[i] = RulePairs(n, rules[i], dataset.IsLinkage ? sources : null, stats);
            messages[i] = $"blocking: {rules[i].Name}: {perRule[i].Length:N0} pairs ({clock.Elapsed.TotalSeconds:F1} s), largest block {stats.Largest:N0}" +
                (stats.Split > 0 ? $", {stats.Split:N0} blocks over {MaxBlockSize} split" : "") +
                (stats.Windowed > 0 ? $", {stats.Windowed:N0} compared along a window of {Window}" : "");
        });
        foreach (var m in messages)
        {
            progress?.Invoke(m);
        }
        return Union(perRule, n);
    }

    private sealed class RuleStatistics
    {
        public int Largest;
        public int Split;
        public int Windowed;
    }

    /// <summary>The distinct pairs of one rule, sorted.</summary>
    private static ulong[] RulePairs(int n, BlockingRule rule, byte[]? sources, RuleStatistics stats)
    {
        var keys = new long[(long)n * rule.KeysPerRecord];
        var records = new int[keys.Length];
        var count = 0;
        for (var r = 0; r < n; r++)
        {
            for (var i = 0; i < rule.KeysPerRecord; i++)
            {
                var k = rule.Key(r, i);
                if (k != 0)
                {
                    keys[count] = k;
                    records[count] = r;
                    count++;
                }
            }
        }
        Array.Sort(keys, records, 0, count);
        var pairs = new List<ulong>();
        var subKeys = new long[Math.Min(count, 1 << 16)];
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }
            stats.Largest = Math.Max(stats.Largest, end - start);
            Block(records, start, end, rule.Splits, 0, sources, pairs, ref subKeys, stats);
            start = end;
        }
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs);
        span.Sort();
        return Distinct(span).ToArray();
    }

    /// <summary>Pairs of one block: all of them when small, else those of its parts by the next second key, else along a window.</summary>
    private static void Block(int[] records, int start, int end, IReadOnlyList<Func<int, long>> splits, int depth, byte[]? sources, List<ulong> pairs, ref long[] subKeys, RuleStatistics stats, bool alternatives = true)
    {
        var size = end - start;
        if (size <= MaxBlockSize)
        {
            for (var i = start; i < end; i++)
            {
                for (var j = i + 1; j < end; j++)
                {
                    Add(records[i], records[j], sources, pairs);
                }
            }
            return;
        }
        if (depth >= splits.Count)
        {
            // nothing left to split on: each record meets its neighbours in the order of the last key
            stats.Windowed++;
            for (var i = start; i < end; i++)
            {
                for (var j = i + 1; j < Math.Min(end, i + 1 + Window); j++)
                {
                    Add(records[i], records[j], sources, pairs);
                }
            }
            return;
        }
        stats.Split++;
        if (depth == 0 && alternatives && splits.Count > 1)
        {
            // split two ways, each followed by the remaining keys: a person who moved still meets by birth year, one
            // whose birth year is missing or mistyped still meets by place
            var copy = records[start..end];
            Block(records, start, end, [splits[0], .. splits.Skip(2)], 0, sources, pairs, ref subKeys, stats, false);
            Block(copy, 0, size, [splits[1], .. splits.Skip(2)], 0, sources, pairs, ref subKeys, stats, false);
            return;
        }
        if (subKeys.Length < size)
        {
            subKeys = new long[size];
        }
        var split = splits[depth];
        for (var i = start; i < end; i++)
        {
            subKeys[i - start] = split(records[i]);
        }
        var keySpan = subKeys.AsSpan(0, size);
        keySpan.Sort(records.AsSpan(start, size));
        var parts = new List<(int Start, int End)>();
        for (var s = 0; s < size;)
        {
            var e = s + 1;
            while (e < size && subKeys[e] == subKeys[s])
            {
                e++;
            }
            parts.Add((start + s, start + e));
            s = e;
        }
        if (parts.Count == 1)
        {
            Block(records, start, end, splits, depth + 1, sources, pairs, ref subKeys, stats);
            return;
        }
        foreach (var (s, e) in parts)
        {
            Block(records, s, e, splits, depth + 1, sources, pairs, ref subKeys, stats);
        }
    }

    private static void Add(int a, int b, byte[]? sources, List<ulong> pairs)
    {
        if (a == b || (sources is not null && sources[a] == sources[b]))
        {
            return;
        }
        pairs.Add(Pack(a, b));
    }

    private static Span<ulong> Distinct(Span<ulong> sorted)
    {
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                sorted[distinct++] = sorted[i];
            }
        }
        return sorted[..distinct];
    }

    /// <summary>The sorted union of sorted pair lists: scattered by their first record into ranges sorted in parallel.</summary>
    private static ulong[] Union(ulong[][] lists, int records)
    {
        var parts = Math.Max(1, Environment.ProcessorCount * 4);
        var width = Math.Max(1, (records + parts - 1) / parts);
        var counts = new long[parts];
        foreach (var list in lists)
        {
            foreach (var p in list)
            {
                counts[Left(p) / width]++;
            }
        }
        var offsets = new long[parts + 1];
        for (var i = 0; i < parts; i++)
        {
            offsets[i + 1] = offsets[i] + counts[i];
        }
        var all = new ulong[offsets[parts]];
        var next = (long[])offsets.Clone();
        foreach (var list in lists)
        {
            foreach (var p in list)
            {
                all[next[Left(p) / width]++] = p;
            }
        }
        var lengths = new int[parts];
        Parallel.For(0, parts, i =>
        {
            var span = all.AsSpan((int)offsets[i], (int)counts[i]);
            span.Sort();
            lengths[i] = Distinct(span).Length;
        });
        long total = 0;
        for (var i = 0; i < parts; i++)
        {
            Array.Copy(all, offsets[i], all, total, lengths[i]);
            total += lengths[i];
        }
        Array.Resize(ref all, (int)total);
        return all;
    }

    public static int Left(ulong pair) => (int)(pair >> 32);
    public static int Right(ulong pair) => (int)(uint)pair;
    public static ulong Pack(int a, int b) => a < b ? ((ulong)a << 32) | (uint)b : ((ulong)b << 32) | (uint)a;

    /// <summary>
    /// A phonetic code of a name token: its transliteration group (or the group of a known spelling with the same
    /// consonant skeleton), else the first four letters of its consonant skeleton.
    /// </summary>
    private static long Phonetic((string Text, int Group, string Skeleton) token, NameKnowledge knowledge)
    {
        var group = token.Group >= 0 ? token.Group : knowledge.GroupOfSkeleton(token.Skeleton);
        return group >= 0 ? Mix(group, 0, 7) : Mix(Hash(token.Skeleton.Length > 4 ? token.Skeleton[..4] : token.Skeleton), 1, 7);
    }

    private static long First(NameComparison c, int r) => c.FirstToken(r) is { } t ? Phonetic(t, c.Knowledge) : 0;
    private static long Last(NameComparison c, int r) => c.LastToken(r) is { } t ? Phonetic(t, c.Knowledge) : 0;
    private static long Code(Comparison c, int r, int salt) => c.Code(r) < 0 ? 0 : Mix(c.Code(r), salt, 11);

    private static long Year(Comparison birth, int r) => birth.Standardised(r) is { Length: 8 } d ? Mix(Hash(d[..4]), 0, 13) : 0;

    private static long Both(long a, long b) => a == 0 || b == 0 ? 0 : Mix(a, b, 17);

    private static long Hash(string s)
    {
        var h = 1469598103934665603L;
        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211L;
        }
        return h;
    }

    private static long Mix(long a, long b, long salt)
    {
        unchecked
        {
            var h = (a * -7046029254386353131L) ^ (b + (salt * -4658895280553007687L));
            h ^= (long)((ulong)h >> 31);
            h *= -7723592293110705685L;
            h ^= (long)((ulong)h >> 29);
            return h == 0 ? 1 : h;
        }
    }
}
