namespace Lantern.Core.Features.Linkage;

/// <summary>String measures used by the comparators. Allocation-free for strings up to 128 characters.</summary>
public static class StringSimilarity
{
    /// <summary>Jaro-Winkler similarity in [0,1] (prefix scale 0.1, up to 4 characters).</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }
        if (a.SequenceEqual(b))
        {
            return 1;
        }
        if (a.Length > b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }
        var window = Math.Max(0, (b.Length / 2) - 1);
        Span<bool> matchedB = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        Span<bool> matchedA = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }
            while (!matchedB[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3;
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>
    /// An upper bound of <see cref="JaroWinkler"/> from character counts alone (no alignment): the matching characters
    /// cannot outnumber the characters the two strings share. Cheap, so clearly different values (two addresses, two
    /// random pairs) are told apart without the full measure; never below the true similarity.
    /// </summary>
    public static double JaroWinklerUpperBound(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }
        double shared = SharedCharacters(a, b);
        if (shared == 0)
        {
            return 0;
        }
        var jaro = ((shared / a.Length) + (shared / b.Length) + 1) / 3;
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return Math.Min(1, jaro + (prefix * 0.1 * (1 - jaro)));
    }

    /// <summary>
    /// A lower bound of the <see cref="DamerauLevenshtein"/> distance from character counts: a substitution changes
    /// the counts by two, an insertion or deletion by one, a transposition not at all.
    /// </summary>
    public static int EditDistanceLowerBound(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        (a.Length + b.Length - (2 * SharedCharacters(a, b)) + 1) / 2;

    /// <summary>
    /// How many characters the two strings have in common counted as multisets, over 64 bins of character codes (two
    /// characters in one bin count as one, which can only raise the count, so bounds built on it stay bounds).
    /// </summary>
    private static int SharedCharacters(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<int> counts = stackalloc int[64];
        foreach (var c in a)
        {
            counts[c & 63]++;
        }
        var shared = 0;
        foreach (var c in b)
        {
            if (counts[c & 63]-- > 0)
            {
                shared++;
            }
        }
        return shared;
    }

    /// <summary>
    /// Damerau-Levenshtein distance (optimal string alignment: insertion, deletion, substitution, transposition of
    /// neighbours), or <paramref name="limit"/> + 1 once it exceeds <paramref name="limit"/>.
    /// </summary>
    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        if (a.SequenceEqual(b))
        {
            return 0;
        }
        var width = b.Length + 1;
        if (width > 128)
        {
            return limit + 1;
        }
        Span<int> previous2 = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> current = stackalloc int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, previous2[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > limit)
            {
                return limit + 1;
            }
            var t = previous2;
            previous2 = previous;
            previous = current;
            current = t;
        }
        return Math.Min(previous[b.Length], limit + 1);
    }
}
