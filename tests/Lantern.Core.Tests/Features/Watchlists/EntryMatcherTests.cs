using Lantern.Core.Features.Linkage;
using Lantern.Core.Features.Watchlists;

namespace Lantern.Core.Tests.Features.Watchlists;

public sealed class EntryMatcherTests
{
    private static readonly WatchlistEntry Entry = new("W1", ["Zubair Qureshi"], "1984-03-07", "PK", "35202-1234567-1", "AB1234567");

    [Fact]
    public void Adjust_NationalIdAgrees_DecidesEvenWhenNamesDiffer()
    {
        var (score, details) = EntryMatcher.Adjust(0.1, new ScreeningSubject("1", "Someone Else", NationalId: "3520212345671"), Entry);

        Assert.True(score >= 0.97, $"{score}");
        Assert.Contains(new DetailComparison("national_id", DetailAgreement.Agrees), details);
    }

    [Fact]
    public void Adjust_NationalIdConflicts_CountsHeavilyAgainst()
    {
        var (score, details) = EntryMatcher.Adjust(0.95, new ScreeningSubject("1", "Zubair Qureshi", NationalId: "35202-7654321-1"), Entry);

        Assert.True(score < NameMatcher.DefaultThreshold, $"{score}");
        Assert.Contains(new DetailComparison("national_id", DetailAgreement.Conflicts), details);
    }

    [Theory]
    [InlineData("1984-03-07", DetailAgreement.Agrees)]
    [InlineData("07/03/1984", DetailAgreement.Agrees)]
    [InlineData("1984", DetailAgreement.AgreesPartly)]
    [InlineData("1984-03", DetailAgreement.AgreesPartly)]
    [InlineData("1984-07-03", DetailAgreement.DayMonthSwapped)]
    [InlineData("1985-03-07", DetailAgreement.Close)]
    [InlineData("1990-03-07", DetailAgreement.Conflicts)]
    [InlineData("1984-05-07", DetailAgreement.Conflicts)]
    public void CompareDates_FullPartialSwappedAndConflicting_AreTold(string date, DetailAgreement expected) =>
        Assert.Equal(expected, EntryMatcher.CompareDates(Standardise.Date(date), Standardise.Date(Entry.BirthDate)));

    [Fact]
    public void Adjust_DatesAndNationality_OrderTheScores()
    {
        double With(string? date, string? nationality) => EntryMatcher.Adjust(0.8, new ScreeningSubject("1", "x", date, nationality), Entry).Score;

        var full = With("1984-03-07", null);
        var swapped = With("1984-07-03", null);
        var partial = With("1984", null);
        var none = With(null, null);
        var conflict = With("1960-01-01", null);

        Assert.True(full > swapped && swapped == partial && partial > none && none > conflict, $"{full} {swapped} {partial} {none} {conflict}");
        Assert.True(With(null, "pk") > none && With(null, "AF") < none);
    }

    [Fact]
    public void NameThreshold_WithDetails_IsLowerSoBonusesCannotLiftAMissedName()
    {
        var bare = EntryMatcher.NameThreshold(new ScreeningSubject("1", "x"), 0.75);
        var detailed = EntryMatcher.NameThreshold(new ScreeningSubject("1", "x", "1984", "PK"), 0.75);

        Assert.Equal(0.75, bare, 9);
        Assert.True(detailed < bare);
        var (lifted, _) = EntryMatcher.Adjust(detailed, new ScreeningSubject("1", "x", "1984-03-07", "PK"), Entry);
        Assert.Equal(0.75, lifted, 9);
    }
}
