using System.Globalization;
using Lantern.Core.Features.Administration;

namespace Lantern.Web.Localisation;

/// <summary>
/// Dates as the translated pages show them. English keeps ISO 8601 (2026-11-23), as Lantern always showed them.
/// Urdu writes the month in Urdu with Western digits ("23 نومبر 2026"), as Pakistani official forms do; Lantern never
/// shows Eastern Arabic-Indic digits, so numbers read the same in both languages and match what people type.
/// </summary>
public static class Dates
{
    public static string Day(DateTime? value) => value is { } v ? Day(DateOnly.FromDateTime(v)) : "—";

    public static string Day(DateOnly? value) =>
        value is not { } v ? "—"
        : Language.Current == Languages.Urdu ? v.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)
        : v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment in UTC, to the minute, marked as UTC.</summary>
    public static string Moment(DateTime value) =>
        Language.Current == Languages.Urdu
            ? value.ToString("d MMMM yyyy، HH:mm", CultureInfo.CurrentCulture) + " UTC"
            : value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
