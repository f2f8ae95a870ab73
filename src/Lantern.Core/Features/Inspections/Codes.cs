using System.Text;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Inspections;

/// <summary>
/// The inspection picklists accept the value name (<c>BrickKiln</c>) or its kebab form (<c>brick-kiln</c>), any case:
/// the form the CLI and the API documentation use. Anything else is refused naming the field and the values.
/// </summary>
public static class Codes
{
    public static T Parse<T>(string? value, string field) where T : struct, Enum
    {
        var compact = (value ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var match = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, compact, StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? Enum.Parse<T>(match)
            : throw new ValidationException(field, $"'{Shorten(value)}' is not allowed here; use one of: {string.Join(", ", Enum.GetValues<T>().Select(Kebab))}.");
    }

    /// <summary><c>BrickKiln</c> as <c>brick-kiln</c>.</summary>
    public static string Kebab<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var b = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                b.Append('-');
            }
            b.Append(char.ToLowerInvariant(name[i]));
        }
        return b.ToString();
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length > 40 ? s[..40] + "…" : s;
}
