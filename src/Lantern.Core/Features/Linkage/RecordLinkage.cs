using System.Diagnostics;

namespace Lantern.Core.Features.Linkage;

/// <summary>Settings of a linkage run. The defaults are the ones measured in docs/benchmarks.md; nothing is tuned per dataset.</summary>
public sealed record LinkageSettings
{
    public double Threshold { get; init; } = 0.5;

    /// <summary>Random pairs counted for the u probabilities (all pairs when there are fewer).</summary>
    public int RandomPairs { get; init; } = 1_000_000;

    public int MaxIterations { get; init; } = 200;

    /// <summary>
    /// How far EM may raise the prior above the strict rules' estimate (a factor). 1: EM estimates the m probabilities
    /// only and the prior stays where the strict rules put it (see the note where it is used).
    /// </summary>
    public double PriorHeadroom { get; init; } = 1;

    public int Seed { get; init; } = 20261123;
}

/// <summary>
/// Unsupervised probabilistic record linkage (Fellegi-Sunter) over a <see cref="LinkageDataset"/>: standardise and
/// intern every column, block (<see cref="Blocking"/>), count u on random pairs, estimate the prior from strict rules
/// and m by expectation-maximisation, score every candidate pair with term-frequency adjustments, and cluster the
/// links into persons (<see cref="PersonClusters"/>). Pure computation: no database, no clock, no labels.
/// </summary>
public static class RecordLinkage
{
    public static LinkageResult Link(LinkageDataset dataset, LinkageSettings? settings = null, Action<string>? progress = null, NameKnowledge? names = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        settings ??= new LinkageSettings();
        names ??= NameKnowledge.Bundled;
        var clock = Stopwatch.StartNew();
        void Say(string message) => progress?.Invoke($"[{clock.Elapsed.TotalSeconds,6:F1}s] {message}");

        var comparisons = Compare(dataset, names);
        Say($"standardised {dataset.Count:N0} records, {comparisons.Count} columns: {string.Join(", ", comparisons.Select(c => $"{c.Column.Name}={LinkageFields.Name(c.Column.Field)}"))}");
        var rules = Blocking.Rules(comparisons);
        var pairs = Blocking.CandidatePairs(dataset, rules, m => Say(m));
        Say($"blocking: {pairs.Length:N0} candidate pairs");

        var levels = Levels(comparisons, pairs);
        Say($"compared {pairs.Length:N0} pairs");
        var model = Train(dataset, comparisons, pairs, levels, settings, Say);
        var weights = Score(model, pairs, levels);
        Say($"scored {pairs.Length:N0} pairs; {weights.Count(w => LinkageModel.Probability(w) >= settings.Threshold):N0} at or above {settings.Threshold}");
        var (clusters, links) = PersonClusters.Build(dataset.Count, pairs, weights, settings.Threshold);
        Say($"clustered into {clusters.Max() + 1:N0} persons; {links.Count:N0} pairs of records in the same person");
        return new LinkageResult(dataset, model, pairs, weights, clusters, links, settings.Threshold);
    }

    internal static List<Comparison> Compare(LinkageDataset dataset, NameKnowledge names)
    {
        // columns are standardised independently of each other: in parallel
        var list = new Comparison[dataset.Columns.Count];
        Parallel.For(0, list.Length, c =>
        {
            var raw = new string?[dataset.Count];
            for (var r = 0; r < raw.Length; r++)
            {
                raw[r] = dataset.Value(r, c);
            }
            list[c] = Comparison.For(dataset.Columns[c], raw, names);
        });
        return [.. list];
    }

    /// <summary>
    /// Comparison levels of every pair, pair-major (pairs x columns), -1 as 255 for missing. A given name and family
    /// name written the other way round (common when a form has one "name" box, and in South Asian naming where
    /// the family name is optional) both count as a variant "in another word order".
    /// </summary>
    internal static byte[] Levels(IReadOnlyList<Comparison> comparisons, ulong[] pairs)
    {
        var width = comparisons.Count;
        var given = comparisons.ToList().FindIndex(c => c.Column.Field == LinkageField.GivenName);
        var family = comparisons.ToList().FindIndex(c => c.Column.Field == LinkageField.FamilyName);
        var swap = given >= 0 && family >= 0;
        var levels = new byte[pairs.LongLength * width];
        Parallel.For(0, (pairs.Length + 4095) / 4096, chunk =>
        {
            var end = Math.Min(pairs.Length, (chunk + 1) * 4096);
            for (var p = chunk * 4096; p < end; p++)
            {
                var a = Blocking.Left(pairs[p]);
                var b = Blocking.Right(pairs[p]);
                var row = (long)p * width;
                for (var c = 0; c < width; c++)
                {
                    levels[row + c] = (byte)comparisons[c].Level(a, b);
                }
                if (swap && Swapped(comparisons, given, family, a, b, levels[row + given], levels[row + family]))
                {
                    levels[row + given] = NameComparison.Variant;
                    levels[row + family] = NameComparison.Variant;
                }
            }
        });
        return levels;
    }

