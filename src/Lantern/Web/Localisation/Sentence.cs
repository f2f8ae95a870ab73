using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Lantern.Web.Localisation;

/// <summary>
/// A translated sentence with data in it ("Package no. {0} for {1} made"): the sentence in the reader's language,
/// each value put in its place as data, in <c>&lt;bdi translate="no"&gt;</c>, so a partner's name or a key's
/// fingerprint keeps its own direction and is not taken for untranslated text. Confirmations carried across a
/// redirect keep their English key and the values (<see cref="Pack"/>), and are put together on the page that shows them.
/// </summary>
public static partial class Sentence
{
    private const char Separator = '\u001f';

    /// <summary>Values as one string, for TempData (which keeps strings across the redirect).</summary>
    public static string Pack(params object[] values) =>
        string.Join(Separator, values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    public static IHtmlContent With(LocalizedString format, string? packed) =>
        With(format.Value, packed is null ? [] : packed.Split(Separator));

    public static IHtmlContent With(string format, IReadOnlyList<string> values)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(format))
        {
            html.Append(WebUtility.HtmlEncode(format[at..placeholder.Index]));
            var index = int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture);
            if (index < values.Count)
            {
                html.Append("<bdi translate=\"no\">").Append(WebUtility.HtmlEncode(values[index])).Append("</bdi>");
            }
            at = placeholder.Index + placeholder.Length;
        }
        html.Append(WebUtility.HtmlEncode(format[at..]));
        return new HtmlString(html.ToString());
    }

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();
}
