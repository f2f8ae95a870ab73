using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Lantern.Web.Localisation;

/// <summary>
/// <see cref="IStringLocalizer"/> over the <see cref="Catalogue"/>, in the language of the request's UI culture
/// (set per request by <see cref="LanguageCultureProvider"/>). Pages use it as <c>@T["English text"]</c> and
/// <c>@T["{0} cases", n]</c>; a missing translation comes back in English with <c>ResourceNotFound</c> set.
/// </summary>
public sealed class CatalogueLocalizer(Catalogue catalogue) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = catalogue.TryTranslate(Language.Current, name, out var text);
            return new LocalizedString(name, text, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalogue.Texts(Language.Current).Select(t => new LocalizedString(t.Key, t.Value));
}
