using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.People;

/// <summary>
/// A human being known to Lantern, who may appear in several cases under several roles.
/// Identity fields are encrypted at rest (see PersonConfiguration); searchable values also get blind-index keys.
/// </summary>
public sealed class Person
{
    private readonly List<PersonAlias> _aliases = [];
    private readonly List<IdentityDocument> _documents = [];
    private readonly List<PersonSearchKey> _searchKeys = [];
    private readonly List<CaseParticipant> _participations = [];

    private Person()
    {
    }

    public Person(OrganisationId recordedBy, DateTime now)
    {
        Id = PersonId.New();
        RecordedBy = recordedBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public PersonId Id { get; private set; }
    public OrganisationId RecordedBy { get; private set; }
    public string? FirstName { get; private set; }
    public string? MiddleName { get; private set; }
    public string? SecondName { get; private set; }
    public string? NameInOriginalScript { get; private set; }
    public string? BirthDate { get; private set; }
    public Gender? Gender { get; private set; }
    public string Citizenships { get; private set; } = "";
    public string? MobilePhone { get; private set; }
    public string? HomePhone { get; private set; }
    public string? Email { get; private set; }
    public string? MailingStreet { get; private set; }
    public string? MailingCity { get; private set; }
    public string? MailingState { get; private set; }
    public string? MailingPostalCode { get; private set; }
    public string? MailingCountry { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>The <see cref="Security.BlindIndex.NameKeysVersion"/> the search keys were computed under.</summary>
    public int SearchKeysVersion { get; private set; }

    public IReadOnlyList<PersonAlias> Aliases => _aliases;
    public IReadOnlyList<IdentityDocument> Documents => _documents;
    public IReadOnlyList<PersonSearchKey> SearchKeys => _searchKeys;
    public IReadOnlyList<CaseParticipant> Participations => _participations;

    public IReadOnlyList<string> CitizenshipCodes => Citizenships.Length == 0 ? [] : Citizenships.Split(',');

    public string DisplayName
    {
        get
        {
            var name = string.Join(' ', new[] { FirstName, MiddleName, SecondName }.Where(n => !string.IsNullOrWhiteSpace(n)));
            return name.Length > 0 ? name : NameInOriginalScript ?? "(name not recorded)";
        }
    }

    /// <summary>
    /// The Latin spelling of a name typed in Urdu (or another Arabic) script, shown beside the name as typed and
    /// indexed for search (<see cref="Linkage.Transliteration"/>); null when the name is written in Latin letters.
    /// </summary>
    public string? LatinSpelling => Linkage.Transliteration.ToLatin(DisplayName);

    /// <summary>Replaces the person's identity details with validated values.</summary>
    public void SetIdentity(PersonDetails d, DateTime now)
    {
        FirstName = d.FirstName;
        MiddleName = d.MiddleName;
        SecondName = d.SecondName;
        NameInOriginalScript = d.NameInOriginalScript;
        BirthDate = d.BirthDate?.ToString();
        Gender = d.Gender;
        Citizenships = string.Join(',', d.Citizenships.Select(c => c.Value));
        MobilePhone = d.MobilePhone;
        HomePhone = d.HomePhone;
        Email = d.Email;
        MailingStreet = d.MailingStreet;
        MailingCity = d.MailingCity;
        MailingState = d.MailingState;
        MailingPostalCode = d.MailingPostalCode;
        MailingCountry = d.MailingCountry?.Value;
        _aliases.Clear();
        _aliases.AddRange(d.Aliases.Select(a => new PersonAlias(Id, a)));
        _documents.Clear();
        _documents.AddRange(d.Documents.Select(doc => new IdentityDocument(Id, doc.Type, doc.Number, doc.IssuingCountry?.Value)));
        UpdatedAt = now;
    }

    /// <summary>Replaces the blind-index keys; called whenever identity details change.</summary>
    internal void SetSearchKeys(IEnumerable<(Security.SearchKeyKind Kind, string Hash)> keys, int version)
    {
        SearchKeysVersion = version;
        _searchKeys.Clear();
        _searchKeys.AddRange(keys.Distinct().Select(k => new PersonSearchKey(Id, k.Kind, k.Hash)));
    }

    public PartialDate? ParsedBirthDate => PartialDate.TryParse(BirthDate, out var d) ? d : null;
}

/// <summary>Validated identity details of a person, as every front door hands them to Core.</summary>
public sealed record PersonDetails(
    string? FirstName,
    string? MiddleName,
    string? SecondName,
    string? NameInOriginalScript,
    IReadOnlyList<string> Aliases,
    PartialDate? BirthDate,
    Gender? Gender,
    IReadOnlyList<CountryCode> Citizenships,
    IReadOnlyList<DocumentDetails> Documents,
    string? MobilePhone,
    string? HomePhone,
    string? Email,
    string? MailingStreet,
    string? MailingCity,
    string? MailingState,
    string? MailingPostalCode,
    CountryCode? MailingCountry);

public sealed record DocumentDetails(DocumentType Type, string Number, CountryCode? IssuingCountry);

public sealed class PersonAlias
{
    private PersonAlias()
    {
    }

    public PersonAlias(PersonId person, string value)
    {
        Id = SequentialGuid.Next();
        PersonId = person;
        Value = value;
    }

    public Guid Id { get; private set; }
    public PersonId PersonId { get; private set; }
    public string Value { get; private set; } = "";
}

public sealed class IdentityDocument
{
    private IdentityDocument()
    {
    }

    public IdentityDocument(PersonId person, DocumentType type, string number, string? issuingCountry)
    {
        Id = SequentialGuid.Next();
        PersonId = person;
        Type = type;
        Number = number;
        IssuingCountry = issuingCountry;
    }

    public Guid Id { get; private set; }
    public PersonId PersonId { get; private set; }
    public DocumentType Type { get; private set; }
    public string Number { get; private set; } = "";
    public string? IssuingCountry { get; private set; }
}

/// <summary>One blind-index key of a person: an HMAC of a normalised name token, phonetic key, phone or document number.</summary>
public sealed class PersonSearchKey
{
    private PersonSearchKey()
    {
    }

    public PersonSearchKey(PersonId person, Security.SearchKeyKind kind, string hash)
    {
        Id = SequentialGuid.Next();
        PersonId = person;
        Kind = kind;
        Hash = hash;
    }

    public Guid Id { get; private set; }
    public PersonId PersonId { get; private set; }
    public Security.SearchKeyKind Kind { get; private set; }
    public string Hash { get; private set; } = "";
}
