using System.Text;
using System.Text.RegularExpressions;

namespace Lantern.Core.Common;

/// <summary>A phone number in E.164 (HTCDS: <c>^\+?[1-9]\d{1,14}$</c>), normalised to a leading '+'.</summary>
public static partial class PhoneNumber
{
    public static string Normalise(string value, string field)
    {
        var compact = new StringBuilder(value.Length);
        foreach (var ch in value.Trim())
        {
            // Spaces, dashes, dots and brackets are how people write numbers; they carry no meaning.
            if (ch is ' ' or '-' or '.' or '(' or ')')
            {
                continue;
            }
            compact.Append(ch);
        }
        var s = compact.ToString();
        if (!E164().IsMatch(s))
        {
            throw new ValidationException(field, "Phone numbers must be in E.164 form, for example +923001234567.");
        }
        return s.StartsWith('+') ? s : "+" + s;
    }

    [GeneratedRegex(@"^\+?[1-9]\d{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}

/// <summary>Identity document numbers: kept as written, normalised (digits and letters only) for matching.</summary>
public static partial class DocumentNumber
{
    public static string Normalise(string value) =>
        new(value.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Checks the shape the document type demands; CNIC, NICOP and B-Form are 13 digits written 5-7-1.</summary>
    public static void Validate(DocumentType type, string number, string field)
    {
        var trimmed = number.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 40)
        {
            throw new ValidationException(field, "A document number must have 1 to 40 characters.");
        }
        switch (type)
        {
            case DocumentType.CNIC:
            case DocumentType.NICOP:
            case DocumentType.BForm:
                if (!Pakistani13().IsMatch(trimmed))
                {
                    throw new ValidationException(field, $"A {type} number has 13 digits, written 12345-1234567-1.");
                }
                break;
            case DocumentType.Passport:
            case DocumentType.Other:
                if (Normalise(trimmed).Length == 0)
                {
                    throw new ValidationException(field, "A document number needs at least one letter or digit.");
                }
                break;
        }
    }

    [GeneratedRegex(@"^(\d{5}-\d{7}-\d|\d{13})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pakistani13();
}
