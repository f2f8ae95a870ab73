using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// Node keys and the names of node kinds. Persons and cases are keyed by their ids and places by their normalised name
/// (not personal data); every other value by a keyed hash of its normalised form, so the same phone, CNIC, account or
/// vehicle meets itself across cases and organisations while the graph, the cache and the API hold no plain value.
/// Phones and documents use the persons' own blind-index hashes, so a phone recorded in a relation meets the same
/// number on a person's record.
/// </summary>
internal sealed class NetworkKeys(BlindIndex index, KeyRing keys)
{
    private readonly byte[] _key = keys.BlindIndexKey;

    /// <summary>Parses and keys one end of a relation; <paramref name="field"/> names the input in errors.</summary>
    public RelationEnd End(NodeType type, string? value, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new ValidationException(field, "Give the value (a phone number, an account number, a registration...).");
        }
        if (text.Length > CaseRelation.MaxValueLength)
        {
            throw new ValidationException(field, $"At most {CaseRelation.MaxValueLength} characters.");
        }
        switch (type)
        {
            case NodeType.Person:
                if (!Guid.TryParse(text, out var person))
                {
                    throw new ValidationException(field, "A person is named by the id of a person taking part in this case.");
                }
                return new RelationEnd(type, person.ToString(), person.ToString());
            case NodeType.Case:
                throw new ValidationException(field, "A relation joins things recorded on this case; the case itself is linked already.");
            case NodeType.Phone:
                var phone = PhoneNumber.Normalise(text, field);
                return new RelationEnd(type, phone, Phone(phone));
            case NodeType.IdentityDocument:
                var document = DocumentNumber.Normalise(text);
                if (document.Length == 0)
                {
                    throw new ValidationException(field, "A document number has letters or digits.");
                }
                return new RelationEnd(type, text, Document(document));
            case NodeType.Place:
                return new RelationEnd(type, text, Place(text));
            case NodeType.BankAccount or NodeType.Vehicle:
                var compact = new string(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
                if (compact.Length == 0)
                {
                    throw new ValidationException(field, "An account number or registration has letters or digits.");
                }
                return new RelationEnd(type, text, Other(type, compact));
            case NodeType.Address or NodeType.Organisation:
                return new RelationEnd(type, text, Other(type, Words(text)));
            default:
                throw new ValidationException(field, "Unknown kind.");
        }
    }

    public string Phone(string e164) => Url(index.Hash(SearchKeyKind.Phone, e164));

    public string Document(string normalised) => Url(index.Hash(SearchKeyKind.Document, normalised));

    /// <summary>A mailing address as one key: its words, lower case, in order.</summary>
    public string Address(params string?[] parts) => Other(NodeType.Address, Words(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)))));

    /// <summary>A place by its most precise name (city, else province, else country), lower case: "Lahore" meets "lahore".</summary>
    public static string Place(string name) => Words(name);

    private string Other(NodeType type, string normalised)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("network|" + type.ToString() + "|" + normalised), mac);
        return Url(Convert.ToBase64String(mac[..16]));
    }

    private static string Words(string text) => string.Join(' ',
        text.ToLower(CultureInfo.InvariantCulture).Split((char[])[' ', ',', '.', '-', '/', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Base64 for URLs: node ids travel in query strings and links.</summary>
    private static string Url(string base64) => base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Slugs of node kinds as the API, CLI and page name them.</summary>
    public static string Slug(NodeType type) => type switch
    {
        NodeType.Person => "person",
        NodeType.Case => "case",
        NodeType.Phone => "phone",
        NodeType.IdentityDocument => "document",
        NodeType.BankAccount => "account",
        NodeType.Address => "address",
        NodeType.Vehicle => "vehicle",
        NodeType.Organisation => "organisation",
        NodeType.Place => "place",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static NodeType ParseType(string? value, string field)
    {
        foreach (var type in Enum.GetValues<NodeType>())
        {
            if (string.Equals(Slug(type), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }
        throw new ValidationException(field, "Use one of: " + string.Join(", ", Enum.GetValues<NodeType>().Select(Slug)) + ".");
    }

    public static EdgeType ParseRelation(string? value, string field)
    {
        var compact = value?.Replace("-", "", StringComparison.Ordinal).Trim();
        return Enum.TryParse<EdgeType>(compact, ignoreCase: true, out var type) && Enum.IsDefined(type) && compact is { Length: > 0 } && !char.IsDigit(compact[0])
            ? type
            : throw new ValidationException(field, "Use one of: " + string.Join(", ", Enum.GetValues<EdgeType>().Select(RelationSlug)) + ".");
    }

    public static string RelationSlug(EdgeType type) => type switch
    {
        EdgeType.ParticipatesIn => "participates-in",
        EdgeType.LivesAt => "lives-at",
        EdgeType.MemberOf => "member-of",
        EdgeType.LocatedAt => "located-at",
        EdgeType.SameAs => "same-as",
        _ => type.ToString().ToLowerInvariant(),
    };
}
