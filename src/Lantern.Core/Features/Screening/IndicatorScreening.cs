using System.Globalization;
using System.Text;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// Evaluates answers against one catalogue and one combination rule set: first each dimension
/// (<see cref="DimensionRule"/>), then the population's groups (<see cref="CombinationRules"/>). Pure: no database,
/// no clock. Every outcome carries its reasons in words, because a caseworker must be able to see why, and because
/// the weights themselves are only partly verified (see Reference/README.md).
/// </summary>
public sealed class IndicatorScreening
{
    private static readonly Lazy<IndicatorScreening> BundledScreening = new(() => new IndicatorScreening(IndicatorCatalogue.Bundled, CombinationRules.ReadingA));

    /// <summary>Refuses a rule set that names no dimension of some list of the catalogue (<see cref="CombinationRules.CheckAgainst"/>).</summary>
    public IndicatorScreening(IndicatorCatalogue catalogue, CombinationRules rules)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rules);
        rules.CheckAgainst(catalogue);
        Catalogue = catalogue;
        Rules = rules;
    }

    /// <summary>The bundled catalogue with reading A.</summary>
    public static IndicatorScreening Bundled => BundledScreening.Value;

    public IndicatorCatalogue Catalogue { get; }
    public CombinationRules Rules { get; }

    /// <summary>
    /// Evaluates one assessment. An answer that names no indicator of the chosen list, names one ambiguously, or is
    /// both yes and unknown throws <see cref="ValidationException"/> with field "yes" or "unknown".
    /// </summary>
    public AssessmentResult Assess(AssessmentAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var list = Catalogue.List(answers.Population, answers.Exploitation);
        if (list.Count == 0)
        {
            throw new ValidationException("population", $"The catalogue '{Catalogue.Label}' has no {IndicatorTerms.ListName(answers.Population, answers.Exploitation)} list.");
        }
        var yes = Resolve(list, answers.Yes, "yes", answers);
        var unknown = Resolve(list, answers.Unknown, "unknown", answers);
        var both = yes.Intersect(unknown).FirstOrDefault();
        if (both is not null)
        {
            throw new ValidationException("unknown", $"'{both.Reference}' is answered both yes and unknown.");
        }

        var dimensions = Catalogue.Dimensions(answers.Population, answers.Exploitation)
            .Select(d => Dimension(d, yes.Where(r => r.Dimension == d).ToList(), unknown.Where(r => r.Dimension == d).ToList()))
            .ToList();
        var positive = dimensions.Where(d => d.Positive).Select(d => d.Name).ToList();
        var rule = Rules.For(answers.Population);
        var indicated = rule.IsMet(positive.ToHashSet(StringComparer.Ordinal));
        var couldIndicate = !indicated && rule.IsMet(PositiveIf(list, yes.Concat(unknown)));
        var reachable = rule.IsMet(PositiveIf(list, list));
        return new AssessmentResult(
            answers.Population,
            answers.Exploitation,
            indicated,
            positive,
            dimensions,
            RuleText(rule, positive, Catalogue.Dimensions(answers.Population, answers.Exploitation), indicated, couldIndicate, reachable, yes.Count(r => r.Strength == IndicatorStrength.Unverified)),
            couldIndicate,
            Rules.Name,
            Catalogue.Version,
            yes,
            unknown);
    }

    /// <summary>
    /// The catalogue row an answer names (its text, or "dimension: text"), with the same errors as <see cref="Assess"/>
    /// on <paramref name="field"/>: unknown, empty or ambiguous.
    /// </summary>
    public Indicator Find(Population population, Exploitation exploitation, string? reference, string field) =>
        Find(Catalogue.List(population, exploitation), reference, field, IndicatorTerms.ListName(population, exploitation));

    private static List<Indicator> Resolve(IReadOnlyList<Indicator> list, IReadOnlyCollection<string>? references, string field, AssessmentAnswers answers)
    {
        var resolved = new List<Indicator>();
        foreach (var reference in references ?? [])
        {
            var row = Find(list, reference, field, IndicatorTerms.ListName(answers.Population, answers.Exploitation));
            if (!resolved.Contains(row))
            {
                resolved.Add(row);
            }
        }
        return resolved;
    }

    private static Indicator Find(IReadOnlyList<Indicator> list, string? reference, string field, string listName)
    {
        var wanted = Collapse(reference);
        if (wanted.Length == 0)
        {
            throw new ValidationException(field, "An answer is empty; name an indicator.");
        }
        var byText = list.Where(r => Same(r.Text, wanted)).ToList();
        if (byText.Count == 1)
        {
            return byText[0];
        }
        if (byText.Count > 1)
        {
            throw new ValidationException(field, $"'{byText[0].Text}' is an indicator of {byText.Count} dimensions of the {listName} list; name one as {string.Join(" or ", byText.Select(r => $"'{r.Reference}'"))}.");
        }
        var colon = wanted.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var dimension = wanted[..colon].Trim();
            var text = wanted[(colon + 1)..].Trim();
            var qualified = list.FirstOrDefault(r => Same(r.Dimension, dimension) && Same(r.Text, text));
            if (qualified is not null)
            {
                return qualified;
            }
        }
        throw new ValidationException(field, $"{IndicatorTerms.Quoted(reference)} is not an indicator of the {listName} list.");
    }

    private static string Collapse(string? s) => string.Join(' ', (s ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool Same(string a, string b) => string.Equals(Collapse(a), b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The dimensions that would be positive if exactly <paramref name="answeredYes"/> were yes.</summary>
    private static HashSet<string> PositiveIf(IReadOnlyList<Indicator> list, IEnumerable<Indicator> answeredYes)
    {
        var yes = answeredYes.ToList();
        return list.Select(r => r.Dimension).Distinct()
            .Where(d => IsPositive(yes.Where(r => r.Dimension == d)))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsPositive(IEnumerable<Indicator> rows)
    {
        var counted = rows.ToList();
        return DimensionRule.IsPositive(Count(counted, IndicatorStrength.Strong), Count(counted, IndicatorStrength.Medium), Count(counted, IndicatorStrength.Weak));
    }

    private static int Count(IEnumerable<Indicator> rows, IndicatorStrength strength) => rows.Count(r => r.Strength == strength);

    private static DimensionResult Dimension(string name, List<Indicator> yes, List<Indicator> unknown)
    {
        var (strong, medium, weak) = (Count(yes, IndicatorStrength.Strong), Count(yes, IndicatorStrength.Medium), Count(yes, IndicatorStrength.Weak));
        var positive = DimensionRule.IsPositive(strong, medium, weak);
        var because = new StringBuilder();
        if (positive)
        {
            because.Append(CultureInfo.InvariantCulture, $"positive: {Counts(yes, withAbsent: false)} meet \"{DimensionRule.SubRuleMet(strong, medium, weak)}\"");
        }
        else
        {
            because.Append(strong + medium + weak == 0 ? "no counted indicator answered yes" : Counts(yes, withAbsent: true)).Append(": ").Append(DimensionRule.Requirement);
            var open = unknown.Where(r => r.Strength != IndicatorStrength.Unverified).ToList();
            if (open.Count > 0)
            {
                because.Append(IsPositive(yes.Concat(open))
                    ? $"; could become positive if these answers marked unknown are yes: {Named(open)}"
                    : $"; even if the answers marked unknown ({Named(open)}) were yes it would fall short");
            }
        }
        var unverified = yes.Where(r => r.Strength == IndicatorStrength.Unverified).ToList();
        if (unverified.Count > 0)
        {
            because.Append("; not counted: strength unverified (").Append(string.Join("; ", unverified.Select(r => r.Text))).Append(')');
        }
        return new DimensionResult(name, positive, strong, medium, weak, because.ToString());
    }

    /// <summary>"1 strong (Violence on victims) and no medium or weak"; with <paramref name="withAbsent"/> false only the tiers present.</summary>
    private static string Counts(List<Indicator> yes, bool withAbsent)
    {
        IndicatorStrength[] tiers = [IndicatorStrength.Strong, IndicatorStrength.Medium, IndicatorStrength.Weak];
        var present = tiers.Where(t => Count(yes, t) > 0)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{Count(yes, t)} {IndicatorTerms.Name(t)} ({string.Join("; ", yes.Where(r => r.Strength == t).Select(r => r.Text))})"))
            .ToList();
        var text = present.Count == 1 ? present[0] : string.Join(", ", present[..^1]) + " and " + present[^1];
        var absent = tiers.Where(t => Count(yes, t) == 0).Select(IndicatorTerms.Name).ToList();
        if (!withAbsent || absent.Count == 0)
        {
            return text;
        }
        return present.Count == 1 ? $"{text} and no {string.Join(" or ", absent)}" : $"{string.Join(", ", present)} and no {string.Join(" or ", absent)}";
    }

    private static string Named(IEnumerable<Indicator> rows) => string.Join("; ", rows.Select(r => $"{r.Text} ({IndicatorTerms.Name(r.Strength)})"));

    private string RuleText(PopulationRule rule, List<string> positive, IReadOnlyList<string> listDimensions, bool indicated, bool couldIndicate, bool reachable, int unverifiedYes)
    {
        var who = rule.Population == Population.Adult ? "Adult" : "Child";
        var text = new StringBuilder($"{who} rule ({Rules.Name}): ");
        string Filled(DimensionGroup g) => $"{g.Role} ({string.Join(", ", g.AnyOf.Where(positive.Contains))})";
        if (indicated)
        {
            text.AppendJoin(" + ", rule.Requires.Select(Filled)).Append(rule.Requires.Count > 1 ? " all positive" : " positive");
        }
        else
        {
            text.Append("not met: ").AppendJoin("; ", rule.Requires.Where(g => !g.IsMet(positive.ToHashSet()))
                .Select(g => $"no positive {g.Role} dimension ({string.Join(" or ", g.AnyOf.Where(listDimensions.Contains))})"));
            var met = rule.Requires.Where(g => g.IsMet(positive.ToHashSet())).ToList();
            if (met.Count > 0)
            {
                text.Append("; positive: ").AppendJoin(", ", met.Select(Filled));
            }
            if (couldIndicate)
            {
                text.Append("; the answers marked unknown could change this");
            }
        }
        if (unverifiedYes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {unverifiedYes} yes answer(s) not counted: strength unverified in this catalogue");
            if (!indicated)
            {
                text.Append(", so this result does not rule trafficking out");
            }
        }
        if (!reachable)
        {
            text.Append("; no set of answers can meet this rule with this catalogue's list, because too few of its rows have a known strength");
        }
        if (rule.Note is not null)
        {
            text.Append("; ").Append(rule.Note);
        }
        return text.ToString();
    }
}
