using System.Runtime.InteropServices;

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
}

/// <summary>
/// Candidate pairs: the union of several OR-ed blocking rules. A block larger than <see cref="MaxBlockSize"/>
/// (a very common name, a placeholder date) is skipped rather than compared in full: its records still meet
/// through the other rules.
/// </summary>
public static class Blocking
{
    public const int MaxBlockSize = 1000;

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
        var rules = new List<BlockingRule>();

        // first and last name token, in either order (so a swapped given and family name still meet)
        long FirstLast(int r)
        {
            var first = given is not null ? First(given, r) : full is not null ? First(full, r) : 0;
            var last = family is not null ? Last(family, r) : full is not null ? Last(full, r) : 0;
            return first == 0 || last == 0 ? 0 : Mix(Math.Min(first, last), Math.Max(first, last), 1);
        }
        long LastName(int r) => family is not null ? Last(family, r) : full is not null ? Last(full, r) : 0;
        long FirstName(int r) => given is not null ? First(given, r) : full is not null ? First(full, r) : 0;

        if (given is not null || family is not null || full is not null)
        {
            rules.Add(new BlockingRule("name (first and last, phonetic)", FirstLast));
            var names = new[] { given, family, full }.OfType<NameComparison>().ToArray();
            var rarest = RarestWords(names);
            rules.Add(new BlockingRule("name (rarest word with the second or third rarest, phonetic)", 2, (r, k) => rarest[(r * 2) + k]));
        }
        foreach (var f in new[] { LinkageField.BirthDate, LinkageField.NationalId, LinkageField.Passport, LinkageField.Phone })
        {
            if (Of(f) is { } c)
            {
                rules.Add(new BlockingRule(LinkageFields.Name(f), r => Code(c, r, (int)f + 100)));
            }
        }
        if (postcode is not null)
        {
            rules.Add(new BlockingRule("postcode + last name", r => Both(Code(postcode, r, 2), LastName(r))));
            if (street is not null)
            {
                rules.Add(new BlockingRule("postcode + street number", r => Both(Code(postcode, r, 3), Code(street, r, 4))));
            }
        }
        if (birth is not null)
        {
            rules.Add(new BlockingRule("birth year + first name", r => Both(Year(birth, r), FirstName(r))));
            rules.Add(new BlockingRule("birth year + last name", r => Both(Year(birth, r), LastName(r))));
        }
        if (locality is not null)
        {
            rules.Add(new BlockingRule("locality + first name", r => Both(Code(locality, r, 5), FirstName(r))));
            if (postcode is not null)
            {
                rules.Add(new BlockingRule("locality + postcode", r => Both(Code(locality, r, 8), Code(postcode, r, 9))));
            }
        }
        if (address is not null)
        {
            rules.Add(new BlockingRule("address + last name", r => Both(Code(address, r, 6), LastName(r))));
            if (street is not null)
            {
                rules.Add(new BlockingRule("address + street number", r => Both(Code(address, r, 10), Code(street, r, 11))));
            }
        }
        return rules;
    }

    /// <summary>
    /// Keys from the least common word of a record's names (initials ignored) with the second and with the third
    /// least common, in either order: "Muhammad Aslam Butt" and "M. Aslam Butt" meet on Aslam + Butt although their
    /// first words differ, and the many Muhammads of a Pakistani file do not make one giant block. Records with a
    /// single word have no key here. Two keys per record, record-major.
    /// </summary>
    private static long[] RarestWords(NameComparison[] names)
    {
        var records = names[0].Records;
        var counts = new Dictionary<long, int>();
        var words = new List<long>[records];
        for (var r = 0; r < records; r++)
        {
            var list = new List<long>(4);
            foreach (var c in names)
            {
                foreach (var t in c.TokensOf(r))
                {
                    if (t.Text.Length > 1)
                    {
                        var code = Phonetic((t.Text, t.Group, t.Skeleton));
                        if (!list.Contains(code))
                        {
                            list.Add(code);
                            counts[code] = counts.GetValueOrDefault(code) + 1;
                        }
                    }
                }
            }
            words[r] = list;
        }
        var keys = new long[records * 2];
        for (var r = 0; r < records; r++)
        {
            var list = words[r];
            if (list.Count < 2)
            {
                continue;
            }
            list.Sort((x, y) => counts[x] != counts[y] ? counts[x].CompareTo(counts[y]) : x.CompareTo(y));
            keys[r * 2] = Mix(Math.Min(list[0], list[1]), Math.Max(list[0], list[1]), 19);
            if (list.Count > 2)
            {
                keys[(r * 2) + 1] = Mix(Math.Min(list[0], list[2]), Math.Max(list[0], list[2]), 19);
            }
        }
        return keys;
    }

    /// <summary>
    /// Distinct candidate pairs, each packed as (lower record index &lt;&lt; 32 | higher), sorted. For linkage only
    /// pairs across the two sources are kept.
    /// </summary>
    public static ulong[] CandidatePairs(LinkageDataset dataset, IReadOnlyList<BlockingRule> rules, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rules);
        var n = dataset.Count;
        var pairs = new List<ulong>();
        if (rules.Count == 0)
        {
            return [];
        }
        var size = n * rules.Max(r => r.KeysPerRecord);
        var keys = new long[size];
        var records = new int[size];
        foreach (var rule in rules)
        {
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
            var before = pairs.Count;
            var skipped = 0;
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && keys[end] == keys[start])
                {
                    end++;
                }
                if (end - start > MaxBlockSize)
                {
                    skipped++;
                }
                else
                {
                    for (var i = start; i < end; i++)
                    {
                        for (var j = i + 1; j < end; j++)
                        {
                            var a = records[i];
                            var b = records[j];
                            if (a == b || (dataset.IsLinkage && dataset.Source(a) == dataset.Source(b)))
                            {
                                continue;
                            }
                            pairs.Add(a < b ? ((ulong)a << 32) | (uint)b : ((ulong)b << 32) | (uint)a);
                        }
                    }
                }
                start = end;
            }
            progress?.Invoke($"blocking: {rule.Name}: {pairs.Count - before:N0} pairs" + (skipped > 0 ? $", {skipped} blocks over {MaxBlockSize} records skipped" : ""));
        }
        var span = CollectionsMarshal.AsSpan(pairs);
        span.Sort();
        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[i - 1])
            {
                span[distinct++] = span[i];
            }
        }
        return span[..distinct].ToArray();
    }

    public static int Left(ulong pair) => (int)(pair >> 32);
    public static int Right(ulong pair) => (int)(uint)pair;
    public static ulong Pack(int a, int b) => a < b ? ((ulong)a << 32) | (uint)b : ((ulong)b << 32) | (uint)a;

    /// <summary>A phonetic code of a name token: its transliteration group, else the first four letters of its consonant skeleton.</summary>
    private static long Phonetic((string Text, int Group, string Skeleton) token) =>
        token.Group >= 0 ? Mix(token.Group, 0, 7) : Mix(Hash(token.Skeleton.Length > 4 ? token.Skeleton[..4] : token.Skeleton), 1, 7);

    private static long First(NameComparison c, int r) => c.FirstToken(r) is { } t ? Phonetic(t) : 0;
    private static long Last(NameComparison c, int r) => c.LastToken(r) is { } t ? Phonetic(t) : 0;
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
