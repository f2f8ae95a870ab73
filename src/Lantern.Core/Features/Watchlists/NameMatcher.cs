using System.Collections.Concurrent;
using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Features.Watchlists;

/// <summary>One aligned (or unaligned) part of two names, and what it did to the score.</summary>
/// <param name="Left">Token(s) of the first name; empty when a token of the second name found no partner.</param>
/// <param name="Right">Token(s) of the second name; empty when a token of the first name found no partner.</param>
/// <param name="Agreement">How the parts agree; null for an unmatched token.</param>
/// <param name="Similarity">Token similarity in [0,1]; 0 for an unmatched token.</param>
/// <param name="Contribution">Share of the score this part added (positive) or cost (negative, unmatched).</param>
public sealed record NamePart(string Left, string Right, NameAgreement? Agreement, double Similarity, double Contribution);

/// <summary>
/// A graded name score in [0,1] with its explanation. <paramref name="Coverage"/> is the weighted share of the two
/// names that agrees; <paramref name="Evidence"/> is the summed weight of the agreeing parts (how much an agreement
/// says: two generic tokens say little).
/// </summary>
public sealed record NameScore(double Score, double Coverage, double Evidence, IReadOnlyList<NamePart> Parts)
{
    public static readonly NameScore None = new(0, 0, 0, []);
}

/// <summary>
/// Compares two person names: normalisation (case, diacritics, punctuation, honorifics, particles), transliteration
/// groups and consonant skeletons from <see cref="NameKnowledge"/>, cross-script, initials, joined particles, typing
/// slips, free word order (best assignment of tokens), and token weights from <see cref="NameWeights"/>.
/// Thread-safe. See docs/decisions/0014-name-screening.md for the formula.
/// </summary>
public sealed class NameMatcher
{
    /// <summary>Tokens beyond this many (after particles and honorifics are dropped) are ignored.</summary>
    public const int MaxTokens = 8;

    /// <summary>The default match threshold of <c>lantern names score</c> and <c>lantern screen</c>.</summary>
    public const double DefaultThreshold = 0.75;

    internal const double InitialWeight = 0.3;
    internal const double MiddleCost = 0.35;
    private const int TokenCacheLimit = 500_000;

    private static readonly Lazy<NameMatcher> BundledMatcher = new(() => new NameMatcher(NameKnowledge.Bundled, NameWeights.Bundled));

