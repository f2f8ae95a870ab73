using Lantern.Core.Common;
using Lantern.Core.Features.Screening;

namespace Lantern.Core.Tests.Features.Screening;

public sealed class PresumptionOfMinorityTests
{
    private static PartialDate Date(string value) => PartialDate.Parse(value, "date");

    private static AgeDecision Decide(string? birth, int? age, string events, bool reasonToBelieveMinor = false) =>
        PresumptionOfMinority.Decide(birth is null ? null : Date(birth), age, Date(events), reasonToBelieveMinor);

    [Fact]
    public void Decide_BirthYearThatMayStraddle18_PresumesAChildAndSaysWhy()
    {
        var decision = Decide("2008", null, "2026-03-01");
        Assert.Equal(new AgeDecision(Population.Child, true,
            "treated as a child: birth date 2008 (month and day unknown) means the person may have been under 18 on 2026-03-01; presumed a child until age is established"), decision);
    }

    [Fact]
    public void Decide_BirthYearAlwaysUnder18_IsAChildWithoutPresumption()
    {
        var decision = Decide("2009", null, "2026-03-01");
        Assert.Equal(new AgeDecision(Population.Child, false, "a child: birth date 2009 (month and day unknown) means under 18 on 2026-03-01"), decision);
    }

    [Fact]
    public void Decide_BirthMonthThatMayStraddle18_PresumesAChild()
    {
        var decision = Decide("2008-05", null, "2026-05-15");
        Assert.Equal(Population.Child, decision.Population);
        Assert.True(decision.Presumed);
        Assert.Contains("birth date 2008-05 (day unknown)", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2008-03-01", Population.Adult)]
    [InlineData("2008-03-02", Population.Child)]
    [InlineData("2008-02-28", Population.Adult)]
    public void Decide_FullBirthDate_DecidesOnThe18thBirthday(string birth, Population expected)
    {
        var decision = Decide(birth, null, "2026-03-01");
        Assert.Equal(expected, decision.Population);
        Assert.False(decision.Presumed);
    }

    [Fact]
    public void Decide_EventKnownOnlyByYear_PresumesAChildIfAnyDayOfItWasBefore18()
    {
        var decision = Decide("2008-06-15", null, "2026");
        Assert.Equal(Population.Child, decision.Population);
        Assert.True(decision.Presumed);
        Assert.Contains("may have been under 18 in 2026", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NothingKnownAndNoReasonToBelieveMinor_AssessesAsAdultAndSaysItIsNotEstablished()
    {
        var decision = Decide(null, null, "2026-03-01");
        Assert.Equal(Population.Adult, decision.Population);
        Assert.True(decision.Presumed);
        Assert.StartsWith("assessed as an adult: birth date and age unknown", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NothingKnownButReasonToBelieveMinor_PresumesAChild()
    {
        var decision = Decide(null, null, "2026-03-01", reasonToBelieveMinor: true);
        Assert.Equal(new AgeDecision(Population.Child, true,
            "treated as a child: birth date and age unknown and there is reason to believe the person may be under 18; presumed a child until age is established"), decision);
    }

    [Theory]
    [InlineData(16, Population.Child)]
    [InlineData(17, Population.Child)]
    [InlineData(18, Population.Adult)]
    [InlineData(25, Population.Adult)]
    public void Decide_StatedAgeOnly_DecidesWithoutPresumption(int age, Population expected)
    {
        var decision = Decide(null, age, "2026-03-01");
        Assert.Equal(expected, decision.Population);
        Assert.False(decision.Presumed);
    }

    [Fact]
    public void Decide_BirthDateAndStatedAgeDisagree_PresumesAChild()
    {
        var decision = Decide("1990-01-01", 16, "2026-03-01");
        Assert.Equal(Population.Child, decision.Population);
        Assert.True(decision.Presumed);
        Assert.Contains("which disagree", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AdultByDocumentButReasonToBelieveMinor_PresumesAChild()
    {
        var decision = Decide("1995-01-01", null, "2026-03-01", reasonToBelieveMinor: true);
        Assert.Equal(Population.Child, decision.Population);
        Assert.True(decision.Presumed);
        Assert.Contains("birth date 1995-01-01 means 18 or over on 2026-03-01, but there is reason to believe", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BirthAfterTheEvents_IsRefused() =>
        Assert.Equal("birthDate", Assert.Throws<ValidationException>(() => Decide("2027", null, "2026-03-01")).Field);

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void Decide_ImpossibleAge_IsRefused(int age) =>
        Assert.Equal("ageWhenTrafficked", Assert.Throws<ValidationException>(() => Decide(null, age, "2026-03-01")).Field);
}
