using System.Numerics;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Pprl;

/// <summary>How candidate pairs are chosen before their Dice similarity is computed.</summary>
public enum ClkBlocking
{
    /// <summary>Hamming LSH: pairs agreeing on all sampled bits of at least one of several tables (ADR 0015).</summary>
    BitSampling,

    /// <summary>Every pair: no recall lost to blocking; time grows with the product of the two sizes (docs/benchmarks.md).</summary>
    Exhaustive,
}

/// <summary>Settings of a match; the defaults are the ones measured in docs/benchmarks.md.</summary>
public sealed record ClkMatchSettings
{
    /// <summary>Default Dice threshold, chosen on FEBRL (docs/benchmarks.md, "Privacy-preserving linkage").</summary>
    public const double DefaultThreshold = 0.75;

    public double Threshold { get; init; } = DefaultThreshold;
    public ClkBlocking Blocking { get; init; } = ClkBlocking.BitSampling;

    /// <summary>LSH tables; each is one independent chance for a true pair to meet.</summary>
    public int Tables { get; init; } = 40;

    /// <summary>Bits sampled per table (at most 20): more bits, fewer false candidates and lower recall per table.</summary>
    public int BitsPerTable { get; init; } = 14;

    /// <summary>
    /// A table's bucket holding more right records than this is skipped: records sharing common values (one region,
    /// one frequent name) agree on many bits and would otherwise be compared again and again; other tables still
    /// bring such a pair together.
    /// </summary>
    public int MaxBucket { get; init; } = 256;
}

/// <summary>Counts from a match, for progress and benchmarks (no scores).</summary>
public sealed record ClkMatchStatistics(long Compared, int AboveThreshold, int Assigned);

/// <summary>
/// Finds the records two parties share from their CLKs alone: Dice similarity (2|A∧B| / (|A| + |B|), by popcount)
/// of candidate pairs, then a one-to-one assignment, greedy best-first on the similarity. Similarities stay inside:
/// the result is pairs of record indexes.
/// </summary>
public static class ClkMatcher
{
    private const int Words = ClkSchema.Words;

    public static IReadOnlyList<(int Left, int Right)> Match(ClkSet left, ClkSet right, double threshold) =>
        Match(left, right, new ClkMatchSettings { Threshold = threshold }, out _);

    public static IReadOnlyList<(int Left, int Right)> Match(ClkSet left, ClkSet right, ClkMatchSettings settings, out ClkMatchStatistics statistics, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(settings);
        if (double.IsNaN(settings.Threshold) || settings.Threshold is <= 0 or > 1)
        {
            throw new ValidationException("--threshold", "must be above 0 and at most 1.");
        }
        if (settings.BitsPerTable is < 1 or > 20 || settings.Tables < 1)
        {
            throw new ValidationException(settings.Tables < 1 ? "--lsh-tables" : "--lsh-bits", "give at least one table of 1 to 20 bits.");
        }
        left.Schema.EnsureComparableWith(right.Schema, "--right");
        var leftWeights = Weights(left);
        var rightWeights = Weights(right);
        var candidates = settings.Blocking == ClkBlocking.Exhaustive
            ? Exhaustive(left, right, leftWeights, rightWeights, settings.Threshold, out var compared)
            : BitSampling(left, right, leftWeights, rightWeights, settings, out compared, progress);
        progress?.Invoke($"compared {compared:N0} pairs; {candidates.Count:N0} at or above {settings.Threshold}");
        var pairs = Assign(candidates);
        statistics = new ClkMatchStatistics(compared, candidates.Count, pairs.Count);
        return pairs;
    }

    /// <summary>A scored pair: Dice as a fraction common / total, kept integral so equal scores sort the same everywhere.</summary>
    private readonly record struct Scored(int Left, int Right, int Common, int Total);

    private static int[] Weights(ClkSet set)
    {
        var weights = new int[set.Count];
        for (var r = 0; r < set.Count; r++)
        {
            var w = 0;
            foreach (var word in set.Filter(r))
            {
                w += BitOperations.PopCount(word);
            }
            weights[r] = w;
        }
        return weights;
    }