    private static bool Swapped(IReadOnlyList<Comparison> comparisons, int given, int family, int a, int b, byte givenLevel, byte familyLevel)
    {
        if (givenLevel is < NameComparison.Partial or 255 || familyLevel is < NameComparison.Partial or 255)
        {
            return false;
        }
        var g = (NameComparison)comparisons[given];
        var f = (NameComparison)comparisons[family];
        return g.CrossLevel(a, f, b) is >= 0 and <= NameComparison.Close && f.CrossLevel(a, g, b) is >= 0 and <= NameComparison.Close;
    }

    internal static LinkageModel Train(LinkageDataset dataset, IReadOnlyList<Comparison> comparisons, ulong[] pairs, byte[] levels, LinkageSettings settings, Action<string> say)
    {
        var width = comparisons.Count;
        var totalPairs = TotalPairs(dataset);

        // u: level frequencies over random pairs
        var sample = RandomPairs(dataset, settings.RandomPairs, settings.Seed);
        var sampleLevels = Levels(comparisons, sample);
        var u = new double[width][];
        for (var c = 0; c < width; c++)
        {
            var counts = new double[comparisons[c].Levels.Count];
            for (long p = 0; p < sample.Length; p++)
            {
                var l = sampleLevels[(p * width) + c];
                if (l != 255)
                {
                    counts[l]++;
                }
            }
            var total = counts.Sum();
            // a pseudo-count keeps a level never seen between random records possible, but rare
            u[c] = [.. counts.Select(n => (n + 0.5) / (total + (0.5 * counts.Length)))];
        }
        say($"u probabilities from {sample.Length:N0} random pairs");

        // comparison vectors are few: EM runs over distinct patterns with their counts
        var patterns = new Dictionary<ulong, long>();
        for (long p = 0; p < pairs.Length; p++)
        {
            ulong key = 0;
            for (var c = 0; c < width; c++)
            {
                var l = levels[(p * width) + c];
                key |= (ulong)(l == 255 ? 15 : l) << (4 * c);
            }
            patterns[key] = patterns.GetValueOrDefault(key) + 1;
        }
        var keys = patterns.Keys.ToArray();
        var counts2 = keys.Select(k => (double)patterns[k]).ToArray();
        int LevelOf(ulong key, int c) => (int)((key >> (4 * c)) & 15) is var l && l == 15 ? -1 : l;

        // prior from strict rules: candidate pairs that agree exactly on what identifies a person
        var strict = 0.0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (Strict(comparisons, c => LevelOf(keys[i], c)))
            {
                strict += counts2[i];
            }
        }
        var prior = Math.Clamp(Math.Max(strict, 1) / totalPairs, 1e-12, 0.5);
        say($"prior from strict rules: {strict:N0} pairs of {totalPairs:N0} ({prior:E3})");

        var m = new double[width][];
        for (var c = 0; c < width; c++)
        {
            var n = comparisons[c].Levels.Count;
            m[c] = new double[n];
            m[c][0] = n == 2 ? 0.95 : 0.85;
            m[c][n - 1] = 0.05;
            for (var l = 1; l < n - 1; l++)
            {
                m[c][l] = 0.10 / (n - 2);
            }
        }

