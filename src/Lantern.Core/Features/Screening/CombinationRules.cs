using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// How positive dimensions combine into "trafficking indicated", as data: per population, groups of dimensions
/// that must each have at least one positive member. The combination is not verified against the ILO/EC text
/// (ilo_indicators_rule.md section 3b), so it is a file that can be replaced, not code; its
/// <see cref="Name"/> is recorded with every assessment.
/// </summary>
public sealed record CombinationRules
{
    private static readonly Lazy<CombinationRules> Default = new(() => Parse(IndicatorCatalogue.ReadResource("combination_rules_reading_a.json"), "combination_rules_reading_a.json"));

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 8,
    };

    /// <summary>The name assessments quote, e.g. "ILO/EC 2009 reading A".</summary>
    public required string Name { get; init; }

    /// <summary>Where the reading comes from and how far it is verified.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<PopulationRule> Populations { get; init; }

    /// <summary>Reading A of ilo_indicators_rule.md 3b, the default until someone checks WCMS_105023.</summary>
    public static CombinationRules ReadingA => Default.Value;

    public PopulationRule For(Population population) =>
        Populations.FirstOrDefault(p => p.Population == population)
        ?? throw new ValidationException("population", $"The rule set '{Name}' has no rule for {IndicatorTerms.Name(population)}s.");

    /// <summary>Reads a rule file (<c>{"name", "source", "populations": [{"population", "note"?, "requires": [{"role", "anyOf": [...]}]}]}</c>) and checks its shape.</summary>
    public static CombinationRules Parse(string json, string label)
    {
        RuleFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RuleFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            var error = CaseDocument.JsonError(e);
            throw new ValidationException($"{label} {error.Field}", error.Message);
        }
        if (file is null)
        {
            throw new ValidationException(label, "The rule file is empty.");
        }
        var populations = new List<PopulationRule>();
        foreach (var (p, i) in (file.Populations ?? []).Select((p, i) => (p, i)))
        {
            var at = $"{label} populations[{i}]";
            var population = IndicatorTerms.ParsePopulation(p.Population, at + ".population");
            if (populations.Any(x => x.Population == population))
            {
                throw new ValidationException(at + ".population", $"{p.Population} has a rule already.");
            }
            var groups = new List<DimensionGroup>();
            foreach (var (g, j) in (p.Requires ?? []).Select((g, j) => (g, j)))
            {
                var role = Text(g.Role, $"{at}.requires[{j}].role");
                var names = (g.AnyOf ?? []).Select((n, k) => Text(n, $"{at}.requires[{j}].anyOf[{k}]")).ToList();
                if (names.Count == 0)
                {
                    throw new ValidationException($"{at}.requires[{j}].anyOf", "A group needs at least one dimension name.");
                }
                groups.Add(new DimensionGroup(role, names));
            }
            if (groups.Count == 0)
            {
                throw new ValidationException($"{at}.requires", "A population rule needs at least one group of dimensions.");
            }
            populations.Add(new PopulationRule(population, groups) { Note = string.IsNullOrWhiteSpace(p.Note) ? null : p.Note.Trim() });
        }
        foreach (var population in Enum.GetValues<Population>().Where(p => populations.All(x => x.Population != p)))
        {
            throw new ValidationException($"{label} populations", $"The rule file has no rule for {IndicatorTerms.Name(population)}s.");
        }
        return new CombinationRules { Name = Text(file.Name, $"{label} name"), Source = Text(file.Source, $"{label} source"), Populations = populations };
    }

    /// <summary>
    /// Refuses a rule set that cannot work with <paramref name="catalogue"/>: a group none of whose dimensions is in
    /// a list of the catalogue could never be met, which is almost always a misspelt dimension name.
    /// </summary>
    public void CheckAgainst(IndicatorCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        foreach (var (population, exploitation) in catalogue.Rows.Select(r => (r.Population, r.Exploitation)).Distinct())
        {
            var dimensions = catalogue.Dimensions(population, exploitation);
            foreach (var group in For(population).Requires.Where(g => !g.AnyOf.Any(dimensions.Contains)))
            {
                throw new ValidationException("rules", $"In '{Name}', the {group.Role} group ({string.Join(", ", group.AnyOf)}) names no dimension of the {IndicatorTerms.ListName(population, exploitation)} list of '{catalogue.Label}'.");
            }
        }
    }

    private static string Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(field, "This value is missing or empty.") : value.Trim();

    private sealed record RuleFile(string? Name, string? Source, List<PopulationFile>? Populations);

    private sealed record PopulationFile(string? Population, List<GroupFile>? Requires, string? Note);

    private sealed record GroupFile(string? Role, List<string>? AnyOf);
}

/// <summary>The groups one population must meet; every group needs at least one positive dimension.</summary>
public sealed record PopulationRule(Population Population, IReadOnlyList<DimensionGroup> Requires)
{
    /// <summary>Said after the rule in every assessment (e.g. why a child needs no means).</summary>
    public string? Note { get; init; }

    public bool IsMet(IReadOnlySet<string> positiveDimensions) => Requires.All(g => g.IsMet(positiveDimensions));
}

/// <summary>A role of the trafficking definition (recruitment, exploitation, means at destination) and the dimensions that can fill it ("any of").</summary>
public sealed record DimensionGroup(string Role, IReadOnlyList<string> AnyOf)
{
    public bool IsMet(IReadOnlySet<string> positiveDimensions)
    {
        ArgumentNullException.ThrowIfNull(positiveDimensions);
        return AnyOf.Any(positiveDimensions.Contains);
    }
}