    private static int Common(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) =>
        BitOperations.PopCount(a[0] & b[0]) + BitOperations.PopCount(a[1] & b[1]) + BitOperations.PopCount(a[2] & b[2]) + BitOperations.PopCount(a[3] & b[3])
        + BitOperations.PopCount(a[4] & b[4]) + BitOperations.PopCount(a[5] & b[5]) + BitOperations.PopCount(a[6] & b[6]) + BitOperations.PopCount(a[7] & b[7])
        + BitOperations.PopCount(a[8] & b[8]) + BitOperations.PopCount(a[9] & b[9]) + BitOperations.PopCount(a[10] & b[10]) + BitOperations.PopCount(a[11] & b[11])
        + BitOperations.PopCount(a[12] & b[12]) + BitOperations.PopCount(a[13] & b[13]) + BitOperations.PopCount(a[14] & b[14]) + BitOperations.PopCount(a[15] & b[15]);

    /// <summary>Every pair, in tiles that stay in the caches (64 left encodings against 2,048 right ones).</summary>
    private static List<Scored> Exhaustive(ClkSet left, ClkSet right, int[] leftWeights, int[] rightWeights, double threshold, out long compared)
    {
        const int LeftTile = 64, RightTile = 2048;
        var found = new List<Scored>();
        var gate = new Lock();
        var tiles = (left.Count + LeftTile - 1) / LeftTile;
        Parallel.For(0, tiles, () => new List<Scored>(), (tile, _, local) =>
        {
            var leftEnd = Math.Min(left.Count, (tile + 1) * LeftTile);
            for (var r0 = 0; r0 < right.Count; r0 += RightTile)
            {
                var rightEnd = Math.Min(right.Count, r0 + RightTile);
                for (var l = tile * LeftTile; l < leftEnd; l++)
                {
                    var a = left.Filter(l);
                    var wa = leftWeights[l];
                    for (var r = r0; r < rightEnd; r++)
                    {
                        var common = Common(a, right.Filter(r));
                        if (2.0 * common >= threshold * (wa + rightWeights[r]))
                        {
                            local.Add(new Scored(l, r, common, wa + rightWeights[r]));
                        }
                    }
                }
            }
            return local;
        }, local =>
        {
            lock (gate)
            {
                found.AddRange(local);
            }
        });
        compared = (long)left.Count * right.Count;
        return found;
    }

    /// <summary>
    /// Hamming LSH by bit sampling: per table, the right records are bucketed by the values of a fixed sample of bit
    /// positions; a left record is compared with the right records in its bucket of any table (each once). A true pair
    /// with Dice d agrees on a sampled bit with probability d for balanced filters, so it meets in a table with
    /// probability d^bits and is missed by all with (1 - d^bits)^tables (ADR 0015 gives the figures).
    /// </summary>
    private static List<Scored> BitSampling(ClkSet left, ClkSet right, int[] leftWeights, int[] rightWeights, ClkMatchSettings settings, out long compared, Action<string>? progress)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tables = settings.Tables;
        var bits = settings.BitsPerTable;
        var buckets = 1 << bits;
        // Positions set in about half the right records: a position most records share (a common region, sex or
        // bigram) splits nothing and makes a few huge buckets. The sample is drawn from a fixed seed (the matcher
        // holds no key); equal files give equal samples.
        var ones = new int[ClkSchema.Bits];
        for (var r = 0; r < right.Count; r++)
        {
            var filter = right.Filter(r);
            for (var p = 0; p < ClkSchema.Bits; p++)
            {
                ones[p] += (int)((filter[p >> 6] >> (p & 63)) & 1);
            }
        }
        var balanced = Enumerable.Range(0, ClkSchema.Bits)
            .OrderBy(p => Math.Abs(ones[p] - (right.Count / 2.0)))
            .Take(ClkSchema.Bits / 2)
            .ToArray();
        var random = new Random(20261123);
        var samples = new int[tables][];
        for (var t = 0; t < tables; t++)
        {
            var all = (int[])balanced.Clone();
            random.Shuffle(all);
            samples[t] = all[..bits];
        }
        // per table: right records sorted by key (counting sort), with bucket starts
        var starts = new int[tables][];
        var members = new int[tables][];
        Parallel.For(0, tables, t =>
        {
            var keys = new int[right.Count];
            var start = new int[buckets + 1];
            for (var r = 0; r < right.Count; r++)
            {
                keys[r] = Key(right.Filter(r), samples[t]);
                start[keys[r] + 1]++;
            }
            for (var b = 0; b < buckets; b++)
            {
                start[b + 1] += start[b];
            }
            var next = (int[])start.Clone();
            var order = new int[right.Count];
            for (var r = 0; r < right.Count; r++)
            {
                order[next[keys[r]]++] = r;
            }
            starts[t] = start;
            members[t] = order;
        });
        progress?.Invoke($"blocking: {tables} tables built in {clock.Elapsed.TotalSeconds:0.00} s");

