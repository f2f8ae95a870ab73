using System.Globalization;
using System.Text;

namespace Lantern.Core.Security;

/// <summary>
/// Name normalisation for blind indexes. Tokens are lower-cased, stripped of diacritics and punctuation;
/// Arabic-script tokens have their vowel marks removed and letter variants unified. The phonetic key folds
/// the spelling variation of South Asian and Arabic names written in Latin script
/// (Muhammad / Mohammad / Mohd, Hussain / Husain / Hossein, Zainab / Zaineb / Zenab).
/// </summary>
public static class NameTokens
{
    // Common abbreviations that stand for a whole name.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["mohd"] = "muhammad",
        ["muhd"] = "muhammad",
        ["mhd"] = "muhammad",
        ["md"] = "muhammad",
        ["mohamad"] = "mohammad",
    };

    public static IEnumerable<string> Tokens(IEnumerable<string?> parts)
    {
        foreach (var part in parts)
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }
            foreach (var raw in part.Split([' ', '\t', '-', '.', ',', '\'', '’', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            {
                var token = Normalise(raw);
                if (token.Length > 0)
                {
                    yield return Abbreviations.GetValueOrDefault(token, token);
                }
            }
        }
    }

    public static string Normalise(string token)
    {
        var decomposed = token.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (!char.IsLetterOrDigit(ch))
            {
                continue;
            }
            sb.Append(ArabicLetterVariant(char.ToLowerInvariant(ch)));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A coarse key under which common Latin spellings of one name meet; empty for non-Latin tokens.</summary>
    public static string PhoneticKey(string token)
    {
        if (token.Length == 0 || !token.All(char.IsAsciiLetterLower))
        {
            return "";
        }
        var s = token
            .Replace("sh", "x", StringComparison.Ordinal).Replace("ch", "c", StringComparison.Ordinal)
            .Replace("kh", "k", StringComparison.Ordinal).Replace("gh", "g", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal).Replace("th", "t", StringComparison.Ordinal)
            .Replace("dh", "d", StringComparison.Ordinal).Replace("bh", "b", StringComparison.Ordinal)
            .Replace("jh", "j", StringComparison.Ordinal);
        var key = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] switch { 'q' => 'k', 'c' => 'k', 'w' => 'v', _ => s[i] };
            var vowelLike = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h';
            if (i == 0)
            {
                key.Append(c is 'a' or 'e' or 'i' or 'o' or 'u' ? 'a' : c);
                continue;
            }
            if (vowelLike)
            {
                continue;
            }
            if (key[^1] != c)
            {
                key.Append(c);
            }
        }
        return key.ToString();
    }

    private static char ArabicLetterVariant(char ch) => ch switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' or 'ي' or 'ۍ' or 'ې' => 'ی',
        'ك' => 'ک',
        'ة' or 'ۀ' or 'ە' or 'ه' => 'ہ',
        _ => ch,
    };
}
