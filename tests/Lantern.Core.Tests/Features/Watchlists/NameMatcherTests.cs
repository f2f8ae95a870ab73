using Lantern.Core.Features.Watchlists;

namespace Lantern.Core.Tests.Features.Watchlists;

public sealed class NameMatcherTests
{
    private static readonly NameMatcher Matcher = NameMatcher.Bundled;

    private static double Score(string a, string b) => Matcher.Score(a, b).Score;

    [Theory]
    [InlineData("Zia ul Haq", "Ziaulhaq")]
    [InlineData("Zia-ul-Haq", "Zia ul Haq")]
    [InlineData("Zia-ul-Haq", "Ziaulhaq")]
    [InlineData("Fazal ur Rehman", "Fazalur Rehman")]
    [InlineData("Mohammed Yousaf Butt", "Muhammad Yusuf Butt")]
    [InlineData("Asad Mehmood", "Mehmood Asad")]
    [InlineData("Haji Zubair Qureshi", "Zubair Qureshi")]
    [InlineData("Osama bin Zubair", "Osama Zubair")]
    [InlineData("Shahzad Akhtar Cheema", "Shahzad Akhtr Cheema")]
    [InlineData("Tauqeer Anjum", "T. Anjum")]
    [InlineData("Imran Ahmed Butt", "Imran Butt")]
    public void Score_VariantsOfOneName_MatchAtTheDefaultThreshold(string a, string b) =>
        Assert.True(Score(a, b) >= NameMatcher.DefaultThreshold, $"{a} / {b}: {Score(a, b)}");

    [Theory]
    [InlineData("Khalid Al-Hashimi", "خالد الهاشمي")]
    [InlineData("Muhammad Yousaf", "محمد یوسف")]
    [InlineData("Zubair Qureshi", "زبير قريشي")]
    public void Score_CrossScript_MatchesAtTheDefaultThreshold(string latin, string arabic)
    {
        var score = Matcher.Score(latin, arabic);

        Assert.True(score.Score >= NameMatcher.DefaultThreshold, $"{latin} / {arabic}: {score.Score}");
        Assert.All(score.Parts, p => Assert.NotNull(p.Agreement));
    }

    [Theory]
    [InlineData("Muhammad Imran", "Muhammad Kamran")]
    [InlineData("Muhammad Ali", "Muhammad Ali Khan")]
    [InlineData("Imran Butt", "Imran Malik")]
    [InlineData("Rukhsana Bibi", "Rukhsana Begum")]
    public void Score_DifferentPeopleSharingCommonNames_StaysBelowTheDefaultThreshold(string a, string b) =>
        Assert.True(Score(a, b) < NameMatcher.DefaultThreshold, $"{a} / {b}: {Score(a, b)}");

    [Fact]
    public void Score_GenericOnlyAgreement_ScoresBelowRareAgreement()
    {
        var generic = Score("Muhammad Ali", "Muhammad Ali");
        var rare = Score("Zubair Qureshi", "Zubair Qureshi");

        Assert.True(rare > generic, $"rare {rare} <= generic {generic}");
        Assert.True(rare > 0.95, $"rare exact {rare}");
        Assert.True(generic < 0.95, $"generic exact {generic}");
    }

    [Fact]
    public void Weights_GenericTokens_WeighLessThanRareOnes()
    {
        var muhammad = Matcher.Token("muhammad").Weight;
        var mohd = Matcher.Token("mohd").Weight;
        var khan = Matcher.Token("khan").Weight;
        var qureshi = Matcher.Token("qureshi").Weight;

        Assert.Equal(muhammad, mohd, 6);
        Assert.True(muhammad < khan && khan < qureshi, $"muhammad {muhammad}, khan {khan}, qureshi {qureshi}");
    }

    [Fact]
    public void Score_Explanation_NamesAlignedPartsAndUnmatchedTokens()
    {
        var score = Matcher.Score("Mohd Imran Ahmed Butt", "Butt Muhammad Imran");

        Assert.Contains(score.Parts, p => p is { Left: "mohd", Right: "muhammad", Agreement: NameAgreement.Variant });
        Assert.Contains(score.Parts, p => p is { Left: "butt", Right: "butt", Agreement: NameAgreement.Exact });
        var missing = Assert.Single(score.Parts, p => p.Agreement is null);
        Assert.Equal("ahmed", missing.Left);
        Assert.True(missing.Contribution < 0);
        Assert.Equal(score.Score, score.Parts.Where(p => p.Agreement is not null).Sum(p => p.Contribution), 3);
    }

    [Fact]
    public void Score_Joined_ExplainsTheJoin()
    {
        var score = Matcher.Score("Ziaulhaq", "Zia ul Haq");

        var part = Assert.Single(score.Parts);
        Assert.Equal(NameAgreement.Joined, part.Agreement);
        Assert.Equal("zia haq", part.Right);
    }

    [Fact]
    public void Score_IsSymmetricAndGraded()
    {
        Assert.Equal(Score("Asad Mehmood Khan", "Mehmood Asad"), Score("Mehmood Asad", "Asad Mehmood Khan"), 9);
        Assert.InRange(Score("Zubair Qureshi", "Zubair Qureshy"), 0.75, 0.999);
        Assert.Equal(0, Score("", "Zubair"));
    }
}
