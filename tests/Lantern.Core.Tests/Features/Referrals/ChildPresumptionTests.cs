using Lantern.Core.Common;
using Lantern.Core.Features.Referrals;

namespace Lantern.Core.Tests.Features.Referrals;

public sealed class ChildPresumptionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2008-11-24", null, true)]   // 18 tomorrow
    [InlineData("2008-11-23", null, false)]  // 18 today
    [InlineData("2008", null, true)]         // may have been born in December 2008
    [InlineData("2008-10", null, false)]     // 18 by the end of October at the latest
    [InlineData("1994-02", 15, false)]       // the birth date decides over an old age when trafficked
    [InlineData(null, 16, true)]
    [InlineData(null, 18, false)]
    [InlineData(null, null, true)]           // nothing known: presumption of minority
    public void IsChild_FromBirthDateOrAge_PresumesMinorityWhenUnsure(string? birthDate, int? age, bool expected) =>
        Assert.Equal(expected, ChildPresumption.IsChild(PartialDate.ParseOptional(birthDate, "birthDate"), age, Today));
}
