using System.Text;

namespace Lantern.Web;

/// <summary>
/// Turns HTCDS value names into words for people ("ForcedBegging" → "Forced begging"), in the request's language:
/// the English words are the key of their translation in <see cref="Localisation.Catalogue"/>.
/// </summary>
public static class Words
{
    public static string Of<T>(T value) where T : struct, Enum => Of(value.ToString());

    public static string Document(Lantern.Core.Common.DocumentType type) => Translated(type switch
    {
        Lantern.Core.Common.DocumentType.BForm => "B-Form",
        Lantern.Core.Common.DocumentType.Other => "Other document",
        _ => type.ToString(),
    });

    /// <summary>
    /// "Nasreen Akhtar (victim)" as the case list gives it, with the role in the request's language; the name is
    /// data and stays as typed.
    /// </summary>
    public static string NameWithRole(string text)
    {
        var open = text.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0 || !text.EndsWith(')'))
        {
            return text;
        }
        return text[..open] + " (" + Of(text[(open + 2)..^1]) + ")";
    }

    private static string Translated(string english)
    {
        Localisation.Catalogue.Shipped.TryTranslate(Localisation.Language.Current, english, out var text);
        return text;
    }

    /// <summary>Names whose words alone would read wrong (acronyms, terms of art).</summary>
    private static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["FirRegistered"] = "FIR registered",
        ["FirCancelled"] = "FIR cancelled",
        ["FinalReport"] = "Final report (challan)",
    };

    public static string Of(string name) => Translated(English(name));

    /// <summary>A kebab-case code as the views carry it ("brick-kiln") in words, like <see cref="Of(string)"/>: "Brick kiln".</summary>
    public static string OfCode(string code) =>
        Of(string.Concat(code.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..])));

    private static string English(string name)
    {
        if (Special.TryGetValue(name, out var special))
        {
            return special;
        }
        var bare = name.Length > 2 && name[1] == '_' ? name[2..] : name;
        var sb = new StringBuilder(bare.Length + 8);
        for (var i = 0; i < bare.Length; i++)
        {
            var c = bare[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(bare[i - 1]))
            {
                sb.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
