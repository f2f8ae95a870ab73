namespace Lantern.Core.Features.Watchlists;

/// <summary>How two name parts agree. Every kind but <see cref="Initial"/> and <see cref="Joined"/> is between single tokens.</summary>
public enum NameAgreement
{
    /// <summary>The same normalised spelling.</summary>
    Exact,

    /// <summary>Spellings of one transliteration group (Muhammad / Mohd / محمد), or equal consonant skeletons in Latin script.</summary>
    Variant,

    /// <summary>Arabic script against Latin script by consonant skeleton (no group holds the pair).</summary>
    Script,

    /// <summary>One typing slip (insertion, deletion, substitution or swap of neighbours) in Latin script.</summary>
    Slip,

    /// <summary>An initial against a token starting with that letter.</summary>
    Initial,

    /// <summary>One token against two neighbours written together (Ziaulhaq / Zia ul Haq, Abdulrehman / Abdul Rehman).</summary>
    Joined,
}

/// <summary>
/// One normalised token of a name with everything the matcher and the index need, computed once. Does not depend on
/// the token's position, so tokens are shared between names.
/// </summary>
public sealed class NameToken
{
    internal NameToken(string text, string? alternate, int group, int alternateGroup, string skeleton, string? alternateSkeleton, bool arabic, double weight, string[] joinVariants)
    {
        Text = text;
        Alternate = alternate;
        Group = group;
        AlternateGroup = alternateGroup;
        Skeleton = skeleton;
        AlternateSkeleton = alternateSkeleton;
        Arabic = arabic;
        Weight = weight;
        JoinVariants = joinVariants;
    }

    public string Text { get; }

    /// <summary>The token without its article (alhashimi → hashimi, الهاشمي → هاشمي) or a trailing connector (zainul → zain), or null.</summary>
    public string? Alternate { get; }

    public int Group { get; }

    public int AlternateGroup { get; }

    public string Skeleton { get; }

    public string? AlternateSkeleton { get; }

    public bool Arabic { get; }

    public bool IsInitial => Text.Length == 1 && !Arabic;

    public double Weight { get; }

    /// <summary>The token and its spellings with an inner particle removed (ziaulhaq → ziahaq); Latin only, else empty.</summary>
    public IReadOnlyList<string> JoinVariants { get; }
}

/// <summary>A name split into at most <see cref="NameMatcher.MaxTokens"/> tokens, with the cost of leaving each unmatched.</summary>
public sealed class PreparedName
{
    internal PreparedName(string original, NameToken[] tokens, double[] costs, string[][] pairVariants)
    {
        Original = original;
        Tokens = tokens;
        Costs = costs;
        PairVariants = pairVariants;
    }

    public string Original { get; }

    public IReadOnlyList<NameToken> Tokens { get; }

    /// <summary>
    /// What leaving token i unmatched costs: its weight, times 0.35 for a middle token (neither first nor last),
    /// because middle names are often left out.
    /// </summary>
    public IReadOnlyList<double> Costs { get; }

    /// <summary>For each token i but the last: tokens i and i+1 written together, with inner particles removed.</summary>
    internal string[][] PairVariants { get; }

    public bool IsEmpty => Tokens.Count == 0;
}
