using System.Globalization;
using System.Text.RegularExpressions;

namespace Lantern.Core.Common;

/// <summary>A date known to the year, the month or the day: birth dates and event dates are often partly known.</summary>
public readonly partial record struct PartialDate
{
    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    private PartialDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public static PartialDate Parse(string value, string field)
    {
        if (TryParse(value, out var date))
        {
            return date;
        }
        throw new ValidationException(field, $"'{Shorten(value)}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD.");
    }

    public static PartialDate? ParseOptional(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Parse(value.Trim(), field);

    public static bool TryParse(string? value, out PartialDate date)
    {
        date = default;
        if (value is null)
        {
            return false;
        }
        var m = Shape().Match(value);
        if (!m.Success)
        {
            return false;
        }
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2200)
        {
            return false;
        }
        int? month = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        int? day = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : null;
        if (month is < 1 or > 12)
        {
            return false;
        }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            return false;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>The earliest calendar day this date may stand for.</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The latest calendar day this date may stand for.</summary>
    public DateOnly Latest
    {
        get
        {
            var month = Month ?? 12;
            return new DateOnly(Year, month, Day ?? DateTime.DaysInMonth(Year, month));
        }
    }

    public override string ToString() => Day is not null
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}")
        : Month is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
            : Year.ToString("D4", CultureInfo.InvariantCulture);

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
