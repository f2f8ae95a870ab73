using System.Net;
using System.Text.RegularExpressions;

namespace Lantern.Integration.Tests.Features.Localisation;

/// <summary>
/// Finds text a reader would see in English on a page served in Urdu: every text node and every readable attribute
/// (placeholder, title, aria-label, alt, a button's value) holding a Latin letter, outside elements marked
/// <c>translate="no"</c> (names, references, CNICs, phone numbers: data, not interface) and outside script and style.
/// The document title is not checked: it repeats the heading, and data in it cannot be marked.
/// Detecting Latin words rather than asking the localizer which texts it missed also catches text that never went
/// through the localizer at all: a hard-coded English word is exactly what this test is for.
/// </summary>
public static partial class UntranslatedText
{
    /// <summary>Abbreviations kept in Latin letters in Urdu text, as Pakistani officials write them.</summary>
    private static readonly string[] Kept = ["PTPA", "PSMA", "FIR", "CNIC", "NICOP", "UTC", "NGO", "BLSA", "ILO", "FIA", "CSV", "ISO", "XML", "SHA", "UTF", "MB", "GLOTIP", "UNODC", "SDG", "CTDC", "XLSX"];

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private static readonly string[] ReadableAttributes = ["placeholder", "title", "aria-label", "alt"];

    public static IReadOnlyList<string> In(string html)
    {
        var found = new List<string>();
        // Each open element: its name and whether it (or an ancestor) is data or code.
        var open = new Stack<(string Name, bool Skip)>();
        foreach (Match token in Tokens().Matches(html))
        {
            var skipping = open.Count > 0 && open.Peek().Skip;
            if (token.Groups["comment"].Success || token.Groups["doctype"].Success)
            {
                continue;
            }
            if (token.Groups["close"].Success)
            {
                var name = token.Groups["close"].Value;
                while (open.Count > 0 && !string.Equals(open.Pop().Name, name, StringComparison.OrdinalIgnoreCase))
                {
                }
                continue;
            }
            if (token.Groups["open"].Success)
            {
                var name = token.Groups["open"].Value;
                var attributes = token.Groups["attrs"].Value;
                // The title repeats the page's heading, which is checked, and may hold data (a case reference) that
                // cannot be marked inside a title.
                // A textarea holds what a user typed (like an input's value), not interface text.
                var skip = skipping || name is "script" or "style" or "title" or "textarea" || Attribute(attributes, "translate") == "no";
                if (!skip)
                {
                    foreach (var attribute in ReadableAttributes)
                    {
                        Check(Attribute(attributes, attribute), $"<{name} {attribute}>", found);
                    }
                    if (name == "input" && Attribute(attributes, "type") is "submit" or "button")
                    {
                        Check(Attribute(attributes, "value"), "<input value>", found);
                    }
                }
                if (!VoidElements.Contains(name) && !token.Value.EndsWith("/>", StringComparison.Ordinal))
                {
                    open.Push((name, skip));
                }
                continue;
            }
            if (!skipping)
            {
                Check(token.Value, "<" + (open.Count > 0 ? open.Peek().Name : "") + ">", found);
            }
        }
        return found;
    }

    private static void Check(string? text, string where, List<string> found)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        var decoded = WebUtility.HtmlDecode(text);
        var rest = decoded;
        foreach (var kept in Kept)
        {
            rest = Regex.Replace(rest, $@"\b{kept}\b", "", RegexOptions.CultureInvariant);
        }
        if (LatinLetter().IsMatch(rest))
        {
            found.Add($"{where} {decoded.Trim()}");
        }
    }

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $@"(?:^|\s){Regex.Escape(name)}\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex(@"(?<comment><!--.*?-->)|(?<doctype><!DOCTYPE[^>]*>)|</(?<close>[a-zA-Z0-9]+)\s*>|<(?<open>[a-zA-Z0-9]+)(?<attrs>(?:[^>""']|""[^""]*""|'[^']*')*)>|[^<]+", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinLetter();
}
