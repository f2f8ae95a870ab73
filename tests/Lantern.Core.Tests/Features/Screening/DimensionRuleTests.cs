using Lantern.Core.Features.Screening;

namespace Lantern.Core.Tests.Features.Screening;

public sealed class DimensionRuleTests
{
    // The four sub-rules of ilo_indicators_rule.md 3a written as their minimal sets of (strong, medium, weak):
    // a dimension is positive when its counts cover one of them.
    private static readonly (int Strong, int Medium, int Weak)[] MinimalSets = [(2, 0, 0), (1, 1, 0), (1, 0, 1), (0, 3, 0), (0, 2, 1)];

    public static TheoryData<int, int, int> AllCounts()
    {
        var data = new TheoryData<int, int, int>();
        for (var s = 0; s <= 4; s++)
        {
            for (var m = 0; m <= 4; m++)
            {
                for (var w = 0; w <= 4; w++)
                {
                    data.Add(s, m, w);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCounts))]
    public void IsPositive_EveryCountUpToFour_MatchesTheMinimalSets(int strong, int medium, int weak)
    {
        var expected = MinimalSets.Any(x => strong >= x.Strong && medium >= x.Medium && weak >= x.Weak);
        Assert.Equal(expected, DimensionRule.IsPositive(strong, medium, weak));
    }

    [Theory]
    [MemberData(nameof(AllCounts))]
    public void SubRuleMet_EveryCountUpToFour_IsNamedExactlyWhenPositive(int strong, int medium, int weak)
    {
        var named = DimensionRule.SubRuleMet(strong, medium, weak);
        Assert.Equal(DimensionRule.IsPositive(strong, medium, weak), named is not null);
    }

    [Theory]
    [InlineData(0, 0, 4)]
    [InlineData(1, 0, 0)]
    [InlineData(0, 2, 0)]
    [InlineData(0, 1, 4)]
    public void IsPositive_CasesTheRuleFileCallsNeverEnough_IsFalse(int strong, int medium, int weak) =>
        Assert.False(DimensionRule.IsPositive(strong, medium, weak));

    [Theory]
    [InlineData(2, 0, 0, "two strong")]
    [InlineData(1, 0, 1, "one strong plus one medium or weak")]
    [InlineData(0, 3, 0, "three medium")]
    [InlineData(0, 2, 1, "two medium plus one weak")]
    public void SubRuleMet_EachMinimalSet_NamesItsSubRule(int strong, int medium, int weak, string expected) =>
        Assert.Equal(expected, DimensionRule.SubRuleMet(strong, medium, weak));
}
