using Lantern.Core.Common;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// Which list applies to a person, and whether that rests on a presumption. <see cref="Presumed"/> is true when the
/// known facts do not settle the age: a child by the presumption of minority, or an adult only because nothing
/// recorded suggests a child. <see cref="Reason"/> says which, in words for the caseworker.
/// </summary>
public sealed record AgeDecision(Population Population, bool Presumed, string Reason);

/// <summary>
/// The presumption of minority (Council of Europe Convention CETS 197 art. 10(3): when the age is uncertain and there
/// are reasons to believe the victim is a child, they are presumed a child). Lantern's reading:
/// <list type="bullet">
/// <item>A child when every fact recorded says under 18 at the events; an adult when every fact says 18 or over.</item>
/// <item>A partial birth date (year, or year and month) or a partial event date that leaves room for both counts as
/// uncertain: if the person may have been under 18, they are presumed a child.</item>
/// <item>A birth date and a stated age that disagree make the age uncertain; if either says under 18, presumed a child.</item>
/// <item><c>reasonToBelieveMinor</c> (appearance, the person's own account, a disputed document: the caseworker's
/// judgement) makes the age uncertain even against a recorded birth date, since documents are forged to make
/// children look adult; the person is then presumed a child.</item>
/// <item>With no birth date, no stated age and no reason to believe a minor, the person is assessed as an adult
/// (<see cref="AgeDecision.Presumed"/> true, and the reason says so). Presuming every undocumented person a child
/// would apply the child list, which needs no means, to adults who merely lack papers, and the convention asks for
/// "reasons to believe"; the caseworker who has them says so with <c>reasonToBelieveMinor</c>.</item>
/// </list>
/// </summary>
public static class PresumptionOfMinority
{
    public const int AgeOfMajority = 18;

    /// <param name="birthDate">The birth date as far as known, or null.</param>
    /// <param name="ageWhenTrafficked">The age stated for the time of the events (the person's account, a document), or null.</param>
    /// <param name="eventDate">When the events (recruitment, or exploitation) happened, as far as known.</param>
    /// <param name="reasonToBelieveMinor">The caseworker has reason to believe the person may be under 18.</param>
    public static AgeDecision Decide(PartialDate? birthDate, int? ageWhenTrafficked, PartialDate eventDate, bool reasonToBelieveMinor = false)
    {
        if (ageWhenTrafficked is < 0 or > 120)
        {
            throw new ValidationException("ageWhenTrafficked", "An age is a whole number of years from 0 to 120.");
        }
        if (birthDate is { } b && b.Earliest > eventDate.Latest)
        {
            throw new ValidationException("birthDate", $"The birth date {b} is after the events ({eventDate}).");
        }

        var facts = new List<(bool MayBeChild, bool MayBeAdult, string Said)>();
        if (birthDate is { } birth)
        {
            var mayBeChild = eventDate.Earliest < birth.Latest.AddYears(AgeOfMajority);
            var mayBeAdult = eventDate.Latest >= birth.Earliest.AddYears(AgeOfMajority);
            facts.Add((mayBeChild, mayBeAdult, BirthDateSays(birth, eventDate, mayBeChild, mayBeAdult)));
        }
        if (ageWhenTrafficked is { } age)
        {
            facts.Add((age < AgeOfMajority, age >= AgeOfMajority, $"the age when trafficked is given as {age}"));
        }

        if (facts.Count == 0)
        {
            return reasonToBelieveMinor
                ? new AgeDecision(Population.Child, true, "treated as a child: birth date and age unknown and there is reason to believe the person may be under 18; presumed a child until age is established")
                : new AgeDecision(Population.Adult, true, "assessed as an adult: birth date and age unknown and nothing recorded suggests the person was under 18; if there is reason to believe they may be a child, they are presumed a child");
        }
        var said = string.Join(" and ", facts.Select(f => f.Said));
        if (facts.All(f => !f.MayBeChild))
        {
            return reasonToBelieveMinor
                ? new AgeDecision(Population.Child, true, $"treated as a child: {said}, but there is reason to believe the person may be under 18, so the age is uncertain; presumed a child until age is established")
                : new AgeDecision(Population.Adult, false, $"an adult: {said}");
        }
        if (facts.All(f => !f.MayBeAdult))
        {
            return new AgeDecision(Population.Child, false, $"a child: {said}");
        }
        var conflict = facts.Any(f => !f.MayBeChild) ? ", which disagree, so the person may have been under 18" : "";
        return new AgeDecision(Population.Child, true, $"treated as a child: {said}{conflict}; presumed a child until age is established");
    }

    private static string BirthDateSays(PartialDate birth, PartialDate events, bool mayBeChild, bool mayBeAdult)
    {
        var unknownParts = birth.Month is null ? " (month and day unknown)" : birth.Day is null ? " (day unknown)" : "";
        var when = events.Day is null ? $"in {events}" : $"on {events}";
        var verdict = (mayBeChild, mayBeAdult) switch
        {
            (true, false) => "under 18",
            (false, true) => "18 or over",
            _ => "the person may have been under 18",
        };
        return $"birth date {birth}{unknownParts} means {verdict} {when}";
    }
}
