using Lantern.Core.Common;
using Lantern.Core.Features.Screening;

namespace Lantern.Core.Tests.Features.Screening;

public sealed class CombinationRulesTests
{
    private const string Deceptive = "deceptive recruitment";
    private const string Coercive = "coercive recruitment";
    private const string RecruitmentAbuse = "recruitment by abuse of vulnerability";
    private const string Exploitative = "exploitative conditions of work";
    private const string Coercion = "coercion at destination";
    private const string DestinationAbuse = "abuse of vulnerability at destination";

    private static readonly string[] Six = [Deceptive, Coercive, RecruitmentAbuse, Exploitative, Coercion, DestinationAbuse];

    public static TheoryData<Population, int> Patterns()
    {
        var data = new TheoryData<Population, int>();
        foreach (var population in Enum.GetValues<Population>())
        {
            for (var bits = 0; bits < 64; bits++)
            {
                data.Add(population, bits);
            }
        }
        return data;
    }

    private static HashSet<string> Pattern(int bits) => Six.Where((_, i) => (bits & (1 << i)) != 0).ToHashSet();

    // Reading A written independently of the rule file: (any recruitment) and exploitation, and for adults (any means at destination).
    private static bool ReadingA(Population population, HashSet<string> p)
    {
        var recruitment = p.Contains(Deceptive) || p.Contains(Coercive) || p.Contains(RecruitmentAbuse);
        var means = p.Contains(Coercion) || p.Contains(DestinationAbuse);
        return population == Population.Child ? recruitment && p.Contains(Exploitative) : recruitment && p.Contains(Exploitative) && means;
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void IsMet_EveryPatternOfPositiveDimensions_MatchesReadingA(Population population, int bits)
    {
        var positive = Pattern(bits);
        Assert.Equal(ReadingA(population, positive), CombinationRules.ReadingA.For(population).IsMet(positive));
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Assess_LabourListWithEveryPatternAnsweredYes_IndicatesAsReadingA(Population population, int bits)
    {
        var positive = Pattern(bits);
        var list = IndicatorCatalogue.Bundled.List(population, Exploitation.Labour);
        var yes = list.Where(r => positive.Contains(r.Dimension)).Select(r => r.Reference).ToList();

        var result = IndicatorScreening.Bundled.Assess(new AssessmentAnswers(population, Exploitation.Labour, yes, []));

        Assert.Equal(positive.Order(), result.PositiveDimensions.Order());
        Assert.Equal(ReadingA(population, positive), result.Indicated);
        Assert.StartsWith(population == Population.Adult ? "Adult rule (ILO/EC 2009 reading A)" : "Child rule (ILO/EC 2009 reading A)", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingA_Bundled_IsNamedAndNamesTheCatalogueDimensions()
    {
        var rules = CombinationRules.ReadingA;
        Assert.Equal("ILO/EC 2009 reading A", rules.Name);
        var groups = rules.For(Population.Adult).Requires.Select(g => g.Role).ToList();
        Assert.Equal(["recruitment", "exploitation", "means at destination"], groups);
        Assert.Equal(["recruitment", "exploitation"], rules.For(Population.Child).Requires.Select(g => g.Role).ToList());
        Assert.Contains("conditions of prostitution", rules.For(Population.Adult).Requires[1].AnyOf);
    }

    [Fact]
    public void Parse_GroupWithoutDimensions_NamesThePath()
    {
        const string json = """
            {"name": "x", "source": "y", "populations": [
              {"population": "adult", "requires": [{"role": "recruitment", "anyOf": []}]},
              {"population": "child", "requires": [{"role": "recruitment", "anyOf": ["deceptive recruitment"]}]}]}
            """;
        var e = Assert.Throws<ValidationException>(() => CombinationRules.Parse(json, "rules.json"));
        Assert.Equal("rules.json populations[0].requires[0].anyOf", e.Field);
    }

    [Fact]
    public void Parse_MissingChildRule_IsRefused()
    {
        const string json = """{"name": "x", "source": "y", "populations": [{"population": "adult", "requires": [{"role": "r", "anyOf": ["deceptive recruitment"]}]}]}""";
        var e = Assert.Throws<ValidationException>(() => CombinationRules.Parse(json, "rules.json"));
        Assert.Contains("child", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownProperty_NamesIt()
    {
        const string json = """{"name": "x", "source": "y", "populations": [], "extra": 1}""";
        var e = Assert.Throws<ValidationException>(() => CombinationRules.Parse(json, "rules.json"));
        Assert.Equal("rules.json $.extra", e.Field);
    }

    [Fact]
    public void Screening_RuleNamingNoDimensionOfTheCatalogue_IsRefused()
    {
        const string json = """
            {"name": "misspelt", "source": "test", "populations": [
              {"population": "adult", "requires": [{"role": "exploitation", "anyOf": ["exploitative condition of work"]}]},
              {"population": "child", "requires": [{"role": "exploitation", "anyOf": ["exploitative conditions of work"]}]}]}
            """;
        var rules = CombinationRules.Parse(json, "rules.json");
        var e = Assert.Throws<ValidationException>(() => new IndicatorScreening(IndicatorCatalogue.Bundled, rules));
        Assert.Contains("exploitative condition of work", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_OtherRuleSet_DecidesAndIsNamed()
    {
        // Reading B's "trafficking for forced labour": (deceptive or coercive recruitment) + exploitation + coercion at destination.
        const string json = """
            {"name": "reading B", "source": "test", "populations": [
              {"population": "adult", "requires": [
                {"role": "recruitment", "anyOf": ["deceptive recruitment", "coercive recruitment"]},
                {"role": "exploitation", "anyOf": ["exploitative conditions of work"]},
                {"role": "coercion", "anyOf": ["coercion at destination"]}]},
              {"population": "child", "requires": [{"role": "exploitation", "anyOf": ["exploitative conditions of work"]}]}]}
            """;
        var screening = new IndicatorScreening(IndicatorCatalogue.Bundled, CombinationRules.Parse(json, "b.json"));
        var list = IndicatorCatalogue.Bundled.List(Population.Adult, Exploitation.Labour);
        var yes = list.Where(r => r.Dimension is RecruitmentAbuse or Exploitative or Coercion).Select(r => r.Reference).ToList();

        var result = screening.Assess(new AssessmentAnswers(Population.Adult, Exploitation.Labour, yes, []));

        Assert.False(result.Indicated);
        Assert.Equal("reading B", result.RuleSet);
        Assert.StartsWith("Adult rule (reading B): not met: no positive recruitment dimension (deceptive recruitment or coercive recruitment)", result.Rule, StringComparison.Ordinal);
    }
}