    /// <summary>Standalone particles dropped from names: kinship (bin, bint, ibn) and connectors (ul, ud, al...).</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "bin", "bint", "binti", "ibn", "ul", "ud", "ur", "us", "un", "uz", "ut", "ush", "al", "el", "ad", "ar", "as", "an", "az", "at", "ash",
        "بن", "بنت", "ابن", "ال",
    };

    /// <summary>Connectors found inside joined names (Zia-ul-Haq written Ziaulhaq, Abdurrahman).</summary>
    private static readonly string[] InnerParticles = ["ul", "ud", "ur", "us", "un", "uz", "ut", "ush", "al", "ad", "ar", "as", "an", "ud", "el"];

    private readonly NameKnowledge _knowledge;
    private readonly NameWeights _weights;
    private readonly ConcurrentDictionary<string, NameToken> _tokens = new(StringComparer.Ordinal);

    public NameMatcher(NameKnowledge knowledge, NameWeights weights)
    {
        _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        _weights = weights ?? throw new ArgumentNullException(nameof(weights));
    }

    public static NameMatcher Bundled => BundledMatcher.Value;

    /// <summary>Normalises and splits a name; the result may be compared many times.</summary>
    public PreparedName Prepare(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new PreparedName(name ?? "", [], [], []);
        }
        var raw = _knowledge.Tokens(name);
        var tokens = new List<NameToken>(Math.Min(raw.Count, MaxTokens));
        foreach (var t in raw)
        {
            if (!Particles.Contains(t) && tokens.Count < MaxTokens)
            {
                tokens.Add(Token(t));
            }
        }
        var costs = new double[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var middle = i > 0 && i < tokens.Count - 1;
            costs[i] = Weight(tokens[i]) * (middle ? MiddleCost : 1);
        }
        var pairs = new string[Math.Max(0, tokens.Count - 1)][];
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            pairs[i] = tokens[i].Arabic || tokens[i + 1].Arabic || tokens[i].IsInitial || tokens[i + 1].IsInitial
                ? []
                : JoinVariants(tokens[i].Text + tokens[i + 1].Text);
        }
        return new PreparedName(name, [.. tokens], costs, pairs);
    }

    /// <summary>The token object for a normalised token (cached).</summary>
    public NameToken Token(string text)
    {
        if (_tokens.TryGetValue(text, out var cached))
        {
            return cached;
        }
        var arabic = NameKnowledge.IsArabicScript(text[0]);
        string? alternate = null;
        if (arabic ? text.Length >= 4 && text.StartsWith("ال", StringComparison.Ordinal) : text.Length >= 5 && (text.StartsWith("al", StringComparison.Ordinal) || text.StartsWith("el", StringComparison.Ordinal)))
        {
            alternate = text[2..];
        }
        else if (!arabic && text.Length >= 6 && (text.EndsWith("ul", StringComparison.Ordinal) || text.EndsWith("ud", StringComparison.Ordinal) || text.EndsWith("ur", StringComparison.Ordinal)))
        {
            // a connector written onto the head of a joined name: Zainul Islam, Fazalur Rehman
            alternate = text[..^2];
        }
        var group = _knowledge.Group(text);
        var alternateGroup = alternate is null ? -1 : _knowledge.Group(alternate);
        var token = new NameToken(
            text,
            alternate,
            group,
            alternateGroup,
            NameKnowledge.Skeleton(text),
            alternate is null ? null : NameKnowledge.Skeleton(alternate),
            arabic,
            text.Length == 1 && !arabic ? InitialWeight : Math.Min(_weights.Weight(text, group), alternate is null ? 1 : _weights.Weight(alternate, alternateGroup)),
            arabic || text.Length < 5 ? [text] : JoinVariants(text));
        if (_tokens.Count < TokenCacheLimit)
        {
            _tokens.TryAdd(text, token);
        }
        return token;
    }

    private static double Weight(NameToken t) => t.Weight;

    /// <summary>The string and its forms with one inner particle removed (at least 3 letters before, 2 after).</summary>
    internal static string[] JoinVariants(string s)
    {
        List<string>? variants = null;
        foreach (var p in InnerParticles)
        {
            for (var at = s.IndexOf(p, 3, StringComparison.Ordinal); at >= 3 && at + p.Length <= s.Length - 2; at = s.IndexOf(p, at + 1, StringComparison.Ordinal))
            {
                variants ??= [s];
                var v = string.Concat(s.AsSpan(0, at), s.AsSpan(at + p.Length));
                if (!variants.Contains(v))
                {
                    variants.Add(v);
                }
            }
        }
        return variants is null ? [s] : [.. variants];
    }

    /// <summary>Similarity of two tokens in [0,1] and how they agree; 0 when they do not (then they share no index key).</summary>
    public static (double Similarity, NameAgreement Agreement) Compare(NameToken a, NameToken b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ReferenceEquals(a, b) || a.Text == b.Text)
        {
            return (1, NameAgreement.Exact);
        }
        if (a.IsInitial || b.IsInitial)
        {
            var (initial, full) = a.IsInitial ? (a, b) : (b, a);
            return !full.Arabic && full.Text[0] == initial.Text[0] ? (0.8, NameAgreement.Initial) : (0, NameAgreement.Initial);
        }
        var best = Forms(a.Text, a.Group, a.Skeleton, b.Text, b.Group, b.Skeleton, a.Arabic, b.Arabic);
        if (best.Similarity < 0.95 && (a.Alternate is not null || b.Alternate is not null))
        {
            if (a.Alternate is not null)
            {
                best = Max(best, Forms(a.Alternate, a.AlternateGroup, a.AlternateSkeleton!, b.Text, b.Group, b.Skeleton, a.Arabic, b.Arabic));
            }
            if (b.Alternate is not null)
            {
                best = Max(best, Forms(a.Text, a.Group, a.Skeleton, b.Alternate, b.AlternateGroup, b.AlternateSkeleton!, a.Arabic, b.Arabic));
            }
            if (a.Alternate is not null && b.Alternate is not null)
            {
                best = Max(best, Forms(a.Alternate, a.AlternateGroup, a.AlternateSkeleton!, b.Alternate, b.AlternateGroup, b.AlternateSkeleton!, a.Arabic, b.Arabic));
            }
        }
        return best;
    }

    private static (double Similarity, NameAgreement Agreement) Max((double Similarity, NameAgreement Agreement) x, (double Similarity, NameAgreement Agreement) y) =>
        y.Similarity > x.Similarity ? y : x;

    private static (double Similarity, NameAgreement Agreement) Forms(string a, int ga, string sa, string b, int gb, string sb, bool arabicA, bool arabicB)
    {
        if (a == b)
        {
            // an article-less form equal to the other token (alhashimi / hashimi)
            return (0.95, NameAgreement.Variant);
        }
        if (ga >= 0 && ga == gb)
        {
            return (0.95, NameAgreement.Variant);
        }
        if (arabicA != arabicB)
        {
            if (sa.Length >= 2 && sa == sb)
            {
                return (0.9, NameAgreement.Script);
            }
            if (Math.Max(sa.Length, sb.Length) >= 3 && StringSimilarity.DamerauLevenshtein(sa, sb, 1) <= 1)
            {
                return (0.75, NameAgreement.Script);
            }
            return (0, NameAgreement.Script);
        }
        if (arabicA)
        {
            return Math.Max(a.Length, b.Length) >= 4 && StringSimilarity.DamerauLevenshtein(a, b, 1) <= 1 ? (0.8, NameAgreement.Slip) : (0, NameAgreement.Slip);
        }
        if (sa.Length >= 2 && sa == sb)
        {
            return (0.9, NameAgreement.Variant);
        }
        if (Math.Max(a.Length, b.Length) >= 4 && StringSimilarity.DamerauLevenshtein(a, b, 1) <= 1)
        {
            return (Math.Clamp(StringSimilarity.JaroWinkler(a, b), 0.8, 0.92), NameAgreement.Slip);
        }
        return (0, NameAgreement.Slip);
    }

    /// <summary>Scores two names (symmetric up to the order of the explanation's parts).</summary>
    public NameScore Score(string? left, string? right) => Score(Prepare(left), Prepare(right), explain: true);

    /// <summary>
    /// Scores two prepared names: the best assignment of tokens (each used once, word order free; a token may pair
    /// with two written-together neighbours), then score = coverage × (0.75 + 0.25 (1 - e^(-evidence/0.6))).
    /// coverage = Σ sim·m / (Σ m + Σ costs of unmatched tokens), m = min of the two sides' weights; evidence = Σ sim·m.
    /// </summary>
    public static NameScore Score(PreparedName left, PreparedName right, bool explain)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.IsEmpty || right.IsEmpty)
        {
            return NameScore.None;
        }
        // the masks run over the shorter name
        var swap = right.Tokens.Count > left.Tokens.Count;
        var a = swap ? right : left;
        var b = swap ? left : right;
        var n = a.Tokens.Count;
        var m = b.Tokens.Count;
        Span<double> sims = stackalloc double[n * m];
        Span<byte> kinds = stackalloc byte[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var (s, k) = Compare(a.Tokens[i], b.Tokens[j]);
                sims[(i * m) + j] = s;
                kinds[(i * m) + j] = (byte)k;
            }
        }
        // joined: a_i ~ b_j b_{j+1} (aJoin) and a_i a_{i+1} ~ b_j (bJoin)
        Span<bool> aJoin = stackalloc bool[n * m];
        Span<bool> bJoin = stackalloc bool[n * m];
        var anyJoin = false;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (j + 1 < m && Intersects(a.Tokens[i].JoinVariants, b.PairVariants[j]))
                {
                    aJoin[(i * m) + j] = anyJoin = true;
                }
                if (i + 1 < n && Intersects(b.Tokens[j].JoinVariants, a.PairVariants[i]))
                {
                    bJoin[(i * m) + j] = anyJoin = true;
                }
            }
        }

        var states = (n + 2) << m;
        Span<double> value = states <= 4096 ? stackalloc double[states] : new double[states];
        Span<short> choice = states <= 4096 ? stackalloc short[states] : new short[states];
        var full = (1 << m) - 1;
        for (var mask = 0; mask <= full; mask++)
        {
            var rest = 0.0;
            for (var j = 0; j < m; j++)
            {
                if ((mask & (1 << j)) == 0)
                {
                    rest -= b.Costs[j];
                }
            }
            value[(n << m) + mask] = rest;
            value[((n + 1) << m) + mask] = rest;
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var wa = a.Tokens[i].Weight;
            for (var mask = 0; mask <= full; mask++)
            {
                var best = value[((i + 1) << m) + mask] - a.Costs[i];
                short pick = -1;
                for (var j = 0; j < m; j++)
                {
                    var bit = 1 << j;
                    if ((mask & bit) != 0)
                    {
                        continue;
                    }
                    var s = sims[(i * m) + j];
                    if (s > 0)
                    {
                        var v = (s * Math.Min(wa, b.Tokens[j].Weight)) + value[((i + 1) << m) + (mask | bit)];
                        if (v > best)
                        {
                            best = v;
                            pick = (short)j;
                        }
                    }
                    if (anyJoin)
                    {
                        if (aJoin[(i * m) + j] && (mask & (bit << 1)) == 0)
                        {
                            var v = (0.95 * Math.Min(wa, b.Tokens[j].Weight + b.Tokens[j + 1].Weight)) + value[((i + 1) << m) + (mask | bit | (bit << 1))];
                            if (v > best)
                            {
                                best = v;
                                pick = (short)(100 + j);
                            }
                        }
                        if (bJoin[(i * m) + j])
                        {
                            var v = (0.95 * Math.Min(wa + a.Tokens[i + 1].Weight, b.Tokens[j].Weight)) + value[((i + 2) << m) + (mask | bit)];
                            if (v > best)
                            {
                                best = v;
                                pick = (short)(200 + j);
                            }
                        }
                    }
                }
                value[(i << m) + mask] = best;
                choice[(i << m) + mask] = pick;
            }
        }

        // walk the chosen assignment
        var agreed = 0.0;
        var matchedWeight = 0.0;
        var unmatchedCost = 0.0;
        var parts = explain ? new List<(string A, string B, NameAgreement? K, double S, double W)>(n + m) : null;
        var used = 0;
        for (var i = 0; i < n; i++)
        {
            var pick = choice[(i << m) + used];
            if (pick < 0)
            {
                unmatchedCost += a.Costs[i];
                parts?.Add((a.Tokens[i].Text, "", null, 0, -a.Costs[i]));
            }
            else if (pick < 100)
            {
                var s = sims[(i * m) + pick];
                var w = Math.Min(a.Tokens[i].Weight, b.Tokens[pick].Weight);
                agreed += s * w;
                matchedWeight += w;
                used |= 1 << pick;
                parts?.Add((a.Tokens[i].Text, b.Tokens[pick].Text, (NameAgreement)kinds[(i * m) + pick], s, s * w));
            }
            else if (pick < 200)
            {
                var j = pick - 100;
                var w = Math.Min(a.Tokens[i].Weight, b.Tokens[j].Weight + b.Tokens[j + 1].Weight);
                agreed += 0.95 * w;
                matchedWeight += w;
                used |= 3 << j;
                parts?.Add((a.Tokens[i].Text, b.Tokens[j].Text + " " + b.Tokens[j + 1].Text, NameAgreement.Joined, 0.95, 0.95 * w));
            }
            else
            {
                var j = pick - 200;
                var w = Math.Min(a.Tokens[i].Weight + a.Tokens[i + 1].Weight, b.Tokens[j].Weight);
                agreed += 0.95 * w;
                matchedWeight += w;
                used |= 1 << j;
                parts?.Add((a.Tokens[i].Text + " " + a.Tokens[i + 1].Text, b.Tokens[j].Text, NameAgreement.Joined, 0.95, 0.95 * w));
                i++;
            }
        }
        for (var j = 0; j < m; j++)
        {
            if ((used & (1 << j)) == 0)
            {
                unmatchedCost += b.Costs[j];
                parts?.Add(("", b.Tokens[j].Text, null, 0, -b.Costs[j]));
            }
        }
        var denominator = matchedWeight + unmatchedCost;
        var coverage = denominator <= 0 ? 0 : agreed / denominator;
        var score = coverage * Specificity(agreed);
        if (parts is null)
        {
            return new NameScore(score, coverage, agreed, []);
        }
        var scale = denominator <= 0 ? 0 : Specificity(agreed) / denominator;
        return new NameScore(score, coverage, agreed, [.. parts.Select(p => swap
            ? new NamePart(p.B, p.A, p.K, p.S, Math.Round(p.W * scale, 4))
            : new NamePart(p.A, p.B, p.K, p.S, Math.Round(p.W * scale, 4)))]);
    }

    /// <summary>How far the evidence of an agreement lifts its coverage: generic-only agreement stays lower.</summary>
    internal static double Specificity(double evidence) => 0.75 + (0.25 * (1 - Math.Exp(-evidence / 0.6)));

    private static bool Intersects(IReadOnlyList<string> x, string[] y)
    {
        if (y.Length == 0)
        {
            return false;
        }
        foreach (var s in x)
        {
            if (Array.IndexOf(y, s) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
