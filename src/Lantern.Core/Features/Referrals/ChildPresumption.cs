using Lantern.Core.Common;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// Whether a victim is to be treated as a child. A birth date decides when one is recorded: if the person may still be
/// under 18 (the latest day a partial date can stand for is less than 18 years ago), they are a child. Without a birth
/// date, an age when trafficked under 18 makes them a child, and with no age information at all minority is presumed
/// (UNICEF 2003 guidelines: presumption of age), so the child safeguards apply until someone records otherwise.
/// </summary>
public static class ChildPresumption
{
    public const int AgeOfMajority = 18;

    public static bool IsChild(PartialDate? birthDate, int? ageWhenTrafficked, DateOnly today)
    {
        if (birthDate is not null)
        {
            // The same arithmetic as screening's presumption of minority, judged today rather than at the events.
            var now = PartialDate.Parse(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "today");
            return Screening.PresumptionOfMinority.Decide(birthDate, null, now).Population == Screening.Population.Child;
        }
        return ageWhenTrafficked is null or < AgeOfMajority;
    }
}
