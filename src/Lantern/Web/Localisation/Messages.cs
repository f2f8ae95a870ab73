using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Lantern.Web.Localisation;

/// <summary>
/// Core's validation messages in the request's language. Core raises them as English sentences (the API returns them
/// as they are: they are part of its contract); pages look them up in the <see cref="Catalogue"/> like any other text.
/// A message built with values ("Workers found (12) must equal ...") is found through its catalogue key with
/// placeholders ("Workers found ({0}) must equal ..."): the values are put back into the translation unchanged.
/// A message without a translation shows in English, as before.
/// </summary>
public static partial class Messages
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(Regex Pattern, string Key)>> Templates = new(StringComparer.Ordinal);

    public static string Translate(string message)
    {
        var language = Language.Current;
        if (language == Lantern.Core.Features.Administration.Languages.English)
        {
            return message;
        }
        if (Catalogue.Shipped.TryTranslate(language, message, out var text))
        {
            return text;
        }
        foreach (var (pattern, key) in TemplatesOf(language))
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                var values = Enumerable.Range(0, match.Groups.Count - 1).Select(i => (object)match.Groups["p" + i].Value).ToArray();
                Catalogue.Shipped.TryTranslate(language, key, out var format);
                return string.Format(CultureInfo.InvariantCulture, format, values);
            }
        }
        return message;
    }

    private static IReadOnlyList<(Regex Pattern, string Key)> TemplatesOf(string language) => Templates.GetOrAdd(language, l =>
        Catalogue.Shipped.Texts(l).Keys
            .Where(k => Placeholder().IsMatch(k) && k.Length > 12)
            .Select(k => (new Regex("^" + Placeholder().Replace(Regex.Escape(k).Replace(@"\{", "{", StringComparison.Ordinal), m => $"(?<p{m.Groups[1].Value}>.+?)") + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), k))
            .ToList());

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();
}
