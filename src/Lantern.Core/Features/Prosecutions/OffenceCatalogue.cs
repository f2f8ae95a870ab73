using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>A closed range; either end may be unknown (null): no minimum stated, or an amount the law does not fix.</summary>
public sealed record PenaltyRange(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Min,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Max);

/// <summary>
/// One offence as the law stood from <see cref="EffectiveFrom"/> until the next version of the same offence.
/// Nulls mean "not stated in the sources", never zero.
/// </summary>
public sealed record OffenceVersion(
    string Instrument,
    string Section,
    string Title,
    IReadOnlyList<string> Elements,
    DateOnly EffectiveFrom,
    PenaltyRange? ImprisonmentMonths,
    PenaltyRange? FineRupees,
    string? PenaltyMode,
    string? PenaltyNote,
    bool? Cognizable,
    bool? Bailable,
    string? InvestigatingAgency,
    string? Court,
    string Verification,
    string Source,
    bool? Compoundable = null,
    string? CompoundableVerification = null)
{
    /// <summary>Who investigates (PTPA s.8: police, or the FIA when the victim was moved into or out of Pakistan); null where the law does not say.</summary>
    public string? InvestigatedBy(bool victimMovedAcrossBorder) => InvestigatingAgency switch
    {
        "police-or-fia" => victimMovedAcrossBorder ? "FIA" : "police",
        "fia" => "FIA",
        "police" => "police",
        _ => null,
    };
}

/// <summary>An offence (instrument and section) with its versions, oldest first.</summary>
public sealed record Offence(string Instrument, string Section, IReadOnlyList<OffenceVersion> Versions);

/// <summary>The offence catalogue: the law as data, loaded from <c>Reference/offences.json</c> (provenance in its README).</summary>
public sealed class OffenceCatalogue
{
    public static readonly IReadOnlyList<string> PenaltyModes = ["alternative", "cumulative", "either-or-both"];
    public static readonly IReadOnlyList<string> Agencies = ["police", "fia", "police-or-fia"];
    public static readonly IReadOnlyList<string> Verifications = ["verified", "secondary", "unverified"];

    private static readonly Lazy<OffenceCatalogue> BundledCatalogue = new(() => Parse(ReadResource("offences.json")));

    private OffenceCatalogue(IReadOnlyList<Offence> offences) => Offences = offences;

    public static OffenceCatalogue Bundled => BundledCatalogue.Value;

    public IReadOnlyList<Offence> Offences { get; }

    /// <summary>Every version, in catalogue order (instrument, section, effective date).</summary>
    public IEnumerable<OffenceVersion> Versions => Offences.SelectMany(o => o.Versions);

    /// <summary>The versions in force on <paramref name="date"/>: for each offence, the latest one effective on or before it.</summary>
    public IEnumerable<OffenceVersion> InForce(DateOnly date) =>
        Offences.Select(o => o.Versions.LastOrDefault(v => v.EffectiveFrom <= date)).OfType<OffenceVersion>();

