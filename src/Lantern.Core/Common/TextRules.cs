using System.Globalization;
using System.Text.RegularExpressions;

namespace Lantern.Core.Common;

/// <summary>
/// What text Lantern accepts, by kind of field. Names and places allow letters of any script, marks,
/// spaces and the punctuation names use, so markup and SQL fragments are refused there; free text may hold
/// any punctuation but no markup tags and no control characters. Every refusal names the field.
/// </summary>
public static partial class TextRules
{
    public const int NameLength = 100;
    public const int PlaceLength = 100;

    public static string? Name(string? value, string field, int max = NameLength)
    {
        var v = Trimmed(value, field, max);
        if (v is not null && !v.All(ch => char.IsLetter(ch) || IsMark(ch) || ch is ' ' or '\'' or '’' or '-' or '.'))
        {
            throw new ValidationException(field, "A name may contain only letters, spaces, apostrophes, hyphens and dots.");
        }
        return v;
    }

    public static string? Place(string? value, string field, int max = PlaceLength)
    {
        var v = Trimmed(value, field, max);
        if (v is not null && !v.All(ch => char.IsLetterOrDigit(ch) || IsMark(ch) || ch is ' ' or '\'' or '’' or '-' or '.' or ',' or '(' or ')' or '/' or '#'))
        {
            throw new ValidationException(field, "Only letters, digits, spaces and , . - ' ( ) / # are allowed here.");
        }
        return v;
    }

    public static string? FreeText(string? value, string field, int max)
    {
        var v = Trimmed(value, field, max);
        if (v is null)
        {
            return null;
        }
        if (v.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t'))
        {
            throw new ValidationException(field, "Control characters are not allowed.");
        }
        if (Markup().IsMatch(v))
        {
            throw new ValidationException(field, "Markup such as <tags> is not allowed; write plain text.");
        }
        return v;
    }

    public static string Reference(string? value, string field)
    {
        var v = Trimmed(value, field, 64) ?? throw new ValidationException(field, "A case reference is required.");
        if (!ReferenceShape().IsMatch(v))
        {
            throw new ValidationException(field, "A reference may contain letters, digits and - _ . / only, starting with a letter or digit.");
        }
        return v;
    }

    public static string? Email(string? value, string field)
    {
        var v = Trimmed(value, field, 254);
        if (v is not null && !EmailShape().IsMatch(v))
        {
            throw new ValidationException(field, "This is not an e-mail address.");
        }
        return v;
    }

    private static string? Trimmed(string? value, string field, int max)
    {
        if (value is null)
        {
            return null;
        }
        var v = value.Trim().Normalize();
        if (v.Length == 0)
        {
            return null;
        }
        if (v.Length > max)
        {
            throw new ValidationException(field, string.Create(CultureInfo.InvariantCulture, $"At most {max} characters are allowed (got {v.Length})."));
        }
        return v;
    }

    private static bool IsMark(char ch) => CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        or UnicodeCategory.Format; // Format: zero-width joiners used in Urdu and Persian script

    [GeneratedRegex(@"<\s*[A-Za-z/!?]", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceShape();

    [GeneratedRegex(@"^[^@\s<>]{1,64}@[^@\s<>]{1,189}\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
