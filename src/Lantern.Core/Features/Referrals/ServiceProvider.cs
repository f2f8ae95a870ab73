using System.Text.RegularExpressions;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// A service offered by an organisation using Lantern (shelter, medical care, legal aid...), so that referrals to it
/// arrive in that organisation's own queue. Reference data: administrators of the offering organisation keep it current.
/// </summary>
public sealed partial class ServiceProvider
{
    public const int MaxNameLength = 200;

    private ServiceProvider()
    {
    }

    internal ServiceProvider(OrganisationId organisation, ServiceDetails details, DateTime now)
    {
        Id = ServiceProviderId.New();
        OrganisationId = organisation;
        CreatedAt = now;
        Active = true;
        Update(details, now);
    }

    public ServiceProviderId Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public ServiceType Type { get; private set; }
    public string Name { get; private set; } = "";
    public string Province { get; private set; } = "";
    public string District { get; private set; } = "";
    public int? Places { get; private set; }
    public int? PlacesFree { get; private set; }
    public string LanguageCodes { get; private set; } = "";
    public bool AcceptsChildren { get; private set; }
    public bool AcceptsWomen { get; private set; }
    public bool AcceptsMen { get; private set; }

    /// <summary>This service's own answer time; null takes the default of its service type (<see cref="ServiceTypeSetting"/>).</summary>
    public int? ResponseHours { get; private set; }

    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Name, place and description in lower case, for a text search that behaves alike on SQLite and PostgreSQL.</summary>
    public string SearchText { get; private set; } = "";

    public bool Active { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<string> Languages => Codes.DecodeText(LanguageCodes);

    public void Update(ServiceDetails d, DateTime now)
    {
        Type = d.Type;
        Name = d.Name;
        Province = d.Province;
        District = d.District;
        Places = d.Places;
        PlacesFree = d.PlacesFree;
        LanguageCodes = Codes.EncodeText(d.Languages);
        AcceptsChildren = d.AcceptsChildren;
        AcceptsWomen = d.AcceptsWomen;
        AcceptsMen = d.AcceptsMen;
        ResponseHours = d.ResponseHours;
        ContactName = d.ContactName;
        ContactPhone = d.ContactPhone;
        ContactEmail = d.ContactEmail;
        Description = d.Description;
        SearchText = string.Join(' ', new[] { d.Name, d.District, d.Province, d.Description }.OfType<string>()).ToLowerInvariant();
        UpdatedAt = now;
    }

    /// <summary>Takes the service out of the directory; referrals already made to it keep their history.</summary>
    public void Retire(DateTime now)
    {
        Active = false;
        UpdatedAt = now;
    }

    public int EffectiveResponseHours(int typeDefault) => ResponseHours ?? typeDefault;

    /// <summary>Refuses a victim the service does not take: children only where it accepts children, likewise women and men.</summary>
    public void EnsureAccepts(bool child, Gender? gender)
    {
        if (!Active)
        {
            throw new ValidationException("serviceId", $"The service '{Name}' is no longer in the directory.");
        }
        if (child && !AcceptsChildren)
        {
            throw new ValidationException("serviceId", $"The victim is, or is presumed to be, a child, and '{Name}' does not accept children. Choose a service that accepts children.");
        }
        if (!child && gender is Gender.Feminine or Gender.TransgenderFeminine && !AcceptsWomen)
        {
            throw new ValidationException("serviceId", $"'{Name}' does not accept women.");
        }
        if (!child && gender is Gender.Masculine or Gender.TransgenderMasculine && !AcceptsMen)
        {
            throw new ValidationException("serviceId", $"'{Name}' does not accept men.");
        }
    }

    /// <summary>Validates a directory entry as every front door hands it in.</summary>
    public static ServiceDetails Validate(ServiceInput input)
    {
        var type = Picklist.Parse<ServiceType>(input.Type, "type");
        var name = TextRules.FreeText(input.Name, "name", MaxNameLength) ?? throw new ValidationException("name", "A service needs a name.");
        var province = TextRules.Place(input.Province, "province") ?? throw new ValidationException("province", "Say in which province the service is.");
        var district = TextRules.Place(input.District, "district") ?? throw new ValidationException("district", "Say in which district the service is.");
        if (input.Places is < 0 or > 100_000)
        {
            throw new ValidationException("places", "Places must be between 0 and 100000.");
        }
        if (input.PlacesFree is < 0 || (input.PlacesFree is not null && input.Places is not null && input.PlacesFree > input.Places))
        {
            throw new ValidationException("placesFree", "Places free must be between 0 and the number of places.");
        }
        if (input.ResponseHours is < 1 or > 24 * 30)
        {
            throw new ValidationException("responseHours", "The response time must be between 1 and 720 hours.");
        }
        var languages = new List<string>();
        foreach (var (language, i) in (input.Languages ?? []).Select((l, i) => (l, i)))
        {
            var code = (language ?? "").Trim().ToLowerInvariant();
            if (!LanguageShape().IsMatch(code))
            {
                throw new ValidationException($"languages[{i}]", "A language is an ISO 639 code of 2 or 3 letters, such as ur, en, pa, ps, sd, skr.");
            }
            languages.Add(code);
        }
        if (!input.AcceptsChildren && !input.AcceptsWomen && !input.AcceptsMen)
        {
            throw new ValidationException("acceptsChildren", "Say whom the service accepts: children, women or men.");
        }
        return new ServiceDetails(type, name, province, district, input.Places, input.PlacesFree, languages, input.AcceptsChildren, input.AcceptsWomen, input.AcceptsMen,
            input.ResponseHours, TextRules.Name(input.ContactName, "contactName"), ValidPhone(input.ContactPhone), TextRules.Email(input.ContactEmail, "contactEmail"),
            TextRules.FreeText(input.Description, "description", 2000));
    }

    private static string? ValidPhone(string? value)
    {
        var v = TextRules.FreeText(value, "contactPhone", 40);
        if (v is not null && !PhoneShape().IsMatch(v))
        {
            throw new ValidationException("contactPhone", "A phone number has digits, spaces, + and - only.");
        }
        return v;
    }

    [GeneratedRegex("^[a-z]{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageShape();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{2,38}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();
}

/// <summary>A directory entry as the front doors send it (picklist values as text, validated by <see cref="ServiceProvider.Validate"/>).</summary>
public sealed record ServiceInput(
    string? Type,
    string? Name,
    string? Province,
    string? District,
    int? Places,
    int? PlacesFree,
    IReadOnlyList<string?>? Languages,
    bool AcceptsChildren,
    bool AcceptsWomen,
    bool AcceptsMen,
    int? ResponseHours,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string? Description);

public sealed record ServiceDetails(
    ServiceType Type,
    string Name,
    string Province,
    string District,
    int? Places,
    int? PlacesFree,
    IReadOnlyList<string> Languages,
    bool AcceptsChildren,
    bool AcceptsWomen,
    bool AcceptsMen,
    int? ResponseHours,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string? Description);

/// <summary>The default answer time of a service type, kept as data so an installation can change it without a release.</summary>
public sealed class ServiceTypeSetting
{
    public const int DefaultResponseHours = 48;

    private ServiceTypeSetting()
    {
    }

    internal ServiceTypeSetting(ServiceType type, int responseHours)
    {
        Type = type;
        ResponseHours = responseHours;
    }

    public ServiceType Type { get; private set; }
    public int ResponseHours { get; private set; }

    public void ChangeResponseHours(int hours)
    {
        if (hours is < 1 or > 24 * 30)
        {
            throw new ValidationException("responseHours", "The response time must be between 1 and 720 hours.");
        }
        ResponseHours = hours;
    }
}
