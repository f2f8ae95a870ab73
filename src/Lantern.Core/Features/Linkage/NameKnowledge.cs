using System.Globalization;
using System.Text;

namespace Lantern.Core.Features.Linkage;

/// <summary>
/// Transliteration groups and honorifics for person names, loaded from the data in <c>Reference/</c>
/// (see its README). A token's group is a small integer: two tokens with the same group are spelling variants of
/// one name (Muhammad / Mohammed / Mohd / محمد). Immutable after loading; safe to share between threads.
/// </summary>
public sealed class NameKnowledge
{
    private const string ResourcePrefix = "Lantern.Core.Features.Linkage.Reference.";
    private static readonly Lazy<NameKnowledge> BundledKnowledge = new(Load);

    private readonly Dictionary<string, int> _groups;
    private readonly HashSet<string> _honorifics;
    private readonly Dictionary<string, string> _places;
    private readonly string[] _canonical;
    private readonly Dictionary<int, string> _latinSpellings;

    private NameKnowledge(Dictionary<string, int> groups, HashSet<string> honorifics, string[] canonical, Dictionary<string, string> places, Dictionary<int, string> latinSpellings)
    {
        _groups = groups;
        _latinSpellings = latinSpellings;
        _canonical = canonical;
        _honorifics = honorifics;
        _places = places;
        GroupCount = canonical.Length;
    }

    public static NameKnowledge Bundled => BundledKnowledge.Value;

    public int GroupCount { get; }

    /// <summary>The transliteration group of a normalised token (Latin lower case, or normalised Arabic script), or -1.</summary>
    public int Group(string token) => _groups.TryGetValue(token, out var g) ? g : -1;

    /// <summary>
    /// The group whose known spellings have this consonant skeleton (<see cref="Skeleton"/>), or -1 when none has it
    /// or several groups do: a misspelling that no group lists (Kmran, Malki) still finds its name for blocking.
    /// </summary>
    internal int GroupOfSkeleton(string skeleton) => SkeletonGroups.TryGetValue(skeleton, out var g) ? g : -1;

    private Dictionary<string, int> SkeletonGroups => _skeletonGroups ??= BuildSkeletonGroups(_groups);

    private Dictionary<string, int>? _skeletonGroups;