    /// <summary>The version a charge uses: the latest whose effective date is on or before the date of the offence.</summary>
    /// <exception cref="ValidationException">No such offence, or the law was not yet in force on that date.</exception>
    public OffenceVersion VersionInForce(string instrument, string section, DateOnly offenceDate)
    {
        var offence = Offences.FirstOrDefault(o => string.Equals(o.Instrument, instrument, StringComparison.OrdinalIgnoreCase) && string.Equals(o.Section, section, StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException("section", $"{instrument} s.{section} is not in the offence catalogue.");
        return offence.Versions.LastOrDefault(v => v.EffectiveFrom <= offenceDate)
            ?? throw new ValidationException("offenceDate", string.Create(CultureInfo.InvariantCulture,
                $"{offence.Instrument} s.{offence.Section} was not in force on {offenceDate:yyyy-MM-dd}; it took effect on {offence.Versions[0].EffectiveFrom:yyyy-MM-dd}."));
    }

    /// <summary>Parses a catalogue (a JSON array of offence versions); errors name the entry and the field.</summary>
    public static OffenceCatalogue Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ValidationException("offences", $"not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ValidationException("offences", "expected a JSON array of offence versions.");
            }
            var versions = new List<OffenceVersion>();
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                versions.Add(ParseEntry(entry, index++));
            }
            var offences = versions
                .GroupBy(v => (v.Instrument, v.Section))
                .Select(g =>
                {
                    var ordered = g.OrderBy(v => v.EffectiveFrom).ToList();
                    for (var i = 1; i < ordered.Count; i++)
                    {
                        if (ordered[i].EffectiveFrom == ordered[i - 1].EffectiveFrom)
                        {
                            throw new ValidationException($"offences[{g.Key.Instrument} s.{g.Key.Section}].effectiveFrom", string.Create(CultureInfo.InvariantCulture, $"two versions take effect on {ordered[i].EffectiveFrom:yyyy-MM-dd}."));
                        }
                    }
                    return new Offence(g.Key.Instrument, g.Key.Section, ordered);
                })
                .ToList();
            return new OffenceCatalogue(offences);
        }
    }

    private static OffenceVersion ParseEntry(JsonElement entry, int index)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"offences[{index}]");
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(at, "expected an object.");
        }
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "instrument", "section", "title", "elements", "effectiveFrom", "imprisonmentMonths", "fineRupees", "penaltyMode", "penaltyNote",
            "cognizable", "bailable", "investigatingAgency", "court", "verification", "source", "compoundable", "compoundableVerification",
        };
        foreach (var property in entry.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new ValidationException($"{at}.{property.Name}", "is not a field of an offence version.");
            }
        }
        var instrument = Text(entry, at, "instrument", true)!;
        var section = Text(entry, at, "section", true)!;
        at = $"{at} ({instrument} s.{section})";
        var elements = entry.TryGetProperty("elements", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString()) ? e.GetString()! : throw new ValidationException($"{at}.elements", "each element must be a non-empty string.")).ToList()
            : throw new ValidationException($"{at}.elements", "required: an array of the elements of the offence.");
        if (elements.Count == 0)
        {
            throw new ValidationException($"{at}.elements", "name at least one element.");
        }
        var effective = Text(entry, at, "effectiveFrom", true)!;
        if (!DateOnly.TryParseExact(effective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effectiveFrom))
        {
            throw new ValidationException($"{at}.effectiveFrom", $"'{effective}' is not a date (YYYY-MM-DD).");
        }
        // Optional, so catalogues written before it parse: absent or null means the sources do not say.
        bool? compoundable = entry.TryGetProperty("compoundable", out _) ? Flag(entry, at, "compoundable") : null;
        var compoundableVerification = OneOf(entry, at, "compoundableVerification", Verifications, false);
        if (compoundable is not null && compoundableVerification is null)
        {
            throw new ValidationException($"{at}.compoundableVerification", "required when compoundable is stated: verified, secondary or unverified.");
        }
        return new OffenceVersion(
            instrument,
            section,
            Text(entry, at, "title", true)!,
            elements,
            effectiveFrom,
            Range(entry, at, "imprisonmentMonths"),
            Range(entry, at, "fineRupees"),
            OneOf(entry, at, "penaltyMode", PenaltyModes, false),
            Text(entry, at, "penaltyNote", false),
            Flag(entry, at, "cognizable"),
            Flag(entry, at, "bailable"),
            OneOf(entry, at, "investigatingAgency", Agencies, false),
            Text(entry, at, "court", false),
            OneOf(entry, at, "verification", Verifications, true)!,
            Text(entry, at, "source", true)!,
            compoundable,
            compoundable is null ? null : compoundableVerification);
    }

    private static string? Text(JsonElement entry, string at, string field, bool required)
    {
        if (!entry.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new ValidationException($"{at}.{field}", "required.") : null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new ValidationException($"{at}.{field}", "expected a non-empty string.");
        }
        return value.GetString()!.Trim();
    }

    private static string? OneOf(JsonElement entry, string at, string field, IReadOnlyList<string> allowed, bool required)
    {
        var value = Text(entry, at, field, required);
        return value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ValidationException($"{at}.{field}", $"'{value}' is not one of {string.Join(", ", allowed)}.");
    }

    private static bool? Flag(JsonElement entry, string at, string field) =>
        !entry.TryGetProperty(field, out var value) ? throw new ValidationException($"{at}.{field}", "required: true, false, or null where the law does not say.")
        : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw new ValidationException($"{at}.{field}", "expected true, false or null."),
        };

    private static PenaltyRange? Range(JsonElement entry, string at, string field)
    {
        if (!entry.TryGetProperty(field, out var value))
        {
            throw new ValidationException($"{at}.{field}", "required: {\"min\": n, \"max\": n}, or null where the section sets none.");
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Any(p => p.Name is not ("min" or "max")))
        {
            throw new ValidationException($"{at}.{field}", "expected {\"min\": n, \"max\": n} (each a whole number or null).");
        }
        var min = Bound(value, at, field, "min");
        var max = Bound(value, at, field, "max");
        if (min is not null && max is not null && min > max)
        {
            throw new ValidationException($"{at}.{field}", string.Create(CultureInfo.InvariantCulture, $"min {min} is greater than max {max}."));
        }
        return new PenaltyRange(min, max);
    }

    private static long? Bound(JsonElement range, string at, string field, string end)
    {
        if (!range.TryGetProperty(end, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0
            ? n
            : throw new ValidationException($"{at}.{field}.{end}", "expected a whole number of zero or more, or null.");
    }

    private static string ReadResource(string file)
    {
        var name = "Lantern.Core.Features.Prosecutions.Reference." + file;
        using var stream = typeof(OffenceCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The prosecutions reference file '{file}' is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
