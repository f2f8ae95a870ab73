using System.Collections.Frozen;
using System.Text.Json;
using Lantern.Core.Features.Administration;

namespace Lantern.Web.Localisation;

/// <summary>
/// The interface's translations: one checked-in file per language, <c>Resources/&lt;code&gt;.json</c>, mapping the
/// English text as written in the pages to its translation. English is the source language and has no file; a text
/// missing from a language's file shows in English and is reported as not found (<see cref="Microsoft.Extensions.Localization.LocalizedString.ResourceNotFound"/>).
/// Loaded once from the assembly: translations change with a release, like the pages that use them.
/// </summary>
public sealed class Catalogue
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    private Catalogue(FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage) => _byLanguage = byLanguage;

    /// <summary>The translations built into Lantern.</summary>
    public static Catalogue Shipped { get; } = Load();

    public IReadOnlyDictionary<string, string> Texts(string language) =>
        _byLanguage.TryGetValue(language, out var texts) ? texts : FrozenDictionary<string, string>.Empty;

    /// <summary>
    /// Separates an English text from its context in a key ("Places|capacity"): the catalogue is keyed by English text,
    /// and one English word can need two translations (a shelter's places are its capacity, the network's places are
    /// locations). English shows the text before the separator.
    /// </summary>
    public const char ContextSeparator = '|';

    /// <summary>The text in <paramref name="language"/>; English returns the text itself. False when the translation is missing.</summary>
    public bool TryTranslate(string language, string english, out string text)
    {
        if (language == Languages.English)
        {
            text = WithoutContext(english);
            return true;
        }
        if (_byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(english, out var translated))
        {
            text = translated;
            return true;
        }
        text = WithoutContext(english);
        return false;
    }

    /// <summary>The English of a key: "Places|capacity" → "Places"; a key without context is its own English.</summary>
    public static string WithoutContext(string key)
    {
        var separator = key.IndexOf(ContextSeparator, StringComparison.Ordinal);
        return separator < 0 ? key : key[..separator];
    }

    internal static Catalogue Parse(IEnumerable<(string Language, string Json)> files)
    {
        var byLanguage = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (language, json) in files)
        {
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(json)
                ?? throw new InvalidOperationException($"The translations for '{language}' are empty.");
            byLanguage[language] = texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToFrozenDictionary(StringComparer.Ordinal);
        }
        return new Catalogue(byLanguage.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static Catalogue Load()
    {
        var assembly = typeof(Catalogue).Assembly;
        var files = new List<(string, string)>();
        foreach (var language in Languages.All.Where(l => l != Languages.English))
        {
            using var stream = assembly.GetManifestResourceStream($"Lantern.Resources.{language}.json")
                ?? throw new InvalidOperationException($"The translations for '{language}' are not built into Lantern.");
            using var reader = new StreamReader(stream);
            files.Add((language, reader.ReadToEnd()));
        }
        return Parse(files);
    }
}
