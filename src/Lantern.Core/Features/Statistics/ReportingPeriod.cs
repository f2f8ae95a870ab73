using System.Globalization;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// The span of whole days a statistic covers: a calendar year (GLOTIP's unit, ADR 0017) or a free period such as a
/// financial year or a quarter. Over a period the once-per-year rule becomes once per period: a victim named in
/// several cases opened in it counts once, whether or not the period crosses a new year.
/// </summary>
public sealed record ReportingPeriod(DateOnly From, DateOnly To)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ReportingPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public bool IsCalendarYear => From.Month == 1 && From.Day == 1 && To == new DateOnly(From.Year, 12, 31);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>"2025", or "1 March 2025 to 31 August 2025".</summary>
    public string Label => IsCalendarYear ? From.Year.ToString(Invariant)
        : $"{From.ToString("d MMMM yyyy", Invariant)} to {To.ToString("d MMMM yyyy", Invariant)}";

    /// <summary>For file names and audit entries: "2025", or "2025-03-01-to-2025-08-31".</summary>
    public string Code => IsCalendarYear ? From.Year.ToString(Invariant)
        : $"{From.ToString("yyyy-MM-dd", Invariant)}-to-{To.ToString("yyyy-MM-dd", Invariant)}";

    /// <summary>
    /// The period as typed at a front door: a year, or from and to (YYYY-MM-DD, both days included), never both.
    /// Refused naming the field at fault.
    /// </summary>
    public static ReportingPeriod Of(int? year, string? from, string? to)
    {
        var hasFrom = !string.IsNullOrWhiteSpace(from);
        var hasTo = !string.IsNullOrWhiteSpace(to);
        if (!hasFrom && !hasTo)
        {
            return Year(CountVictims.ValidYear(year));
        }
        if (year is not null)
        {
            throw new ValidationException("year", "Give either a year or a period (from and to), not both.");
        }
        if (!hasFrom)
        {
            throw new ValidationException("from", "Give the first day of the period (YYYY-MM-DD).");
        }
        if (!hasTo)
        {
            throw new ValidationException("to", "Give the last day of the period (YYYY-MM-DD).");
        }
        var first = Day(from!, "from");
        var last = Day(to!, "to");
        if (last < first)
        {
            throw new ValidationException("to", $"The period ends ({to!.Trim()}) before it begins ({from!.Trim()}).");
        }
        return new ReportingPeriod(first, last);
    }

    private static DateOnly Day(string text, string field)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var day))
        {
            throw new ValidationException(field, $"'{text.Trim()}' is not a date (YYYY-MM-DD).");
        }
        return day.Year is >= 1990 and <= 2100 ? day : throw new ValidationException(field, $"'{text.Trim()}' is not between 1990 and 2100.");
    }
}