        var found = new List<Scored>();
        var gate = new Lock();
        long total = 0;
        const int Chunk = 1024;
        var chunks = (left.Count + Chunk - 1) / Chunk;
        var threshold = settings.Threshold;
        var maxBucket = settings.MaxBucket;
        long skippedBuckets = 0;
        Parallel.For(0, chunks, () => (Seen: new int[right.Count], Found: new List<Scored>(), Compared: 0L), (chunk, _, local) =>
        {
            var seen = local.Seen;
            var end = Math.Min(left.Count, (chunk + 1) * Chunk);
            var comparedHere = 0L;
            var skipped = 0L;
            for (var l = chunk * Chunk; l < end; l++)
            {
                var a = left.Filter(l);
                var wa = leftWeights[l];
                var stamp = l + 1;
                for (var t = 0; t < tables; t++)
                {
                    var key = Key(a, samples[t]);
                    var start = starts[t];
                    var order = members[t];
                    if (start[key + 1] - start[key] > maxBucket)
                    {
                        skipped++;
                        continue;
                    }
                    for (var i = start[key]; i < start[key + 1]; i++)
                    {
                        var r = order[i];
                        if (seen[r] == stamp)
                        {
                            continue;
                        }
                        seen[r] = stamp;
                        comparedHere++;
                        var common = Common(a, right.Filter(r));
                        if (2.0 * common >= threshold * (wa + rightWeights[r]))
                        {
                            local.Found.Add(new Scored(l, r, common, wa + rightWeights[r]));
                        }
                    }
                }
            }
            Interlocked.Add(ref skippedBuckets, skipped);
            return (seen, local.Found, local.Compared + comparedHere);
        }, local =>
        {
            lock (gate)
            {
                found.AddRange(local.Found);
                total += local.Compared;
            }
        });
        compared = total;
        progress?.Invoke($"blocking: {tables} tables of {bits} bits sampled among the {balanced.Length} positions nearest half set; {total:N0} distinct pairs compared in {clock.Elapsed.TotalSeconds:0.00} s; {skippedBuckets:N0} lookups in buckets over {maxBucket} skipped");
        return found;
    }

    private static int Key(ReadOnlySpan<ulong> filter, int[] positions)
    {
        var key = 0;
        foreach (var p in positions)
        {
            key = (key << 1) | (int)((filter[p >> 6] >> (p & 63)) & 1);
        }
        return key;
    }

    /// <summary>
    /// One-to-one, greedy best-first: the most similar pair is taken, then its two records leave; ties by left, then
    /// right index, so the same files always give the same pairs.
    /// </summary>
    private static List<(int Left, int Right)> Assign(List<Scored> candidates)
    {
        candidates.Sort(static (x, y) =>
        {
            // x.Common / x.Total against y.Common / y.Total without rounding
            var c = ((long)y.Common * x.Total).CompareTo((long)x.Common * y.Total);
            return c != 0 ? c : x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right);
        });
        var leftUsed = new HashSet<int>();
        var rightUsed = new HashSet<int>();
        var pairs = new List<(int Left, int Right)>();
        foreach (var c in candidates)
        {
            if (!leftUsed.Contains(c.Left) && !rightUsed.Contains(c.Right))
            {
                leftUsed.Add(c.Left);
                rightUsed.Add(c.Right);
                pairs.Add((c.Left, c.Right));
            }
        }
        return pairs;
    }
}
