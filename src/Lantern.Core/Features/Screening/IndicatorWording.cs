using System.Text.Json;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// The indicators' and dimensions' wording in another language, bundled beside the catalogue
/// (<c>Reference/ilo_indicators_&lt;language&gt;.json</c>) and keyed by the English wording the catalogue uses. It is
/// for reading only: the catalogue stays English as imported, its version and every assessment's answers are about the
/// English rows (ADR 0007), and a row whose English has no entry (a reworded import) simply has no translation.
/// <see cref="Provenance"/> says how far the wording can be trusted and is shown beside it.
/// </summary>
public sealed class IndicatorWording
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<IndicatorWording> UrduWording = new(() => Parse(IndicatorCatalogue.ReadResource("ilo_indicators_ur.json")));

    private readonly IReadOnlyDictionary<string, string> _dimensions;
    private readonly IReadOnlyDictionary<string, string> _indicators;

    private IndicatorWording(string language, string provenance, IReadOnlyDictionary<string, string> dimensions, IReadOnlyDictionary<string, string> indicators)
    {
        Language = language;
        Provenance = provenance;
        _dimensions = dimensions;
        _indicators = indicators;
    }

    /// <summary>The Urdu wording shipped with Lantern: a draft, not yet reviewed by a native speaker.</summary>
    public static IndicatorWording Urdu => UrduWording.Value;

    public string Language { get; }

    /// <summary>Where the wording comes from and whether it has been reviewed.</summary>
    public string Provenance { get; }

    public int Count => _indicators.Count;

    /// <summary>The dimension's name in this language, or null when the wording has none for it.</summary>
    public string? Dimension(string english) => _dimensions.GetValueOrDefault(english);

    /// <summary>The indicator's wording in this language, or null when the wording has none for it.</summary>
    public string? Indicator(string english) => _indicators.GetValueOrDefault(english);

    internal static IndicatorWording Parse(string json)
    {
        var file = JsonSerializer.Deserialize<File>(json, Json)
            ?? throw new InvalidOperationException("The indicator wording is empty.");
        if (string.IsNullOrWhiteSpace(file.Language) || string.IsNullOrWhiteSpace(file.Provenance))
        {
            throw new InvalidOperationException("The indicator wording must say its language and its provenance.");
        }
        return new IndicatorWording(file.Language, file.Provenance,
            new Dictionary<string, string>(file.Dimensions ?? [], StringComparer.Ordinal), new Dictionary<string, string>(file.Indicators ?? [], StringComparer.Ordinal));
    }

    private sealed record File(string? Language, string? Provenance, Dictionary<string, string>? Dimensions, Dictionary<string, string>? Indicators);
}
