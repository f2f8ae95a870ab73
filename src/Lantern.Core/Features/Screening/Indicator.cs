using Lantern.Core.Common;

namespace Lantern.Core.Features.Screening;

/// <summary>Whose list of indicators applies: the ILO/EC lists differ for adults and children (under 18).</summary>
public enum Population { Adult, Child }

/// <summary>The purpose the list screens for: labour or sexual exploitation.</summary>
public enum Exploitation { Labour, Sexual }

/// <summary>
/// An indicator's weight in the ILO/EC lists. <see cref="Unverified"/> marks a row whose weight no source gives:
/// it is shown to the caseworker but never counted towards a dimension.
/// </summary>
public enum IndicatorStrength { Strong, Medium, Weak, Unverified }

/// <summary>One row of an indicator catalogue: an indicator of one dimension of one list, with its weight and where that weight comes from.</summary>
public sealed record Indicator(
    Population Population,
    Exploitation Exploitation,
    string Dimension,
    string Text,
    IndicatorStrength Strength,
    string Verification)
{
    /// <summary>"dimension: text": names this indicator unambiguously within its list (answers accept it).</summary>
    public string Reference => $"{Dimension}: {Text}";
}

/// <summary>The lower-case words the catalogue, the rule files and the answer files use for the screening enums.</summary>
public static class IndicatorTerms
{
    public static string Name(Population population) => population switch
    {
        Population.Adult => "adult",
        Population.Child => "child",
    };

    public static string Name(Exploitation exploitation) => exploitation switch
    {
        Exploitation.Labour => "labour",
        Exploitation.Sexual => "sexual",
    };

    public static string Name(IndicatorStrength strength) => strength switch
    {
        IndicatorStrength.Strong => "strong",
        IndicatorStrength.Medium => "medium",
        IndicatorStrength.Weak => "weak",
        IndicatorStrength.Unverified => "unverified",
    };

    /// <summary>"adult/labour": how messages name one list.</summary>
    public static string ListName(Population population, Exploitation exploitation) => $"{Name(population)}/{Name(exploitation)}";

    public static Population ParsePopulation(string? value, string field) => value switch
    {
        "adult" => Population.Adult,
        "child" => Population.Child,
        _ => throw new ValidationException(field, $"{Quoted(value)} is not a population; use adult or child."),
    };

    public static Exploitation ParseExploitation(string? value, string field) => value switch
    {
        "labour" => Exploitation.Labour,
        "sexual" => Exploitation.Sexual,
        _ => throw new ValidationException(field, $"{Quoted(value)} is not a form of exploitation of the ILO/EC lists; use labour or sexual."),
    };

    public static IndicatorStrength ParseStrength(string? value, string field) => value switch
    {
        "strong" => IndicatorStrength.Strong,
        "medium" => IndicatorStrength.Medium,
        "weak" => IndicatorStrength.Weak,
        "unverified" => IndicatorStrength.Unverified,
        _ => throw new ValidationException(field, $"{Quoted(value)} is not a strength; use strong, medium, weak or unverified."),
    };

    internal static string Quoted(string? value) => value is null ? "(nothing)" : $"'{(value.Length > 80 ? value[..80] + "…" : value)}'";
}
