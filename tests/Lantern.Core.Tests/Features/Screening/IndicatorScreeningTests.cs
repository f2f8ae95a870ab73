using Lantern.Core.Common;
using Lantern.Core.Features.Screening;

namespace Lantern.Core.Tests.Features.Screening;

public sealed class IndicatorScreeningTests
{
    private static AssessmentResult Assess(Population population, Exploitation exploitation, string[] yes, string[]? unknown = null) =>
        IndicatorScreening.Bundled.Assess(new AssessmentAnswers(population, exploitation, yes, unknown ?? []));

    private static AssessmentResult AdultLabour(string[] yes, string[]? unknown = null) => Assess(Population.Adult, Exploitation.Labour, yes, unknown);

    private static DimensionResult Dimension(AssessmentResult result, string name) => Assert.Single(result.Dimensions, d => d.Name == name);

    private static readonly string[] AdultLabourCase =
    [
        "Deceived about the nature of the job, location or employer",
        "Deceived about wages/earnings",
        "Excessive working days or hours",
        "Low or no salary",
        "coercion at destination: Confiscation of documents",
        "coercion at destination: Debt bondage",
    ];

    [Fact]
    public void Assess_OneStrongAlone_SaysWhatIsMissing()
    {
        var result = AdultLabour(["coercive recruitment: Violence on victims"]);
        var dimension = Dimension(result, "coercive recruitment");
        Assert.False(dimension.Positive);
        Assert.Equal((1, 0, 0), (dimension.Strong, dimension.Medium, dimension.Weak));
        Assert.Equal(
            "1 strong (Violence on victims) and no medium or weak: needs two strong, one strong plus one medium or weak, three medium, or two medium plus one weak",
            dimension.Because);
    }

    [Fact]
    public void Assess_PositiveDimension_NamesTheDecidingIndicatorsAndSubRule()
    {
        var result = AdultLabour(AdultLabourCase);
        Assert.Equal("positive: 2 strong (Confiscation of documents; Debt bondage) meet \"two strong\"", Dimension(result, "coercion at destination").Because);
        Assert.Equal(
            "positive: 1 strong (Deceived about the nature of the job, location or employer) and 1 medium (Deceived about wages/earnings) meet \"one strong plus one medium or weak\"",
            Dimension(result, "deceptive recruitment").Because);
    }

    [Fact]
    public void Assess_AdultLabourWithAllThreeRoles_IsIndicatedAndTheRuleNamesThem()
    {
        var result = AdultLabour(AdultLabourCase);
        Assert.True(result.Indicated);
        Assert.Equal(["deceptive recruitment", "exploitative conditions of work", "coercion at destination"], result.PositiveDimensions);
        Assert.Equal(
            "Adult rule (ILO/EC 2009 reading A): recruitment (deceptive recruitment) + exploitation (exploitative conditions of work) + means at destination (coercion at destination) all positive",
            result.Rule);
        Assert.Equal(IndicatorCatalogue.Bundled.Version, result.CatalogueVersion);
        Assert.Equal("ILO/EC 2009 reading A", result.RuleSet);
        Assert.Contains(result.Yes, r => r.Reference == "coercion at destination: Debt bondage");
    }

    [Fact]
    public void Assess_MixedTiers_ListsEveryTier()
    {
        var result = AdultLabour(["Excessive working days or hours", "Hazardous work", "Wage manipulation", "No access to education"]);
        Assert.Equal(
            "positive: 1 strong (Excessive working days or hours), 2 medium (Hazardous work; Wage manipulation) and 1 weak (No access to education) meet \"one strong plus one medium or weak\"",
            Dimension(result, "exploitative conditions of work").Because);
    }

    [Fact]
    public void Assess_ChildWithoutMeans_IsIndicated()
    {
        string[] yes = ["Deceived about the nature of the job, location or employer", "Deceived about access to education opportunities", "Excessive working days or hours", "Hazardous work"];
        var result = Assess(Population.Child, Exploitation.Labour, yes);
        Assert.True(result.Indicated);
        Assert.Equal(
            "Child rule (ILO/EC 2009 reading A): recruitment (deceptive recruitment) + exploitation (exploitative conditions of work) all positive; means are not required for a child (Palermo Protocol art. 3(c))",
            result.Rule);
    }

    [Fact]
    public void Assess_AdultWithoutMeans_IsNotIndicatedAndTheRuleSaysWhatIsMissing()
    {
        string[] yes = ["Deceived about the nature of the job, location or employer", "Deceived about access to education opportunities", "Excessive working days or hours", "Hazardous work"];
        var result = AdultLabour(yes);
        Assert.False(result.Indicated);
        Assert.Equal(
            "Adult rule (ILO/EC 2009 reading A): not met: no positive means at destination dimension (coercion at destination or abuse of vulnerability at destination); positive: recruitment (deceptive recruitment), exploitation (exploitative conditions of work)",
            result.Rule);
        Assert.False(result.UnknownAnswersCouldIndicate);
    }

