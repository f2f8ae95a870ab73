namespace Lantern.Core.Features.Linkage;

/// <summary>
/// Clusters links into persons: connected components of the pairs at or above the threshold, joined strongest link
/// first, with a guard against chains. Two groups of records join only when the evidence across them, summed over
/// every pair between them that was scored (in log2 odds), still favours one person. So A-B and B-C do not pull
/// A and C together when A and C were compared and clearly differ (two men called Muhammad Ali with different
/// fathers, dates of birth and CNICs, each close to a third record with only a name and a district).
/// </summary>
public static class PersonClusters
{
    /// <summary>Largest |A| x |B| the guard checks; bigger joins are refused (a person has few records, a chain many).</summary>
    public const int MaxGuardPairs = 250_000;

    /// <summary>
    /// The person of each record (0-based, in order of first record), and every pair of records put in one person
    /// with its weight: the stronger of the pair's own score and the link that joined their groups (the weakest
    /// link of the strongest path between them), so a pair is never reported below the threshold.
    /// </summary>
    public static (int[] Clusters, List<(ulong Pair, float Weight)> Links) Build(int records, ulong[] pairs, float[] weights, double threshold)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(weights);
        var cut = (float)Math.Log2(threshold / (1 - threshold));
        var links = Enumerable.Range(0, pairs.Length).Where(p => weights[p] >= cut).ToArray();
        Array.Sort([.. links.Select(p => -weights[p])], links);

        var joined = new List<(ulong Pair, float Weight)>();
        var parent = Enumerable.Range(0, records).ToArray();
        var members = new List<int>?[records];
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        List<int> Members(int root) => members[root] ??= [root];

        foreach (var p in links)
        {
            var a = Find(Blocking.Left(pairs[p]));
            var b = Find(Blocking.Right(pairs[p]));
            if (a == b)
            {
                continue;
            }
            var ma = Members(a);
            var mb = Members(b);
            if (ma.Count > 1 || mb.Count > 1)
            {
                if ((long)ma.Count * mb.Count > MaxGuardPairs || Evidence(ma, mb, pairs, weights) <= 0)
                {
                    continue;
                }
            }
            foreach (var x in ma)
            {
                foreach (var y in mb)
                {
                    var key = Blocking.Pack(x, y);
                    var i = Array.BinarySearch(pairs, key);
                    joined.Add((key, i >= 0 ? Math.Max(weights[i], weights[p]) : weights[p]));
                }
            }
            if (ma.Count < mb.Count)
            {
                (a, b, ma, mb) = (b, a, mb, ma);
            }
            parent[b] = a;
            ma.AddRange(mb);
            members[b] = null;
        }

        var clusters = new int[records];
        var numbers = new Dictionary<int, int>();
        for (var r = 0; r < records; r++)
        {
            var root = Find(r);
            if (!numbers.TryGetValue(root, out var number))
            {
                number = numbers.Count;
                numbers.Add(root, number);
            }
            clusters[r] = number;
        }
        return (clusters, joined);
    }

    private static double Evidence(List<int> a, List<int> b, ulong[] pairs, float[] weights)
    {
        var sum = 0.0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var i = Array.BinarySearch(pairs, Blocking.Pack(x, y));
                if (i >= 0)
                {
                    sum += weights[i];
                }
            }
        }
        return sum;
    }
}