    private static Dictionary<string, int> BuildSkeletonGroups(Dictionary<string, int> groups)
    {
        var bySkeleton = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (spelling, group) in groups)
        {
            var skeleton = Skeleton(spelling);
            if (skeleton.Length < 2)
            {
                continue;
            }
            // -1 marks a skeleton shared by two groups (Mahmood and Muhammad are both "mhmd"): no group for it
            bySkeleton[skeleton] = bySkeleton.TryGetValue(skeleton, out var seen) && seen != group ? -1 : group;
        }
        return bySkeleton;
    }

    public bool IsHonorific(string token) => _honorifics.Contains(token);

    /// <summary>
    /// A stable name for the transliteration group of a normalised token (its Arabic-script form, or the first
    /// spelling of a South Asian group), or null when no group holds the token. Unlike <see cref="Group"/>, it does
    /// not depend on the order of the reference files, so it may be stored (the case-list name index keeps it).
    /// </summary>
    public string? Canonical(string token) => _groups.TryGetValue(token, out var g) ? _canonical[g] : null;

    /// <summary>
    /// The Latin spelling Pakistani records most often use for a token's group (محمد → muhammad, اختر → akhtar), or
    /// null when no group holds the token. A South Asian group's display form wins; otherwise the spelling the
    /// reference data saw most often for the group's Arabic-script form.
    /// </summary>
    public string? LatinSpelling(string token) =>
        _groups.TryGetValue(token, out var g) && _latinSpellings.TryGetValue(g, out var latin) ? latin : null;

    /// <summary>
    /// The name Lantern compares for a place (district, city, province) written as <paramref name="standardised"/>
    /// (lower case, words separated by one space): D G Khan, DGK → dera ghazi khan; Lyallpur → faisalabad.
    /// Unknown places are returned unchanged.
    /// </summary>
    public string Place(string standardised)
    {
        ArgumentNullException.ThrowIfNull(standardised);
        return _places.TryGetValue(standardised, out var place) || _places.TryGetValue(standardised.Replace(" ", "", StringComparison.Ordinal), out place)
            ? place
            : standardised;
    }

    /// <summary>
    /// Splits a name into normalised tokens: Latin lower case without diacritics, Arabic-script letters folded
    /// (<see cref="NormaliseArabic"/>), honorifics dropped, and everything after a kinship marker (s/o, d/o, w/o:
    /// "son of") dropped because it names another person.
    /// </summary>
    public List<string> Tokens(string name)
    {
        var tokens = new List<string>(4);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var current = new StringBuilder(16);
        for (var i = 0; i <= decomposed.Length; i++)
        {
            var c = i < decomposed.Length ? decomposed[i] : ' ';
            if (c is '/' && current.Length == 1 && current[0] is 's' or 'd' or 'w')
            {
                return tokens;
            }
            if (IsArabicScript(c))
            {
                if (current.Length > 0 && !IsArabicScript(current[^1]))
                {
                    Flush(tokens, current);
                }
                var folded = FoldArabic(c);
                if (folded != '\0')
                {
                    current.Append(folded);
                }
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (current.Length > 0 && IsArabicScript(current[^1]))
                {
                    Flush(tokens, current);
                }
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' or '`')
            {
                // O'Brien, Ma'ruf: the apostrophe joins
            }
            else
            {
                Flush(tokens, current);
            }
        }
        return tokens;
    }

    private void Flush(List<string> tokens, StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }
        var token = current.ToString();
        current.Clear();
        if (!_honorifics.Contains(token))
        {
            tokens.Add(token);
        }
    }

    public static bool IsArabicScript(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>Arabic, Urdu, Persian and Pashto letter forms folded to one Arabic form; diacritics and tatweel removed.</summary>
    public static string NormaliseArabic(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var f = FoldArabic(c);
            if (f != '\0')
            {
                b.Append(f);
            }
        }
        return b.ToString();
    }

    private static char FoldArabic(char c) => c switch
    {
        >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' => '\0',
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' or 'ی' or 'ې' or 'ۍ' or 'ے' or 'ئ' => 'ي',
        'ک' or 'ګ' => 'ك',
        'ہ' or 'ھ' or 'ۀ' or 'ۃ' or 'ة' => 'ه',
        'ؤ' => 'و',
        _ => c,
    };

    /// <summary>
    /// A script-neutral consonant skeleton (Muhammad, محمد → "mhmd"): compares an Arabic-script name with a Latin
    /// spelling that no group holds. Vowels (and the Arabic letters that write them) are dropped after the first letter.
    /// </summary>
    public static string Skeleton(string token)
    {
        var b = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            char s;
            if (IsArabicScript(c))
            {
                s = ArabicSkeleton(c);
                if (b.Length > 0 && s is 'a' or 'w' or 'y')
                {
                    continue;
                }
            }
            else
            {
                if (next == 'h' && c is 'k' or 'g' or 's' or 'c' or 't' or 'd' or 'p' or 'z')
                {
                    s = c switch { 'k' => 'x', 'g' => 'g', 's' => 's', 'c' => 's', 't' => 't', 'd' => 'd', 'z' => 'z', _ => 'f' };
                    i++;
                }
                else
                {
                    s = c switch { 'q' or 'c' => 'k', 'v' => 'w', 'e' or 'i' or 'o' or 'u' => 'a', 'j' => 'j', _ => c };
                }
                if (b.Length > 0 && s is 'a' or 'w' or 'y')
                {
                    continue;
                }
            }
            if (s == '\0' || (b.Length > 0 && b[^1] == s))
            {
                continue;
            }
            b.Append(s);
        }
        return b.ToString();
    }

    private static char ArabicSkeleton(char c) => c switch
    {
        'ا' or 'ع' or 'ء' => 'a',
        'ب' or 'پ' => 'b',
        'ت' or 'ط' or 'ث' or 'ٹ' => 't',
        'ج' or 'چ' => 'j',
        'ح' or 'ه' => 'h',
        'خ' => 'x',
        'د' or 'ذ' or 'ض' or 'ڈ' => 'd',
        'ر' or 'ڑ' => 'r',
        'ز' or 'ظ' or 'ژ' => 'z',
        'س' or 'ص' or 'ش' => 's',
        'غ' or 'گ' => 'g',
        'ف' => 'f',
        'ق' or 'ك' => 'k',
        'ل' => 'l',
        'م' => 'm',
        'ن' or 'ں' => 'n',
        'و' => 'w',
        'ي' => 'y',
        _ => '\0',
    };

    private static NameKnowledge Load()
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var arabicGroups = new Dictionary<string, int>(StringComparer.Ordinal);
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        var canonical = new List<string>();
        var mostSeen = new Dictionary<int, (string Spelling, int Count)>();
        foreach (var line in Lines("name-variants.tsv"))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                throw new InvalidDataException($"name-variants.tsv: '{line}' is not latin<TAB>arabic<TAB>count.");
            }
            var arabic = NormaliseArabic(parts[1]);
            if (!arabicGroups.TryGetValue(arabic, out var group))
            {
                group = arabicGroups.Count;
                arabicGroups.Add(arabic, group);
                groups[arabic] = group;
                canonical.Add(arabic);
            }
            var count = int.Parse(parts[2], CultureInfo.InvariantCulture);
            if (!mostSeen.TryGetValue(group, out var latin) || count > latin.Count)
            {
                mostSeen[group] = (parts[0], count);
            }
            if (!best.TryGetValue(parts[0], out var seen) || count > seen)
            {
                best[parts[0]] = count;
                groups[parts[0]] = group;
            }
        }
        var next = arabicGroups.Count;
        var southAsian = new Dictionary<int, string>();
        foreach (var line in Lines("name-variants-south-asia.tsv"))
        {
            var spellings = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var group = spellings.Select(s => groups.TryGetValue(s, out var g) ? g : -1).FirstOrDefault(g => g >= 0, -1);
            if (group < 0)
            {
                group = next++;
                canonical.Add(spellings[0]);
            }
            foreach (var s in spellings)
            {
                groups[s] = group;
            }
            southAsian.TryAdd(group, spellings[0]);
        }
        var latinSpellings = mostSeen.ToDictionary(m => m.Key, m => m.Value.Spelling);
        foreach (var (group, spelling) in southAsian)
        {
            latinSpellings[group] = spelling;
        }
        var honorifics = Lines("honorifics.txt").ToHashSet(StringComparer.Ordinal);
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines("place-variants.tsv"))
        {
            var spellings = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var spelling in spellings)
            {
                places[spelling] = spellings[0];
                places[spelling.Replace(" ", "", StringComparison.Ordinal)] = spellings[0];
            }
        }
        return new NameKnowledge(groups, honorifics, [.. canonical], places, latinSpellings);
    }

    private static IEnumerable<string> Lines(string file)
    {
        using var stream = typeof(NameKnowledge).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The name reference {file} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                yield return trimmed;
            }
        }
    }
}