        // The prior stays at the strict rules' estimate (PriorHeadroom 1): on large files with common names and places,
        // a prior that EM may raise takes "same locality and region" for a match (60,000 generated records: F1 0.04
        // unbounded, 0.27 with a fourfold bound, 0.96 fixed; FEBRL unchanged at 1.0). See docs/benchmarks.md.
        var ceiling = Math.Min(0.5, prior * settings.PriorHeadroom);
        var history = new List<double>();
        var converged = false;
        var iteration = 0;
        while (iteration < settings.MaxIterations && !converged)
        {
            iteration++;
            var sums = new double[width][];
            var present = new double[width];
            for (var c = 0; c < width; c++)
            {
                sums[c] = new double[m[c].Length];
            }
            var expectedMatches = 0.0;
            for (var i = 0; i < keys.Length; i++)
            {
                var w = Math.Log2(prior / (1 - prior));
                for (var c = 0; c < width; c++)
                {
                    var l = LevelOf(keys[i], c);
                    if (l >= 0)
                    {
                        w += Math.Log2(m[c][l] / u[c][l]);
                    }
                }
                var posterior = LinkageModel.Probability(w) * counts2[i];
                expectedMatches += posterior;
                for (var c = 0; c < width; c++)
                {
                    var l = LevelOf(keys[i], c);
                    if (l >= 0)
                    {
                        sums[c][l] += posterior;
                        present[c] += posterior;
                    }
                }
            }
            var change = 0.0;
            for (var c = 0; c < width; c++)
            {
                for (var l = 0; l < m[c].Length; l++)
                {
                    var next = (sums[c][l] + 0.01) / (present[c] + (0.01 * m[c].Length));
                    change = Math.Max(change, Math.Abs(next - m[c][l]));
                    m[c][l] = next;
                }
            }
            var nextPrior = Math.Clamp(expectedMatches / totalPairs, 1e-12, ceiling);
            change = Math.Max(change, Math.Abs(nextPrior - prior) / prior);
            prior = nextPrior;
            history.Add(prior);
            converged = change < 1e-6;
        }
        say($"EM: {iteration} iterations, {(converged ? "converged" : "not converged")}; prior {prior:E3} ({prior * totalPairs:N0} expected matching pairs)");
        for (var c = 0; c < width; c++)
        {
            say($"  {comparisons[c].Column.Name}: " + string.Join("; ", comparisons[c].Levels.Select((name, l) => $"{name} m={m[c][l]:G3} u={u[c][l]:G3}")));
        }
        return new LinkageModel(comparisons, m, u, prior, iteration, converged, history);
    }

    /// <summary>
    /// The strict rules: exact on an identity document number and the birth date; or exact on every name column
    /// and on the birth date or a document or phone number. Without a birth date or document, exact on every name
    /// column and on three quarters of the other columns both records hold.
    /// </summary>
    internal static bool Strict(IReadOnlyList<Comparison> comparisons, Func<int, int> level)
    {
        bool Exact(LinkageField f)
        {
            var i = Index(comparisons, f);
            return i >= 0 && level(i) == 0;
        }
        var names = Enumerable.Range(0, comparisons.Count).Where(i => comparisons[i].Column.Field is LinkageField.GivenName or LinkageField.FamilyName or LinkageField.FullName).ToList();
        var allNames = names.Count > 0 && names.All(i => level(i) == 0);
        var document = Exact(LinkageField.NationalId) || Exact(LinkageField.Passport);
        if ((document && Exact(LinkageField.BirthDate)) || (allNames && (Exact(LinkageField.BirthDate) || document || Exact(LinkageField.Phone))))
        {
            return true;
        }
        if (Index(comparisons, LinkageField.BirthDate) >= 0 || Index(comparisons, LinkageField.NationalId) >= 0 || Index(comparisons, LinkageField.Passport) >= 0)
        {
            return false;
        }
        var others = Enumerable.Range(0, comparisons.Count).Except(names).Where(i => level(i) >= 0).ToList();
        return allNames && others.Count >= 2 && others.Count(i => level(i) == 0) * 4 >= others.Count * 3;
    }

    private static int Index(IReadOnlyList<Comparison> comparisons, LinkageField field)
    {
        for (var i = 0; i < comparisons.Count; i++)
        {
            if (comparisons[i].Column.Field == field)
            {
                return i;
            }
        }
        return -1;
    }

    internal static double TotalPairs(LinkageDataset dataset)
    {
        if (!dataset.IsLinkage)
        {
            return (double)dataset.Count * (dataset.Count - 1) / 2;
        }
        var left = Enumerable.Range(0, dataset.Count).Count(r => dataset.Source(r) == 0);
        return (double)left * (dataset.Count - left);
    }

    /// <summary>Random distinct-record pairs (across sources for linkage); every pair when there are at most <paramref name="count"/>.</summary>
    internal static ulong[] RandomPairs(LinkageDataset dataset, int count, int seed)
    {
        var n = dataset.Count;
        var all = new List<ulong>();
        if (TotalPairs(dataset) <= count)
        {
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    if (!dataset.IsLinkage || dataset.Source(a) != dataset.Source(b))
                    {
                        all.Add(Blocking.Pack(a, b));
                    }
                }
            }
            return [.. all];
        }
        var random = new Random(seed);
        var left = Enumerable.Range(0, n).Where(r => !dataset.IsLinkage || dataset.Source(r) == 0).ToArray();
        var right = dataset.IsLinkage ? Enumerable.Range(0, n).Where(r => dataset.Source(r) == 1).ToArray() : left;
        var pairs = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            int a, b;
            do
            {
                a = left[random.Next(left.Length)];
                b = right[random.Next(right.Length)];
            }
            while (a == b);
            pairs[i] = Blocking.Pack(a, b);
        }
        return pairs;
    }

    /// <summary>Match weight (log2 odds) of every candidate pair, with term-frequency adjustments.</summary>
    internal static float[] Score(LinkageModel model, ulong[] pairs, byte[] levels)
    {
        var comparisons = model.Comparisons;
        var width = comparisons.Count;
        var table = new double[width][];
        for (var c = 0; c < width; c++)
        {
            table[c] = [.. Enumerable.Range(0, comparisons[c].Levels.Count).Select(l => model.Weight(c, l))];
        }
        var weights = new float[pairs.Length];
        Parallel.For(0, (pairs.Length + 4095) / 4096, chunk =>
        {
            var end = Math.Min(pairs.Length, (chunk + 1) * 4096);
            for (var p = chunk * 4096; p < end; p++)
            {
                var w = model.PriorWeight;
                for (var c = 0; c < width; c++)
                {
                    var l = levels[((long)p * width) + c];
                    if (l == 255)
                    {
                        continue;
                    }
                    w += table[c][l];
                    if (l == 0)
                    {
                        w += model.TermFrequencyAdjustment(c, comparisons[c].Frequency(Blocking.Left(pairs[p])));
                    }
                }
                weights[p] = (float)w;
            }
        });
        return weights;
    }
}

