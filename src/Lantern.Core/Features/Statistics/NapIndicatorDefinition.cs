using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Statistics;

public enum IndicatorUnit { Count, Percentage, Rate }

/// <summary>Calendar years (GLOTIP's unit) or Pakistan's financial years, 1 July to 30 June.</summary>
public enum IndicatorPeriod { CalendarYear, FinancialYear }

/// <summary>What a National Action Plan indicator counts over; every filter applies to numerator and denominator alike.</summary>
public sealed record IndicatorFilters(string? Organisation, string? Province, string? District, IReadOnlyList<AgeGroup> SexAge, IReadOnlyList<ExploitationForm> Exploitation)
{
    public static readonly IndicatorFilters None = new(null, null, null, [], []);

    /// <summary>The names of the filters that are set, as they appear in a definition.</summary>
    public IEnumerable<string> Set()
    {
        if (Organisation is not null) { yield return "organisation"; }
        if (Province is not null) { yield return "province"; }
        if (District is not null) { yield return "district"; }
        if (SexAge.Count > 0) { yield return "sexAge"; }
        if (Exploitation.Count > 0) { yield return "exploitation"; }
    }
}

/// <summary>A value in a year: the baseline or the target.</summary>
public sealed record IndicatorPoint(int Year, double Value);

/// <summary>
/// A National Action Plan indicator as data (docs/decisions/0026-nap-indicators-as-data.md): a numerator and an optional
/// denominator, each a measure of <see cref="NapMeasures"/>, filters, a baseline and a target, the kind of year it is
/// reported over, and the unit. Parsed from JSON with every error naming its field (<c>baseline.value</c>,
/// <c>filters.province</c>); what is stored is the canonical JSON written by <see cref="ToJson"/>.
/// </summary>
public sealed record NapIndicatorDefinition(string Code, string Title, string? Description, string Numerator, string? Denominator, IndicatorUnit Unit, int? Per,
    IndicatorFilters Filters, IndicatorPoint Baseline, IndicatorPoint Target, IndicatorPeriod Period, string? Source, bool Retired)
{
    public const int MaxCodeLength = 32;
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 1000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The reporting period of a year: the calendar year, or the financial year that begins on 1 July of it.</summary>
    public ReportingPeriod PeriodOf(int year) => Period == IndicatorPeriod.CalendarYear
        ? ReportingPeriod.Year(year)
        : new ReportingPeriod(new DateOnly(year, 7, 1), new DateOnly(year + 1, 6, 30));

    /// <summary>"2025", or "2025-26" for the financial year that begins in July 2025.</summary>
    public string YearLabel(int year) => Period == IndicatorPeriod.CalendarYear
        ? year.ToString(Invariant)
        : $"{year.ToString(Invariant)}-{((year + 1) % 100).ToString("00", Invariant)}";

    public static NapIndicatorDefinition Parse(string? json)
    {
        JsonNode? node;
        try
        {
            node = string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ValidationException("definition", $"The definition is not JSON: {e.Message}");
        }
        return node is JsonObject o ? Parse(o) : throw new ValidationException("definition", "Give the indicator as a JSON object.");
    }

    public static NapIndicatorDefinition Parse(JsonObject o)
    {
        var code = Text(o, "code", MaxCodeLength, required: true)!;
        if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ValidationException("code", $"'{code}' may hold only letters, digits, '.', '-' and '_'.");
        }
        var title = Text(o, "title", MaxTitleLength, required: true)!;
        var description = Text(o, "description", MaxTextLength, required: false);
        var numerator = Text(o, "numerator", 64, required: true)!;
        var denominator = Text(o, "denominator", 64, required: false);
        var unit = Choice(o, "unit", "count", ("count", IndicatorUnit.Count), ("percentage", IndicatorUnit.Percentage), ("rate", IndicatorUnit.Rate));
        var period = Choice(o, "period", "calendar-year", ("calendar-year", IndicatorPeriod.CalendarYear), ("financial-year", IndicatorPeriod.FinancialYear));
        int? per = null;
        if (o["per"] is { } perNode)
        {
            per = Number(perNode, "per") is var p && p is >= 1 and <= 1_000_000 && p == Math.Floor(p)
                ? (int)p
                : throw new ValidationException("per", "Give 'per' as a whole number from 1 to 1,000,000 (e.g. 100000 for a rate per 100,000).");
        }
        var filters = ParseFilters(o["filters"]);
        var baseline = Point(o, "baseline");
        var target = Point(o, "target");
        var source = Text(o, "source", MaxTextLength, required: false);
        var retired = o["retired"] is { } r
            ? r.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? r.GetValue<bool>() : throw new ValidationException("retired", "Give 'retired' as true or false.")
            : false;
        var known = new HashSet<string>(["code", "title", "description", "numerator", "denominator", "unit", "per", "filters", "baseline", "target", "period", "source", "retired"], StringComparer.Ordinal);
        if (o.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ValidationException(unknown, $"'{unknown}' is not part of an indicator definition.");
        }
        var definition = new NapIndicatorDefinition(code, title, description, numerator, denominator, unit, per, filters, baseline, target, period, source, retired);
        NapMeasures.Check(definition);
        if (target.Year <= baseline.Year)
        {
            throw new ValidationException("target.year", $"The target year ({target.Year}) must come after the baseline year ({baseline.Year}).");
        }
        if (target.Value == baseline.Value)
        {
            throw new ValidationException("target.value", "The target equals the baseline: progress toward it cannot be measured.");
        }
        return definition;
    }

    /// <summary>The canonical JSON kept in the database and given back to editors.</summary>
    public string ToJson()
    {
        var o = new JsonObject
        {
            ["code"] = Code,
            ["title"] = Title,
            ["description"] = Description,
            ["numerator"] = Numerator,
            ["denominator"] = Denominator,
            ["unit"] = Name(Unit),
            ["per"] = Per,
            ["filters"] = new JsonObject
            {
                ["organisation"] = Filters.Organisation,
                ["province"] = Filters.Province,
                ["district"] = Filters.District,
                ["sexAge"] = new JsonArray([.. Filters.SexAge.Select(g => (JsonNode)JsonValue.Create(g.ToString().ToLowerInvariant()))]),
                ["exploitation"] = new JsonArray([.. Filters.Exploitation.Select(f => (JsonNode)JsonValue.Create(f.ToString()))]),
            },
            ["baseline"] = new JsonObject { ["year"] = Baseline.Year, ["value"] = Baseline.Value },
            ["target"] = new JsonObject { ["year"] = Target.Year, ["value"] = Target.Value },
            ["period"] = Period == IndicatorPeriod.CalendarYear ? "calendar-year" : "financial-year",
            ["source"] = Source,
            ["retired"] = Retired,
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static string Name(IndicatorUnit unit) => unit.ToString().ToLowerInvariant();

    private static string? Text(JsonObject o, string key, int max, bool required, string prefix = "")
    {
        var field = prefix + key;
        var node = o[key];
        if (node is null)
        {
            return required ? throw new ValidationException(field, $"Give the {field}.") : null;
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw new ValidationException(field, $"Give the {field} as text.");
        }
        var text = node.GetValue<string>().Trim();
        if (text.Length == 0)
        {
            return required ? throw new ValidationException(field, $"Give the {field}.") : null;
        }
        return TextRules.FreeText(text, field, max);
    }

    private static T Choice<T>(JsonObject o, string field, string fallback, params (string Name, T Value)[] choices)
    {
        var text = o[field] is null ? fallback : Text(o, field, 64, required: false) ?? fallback;
        var found = choices.FirstOrDefault(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase));
        return found.Name is not null ? found.Value
            : throw new ValidationException(field, $"'{text}' is not a {field}; use {string.Join(", ", choices.Select(c => c.Name))}.");
    }

    private static double Number(JsonNode node, string field) =>
        node.GetValueKind() == JsonValueKind.Number && node.GetValue<double>() is var d && double.IsFinite(d) ? d
            : throw new ValidationException(field, $"Give the {field} as a number.");

    private static IndicatorPoint Point(JsonObject o, string field)
    {
        if (o[field] is not JsonObject point)
        {
            throw new ValidationException(field, $"Give the {field} as {{\"year\": YYYY, \"value\": number}}.");
        }
        var year = point["year"] is { } y ? Number(y, field + ".year") : throw new ValidationException(field + ".year", $"Give the {field} year.");
        if (year != Math.Floor(year) || year is < 1990 or > 2100)
        {
            throw new ValidationException(field + ".year", $"'{year.ToString(Invariant)}' is not a year between 1990 and 2100.");
        }
        var value = point["value"] is { } v ? Number(v, field + ".value") : throw new ValidationException(field + ".value", $"Give the {field} value.");
        if (value < 0)
        {
            throw new ValidationException(field + ".value", $"The {field} cannot be negative.");
        }
        if (point.Select(p => p.Key).FirstOrDefault(k => k is not ("year" or "value")) is { } unknown)
        {
            throw new ValidationException($"{field}.{unknown}", $"'{unknown}' is not part of the {field}: give year and value.");
        }
        return new IndicatorPoint((int)year, value);
    }

    private static IndicatorFilters ParseFilters(JsonNode? node)
    {
        if (node is null)
        {
            return IndicatorFilters.None;
        }
        if (node is not JsonObject o)
        {
            throw new ValidationException("filters", "Give the filters as an object, e.g. {\"province\": \"Punjab\"}.");
        }
        if (o.Select(p => p.Key).FirstOrDefault(k => k is not ("organisation" or "province" or "district" or "sexAge" or "exploitation")) is { } unknown)
        {
            throw new ValidationException("filters." + unknown, $"'{unknown}' is not a filter; use organisation, province, district, sexAge or exploitation.");
        }
        return new IndicatorFilters(
            Text(o, "organisation", 200, required: false, "filters."),
            Text(o, "province", 100, required: false, "filters."),
            Text(o, "district", 100, required: false, "filters."),
            List<AgeGroup>(o, "sexAge"),
            List<ExploitationForm>(o, "exploitation"));

        static List<T> List<T>(JsonObject o, string field) where T : struct, Enum
        {
            var name = "filters." + field;
            return o[field] switch
            {
                null => [],
                JsonArray items => [.. items.Select(i => i is not null && i.GetValueKind() == JsonValueKind.String
                        && Enum.TryParse<T>(i.GetValue<string>().Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var v) && Enum.IsDefined(v)
                        && !char.IsDigit(i.GetValue<string>().Trim().FirstOrDefault())
                    ? v
                    : throw new ValidationException(name, $"'{i}' is not one of: {string.Join(", ", Enum.GetNames<T>())}.")).Distinct().Order()],
                _ => throw new ValidationException(name, $"Give {field} as a list, e.g. [\"{Enum.GetNames<T>()[0]}\"]."),
            };
        }
    }
}