    [Fact]
    public void Assess_UnknownAnswerThatCouldTipIt_IsNamedInDimensionAndRule()
    {
        string[] yes = ["Deceived about the nature of the job, location or employer", "Deceived about wages/earnings", "Excessive working days or hours", "coercion at destination: Debt bondage"];
        var result = AdultLabour(yes, ["Hazardous work", "Forced tasks or clients"]);
        Assert.False(result.Indicated);
        Assert.True(result.UnknownAnswersCouldIndicate);
        Assert.EndsWith("; could become positive if these answers marked unknown are yes: Hazardous work (medium)", Dimension(result, "exploitative conditions of work").Because, StringComparison.Ordinal);
        Assert.EndsWith("; the answers marked unknown could change this", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_UnknownAnswerThatCannotTipIt_SaysItWouldFallShort()
    {
        var result = AdultLabour([], ["No access to education"]);
        Assert.EndsWith("; even if the answers marked unknown (No access to education (weak)) were yes it would fall short", Dimension(result, "exploitative conditions of work").Because, StringComparison.Ordinal);
        Assert.False(result.UnknownAnswersCouldIndicate);
    }

    [Fact]
    public void Assess_UnverifiedRows_AreNotCounted()
    {
        const string csv = """
            population,exploitation,dimension,indicator,strength,verification
            adult,labour,deceptive recruitment,S1,strong,test
            adult,labour,deceptive recruitment,U1,unverified,test
            adult,labour,deceptive recruitment,U2,unverified,test
            adult,labour,exploitative conditions of work,E1,strong,test
            adult,labour,exploitative conditions of work,E2,strong,test
            adult,labour,coercion at destination,C1,strong,test
            adult,labour,coercion at destination,C2,strong,test
            """;
        var screening = new IndicatorScreening(IndicatorCatalogue.Parse(csv, "test.csv"), CombinationRules.ReadingA);

        var result = screening.Assess(new AssessmentAnswers(Population.Adult, Exploitation.Labour, ["S1", "U1", "U2", "E1", "E2", "C1", "C2"], []));

        var deceptive = Dimension(result, "deceptive recruitment");
        Assert.False(deceptive.Positive);
        Assert.Equal((1, 0, 0), (deceptive.Strong, deceptive.Medium, deceptive.Weak));
        Assert.EndsWith("; not counted: strength unverified (U1; U2)", deceptive.Because, StringComparison.Ordinal);
        Assert.False(result.Indicated);
        Assert.Contains("2 yes answer(s) not counted: strength unverified in this catalogue, so this result does not rule trafficking out", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ChildSexualEverythingYes_IsNotIndicatedAndSaysTheListCannotDecide()
    {
        var all = IndicatorCatalogue.Bundled.List(Population.Child, Exploitation.Sexual).Select(r => r.Reference).ToArray();
        var result = Assess(Population.Child, Exploitation.Sexual, all);
        Assert.False(result.Indicated);
        Assert.Empty(result.PositiveDimensions);
        var exploitation = Dimension(result, "exploitative conditions of work");
        Assert.Equal((1, 0, 0), (exploitation.Strong, exploitation.Medium, exploitation.Weak));
        Assert.Contains("not counted: strength unverified (Excessive working days or hours;", exploitation.Because, StringComparison.Ordinal);
        Assert.Contains("63 yes answer(s) not counted", result.Rule, StringComparison.Ordinal);
        Assert.Contains("no set of answers can meet this rule", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ChildSexualList_TakesItsOwnWording()
    {
        var result = Assess(Population.Child, Exploitation.Sexual, ["Deceived about conditions of prostitution"]);
        Assert.Equal("deceptive recruitment", Assert.Single(result.Yes).Dimension);
        var e = Assert.Throws<ValidationException>(() => Assess(Population.Child, Exploitation.Labour, ["Deceived about conditions of prostitution"]));
        Assert.Contains("child/labour", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_TextNotInTheList_NamesItUnderYes()
    {
        var e = Assert.Throws<ValidationException>(() => AdultLabour(["Excessive working days or hours", "Forced to sell kidneys"]));
        Assert.Equal("yes", e.Field);
        Assert.Contains("'Forced to sell kidneys'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_TextNotInTheList_NamesItUnderUnknown()
    {
        var e = Assert.Throws<ValidationException>(() => AdultLabour([], ["Nothing like this"]));
        Assert.Equal("unknown", e.Field);
        Assert.Contains("'Nothing like this'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_TextInTwoDimensions_MustBeQualified()
    {
        var e = Assert.Throws<ValidationException>(() => AdultLabour(["Violence on victims"]));
        Assert.Equal("yes", e.Field);
        Assert.Contains("'coercive recruitment: Violence on victims'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'coercion at destination: Violence on victims'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_QualifiedOtherCaseAndSpacing_Resolves()
    {
        var result = AdultLabour(["Coercion At Destination:violence ON   victims", "  excessive working days or hours "]);
        Assert.Equal(["coercion at destination: Violence on victims", "exploitative conditions of work: Excessive working days or hours"], result.Yes.Select(r => r.Reference));
    }

    [Fact]
    public void Assess_SameIndicatorYesAndUnknown_IsRefused()
    {
        var e = Assert.Throws<ValidationException>(() => AdultLabour(["Hazardous work"], ["hazardous work"]));
        Assert.Equal("unknown", e.Field);
    }

    [Fact]
    public void Assess_ListMissingFromCatalogue_IsRefused()
    {
        const string csv = """
            population,exploitation,dimension,indicator,strength,verification
            adult,labour,deceptive recruitment,S1,strong,test
            adult,labour,exploitative conditions of work,E1,strong,test
            adult,labour,coercion at destination,C1,strong,test
            """;
        var screening = new IndicatorScreening(IndicatorCatalogue.Parse(csv, "test.csv"), CombinationRules.ReadingA);
        var e = Assert.Throws<ValidationException>(() => screening.Assess(new AssessmentAnswers(Population.Child, Exploitation.Labour, [], [])));
        Assert.Equal("population", e.Field);
    }
}