/// <summary>The outcome of <see cref="RecordLinkage.Link"/>: scored candidate pairs, the model, and persons (clusters).</summary>
public sealed class LinkageResult
{
    private readonly ulong[] _pairs;
    private readonly float[] _weights;
    private readonly int[] _clusters;
    private readonly List<(ulong Pair, float Weight)> _links;

    internal LinkageResult(LinkageDataset dataset, LinkageModel model, ulong[] pairs, float[] weights, int[] clusters, List<(ulong Pair, float Weight)> links, double threshold)
    {
        _links = links;
        Dataset = dataset;
        Model = model;
        _pairs = pairs;
        _weights = weights;
        _clusters = clusters;
        Threshold = threshold;
    }

    public LinkageDataset Dataset { get; }
    public LinkageModel Model { get; }
    public double Threshold { get; }
    public int CandidatePairs => _pairs.Length;

    /// <summary>The person (0-based cluster number) of each record, in record order.</summary>
    public IReadOnlyList<int> Clusters => _clusters;

    public bool IsCandidate(int a, int b) => Array.BinarySearch(_pairs, Blocking.Pack(a, b)) >= 0;

    /// <summary>
    /// The links: every pair of records in one person (see <see cref="PersonClusters.Build"/>), so the pairs and the
    /// persons never disagree; for linkage only pairs across the two sources. (record, record, probability), the
    /// source-0 or lower-index record first.
    /// </summary>
    public IEnumerable<(int Left, int Right, double Probability)> Links()
    {
        foreach (var (pair, weight) in _links)
        {
            var a = Blocking.Left(pair);
            var b = Blocking.Right(pair);
            if (Dataset.IsLinkage && Dataset.Source(a) == Dataset.Source(b))
            {
                continue;
            }
            var probability = LinkageModel.Probability(weight);
            yield return Dataset.IsLinkage && Dataset.Source(a) == 1 ? (b, a, probability) : (a, b, probability);
        }
    }

    /// <summary>The scored probability of a candidate pair, or null when blocking never put the two records together.</summary>
    public double? ScoredProbability(int a, int b)
    {
        var i = Array.BinarySearch(_pairs, Blocking.Pack(a, b));
        return i < 0 ? null : LinkageModel.Probability(_weights[i]);
    }

    /// <summary>Each column's level, weight and term-frequency adjustment for two records, and the final probability.</summary>
    public LinkExplanation Explain(int left, int right)
    {
        var fields = new List<FieldExplanation>();
        var weight = Model.PriorWeight;
        var levels = RecordLinkage.Levels(Model.Comparisons, [Blocking.Pack(left, right)]);
        for (var c = 0; c < Model.Comparisons.Count; c++)
        {
            var comparison = Model.Comparisons[c];
            var level = levels[c] == 255 ? Comparison.Missing : levels[c];
            var w = Model.Weight(c, level);
            var tf = level == 0 ? Model.TermFrequencyAdjustment(c, comparison.Frequency(left)) : 0;
            weight += w + tf;
            fields.Add(new FieldExplanation(
                comparison.Column.Name, LinkageFields.Name(comparison.Column.Field),
                level < 0 ? "missing" : comparison.Levels[level],
                level < 0 ? 1 : Model.M[c][level], level < 0 ? 1 : Model.U[c][level], w, tf));
        }
        return new LinkExplanation(Dataset.Id(left), Dataset.Id(right), Model.PriorWeight, fields, weight, LinkageModel.Probability(weight));
    }
}
