using Lantern.Core.Common;

namespace Lantern.Core.Features.Inspections;

/// <summary>What a workplace is; the sector of the inspection statistics.</summary>
public enum WorkplaceKind { BrickKiln, AgriculturalEstate, CarpetWorkshop, TextileWorkshop, DomesticWorkPlacement, Factory, Other }

/// <summary>Whether a workplace is working: inspections of a closed or sealed workplace are still kept.</summary>
public enum WorkplaceStatus { Operating, Seasonal, Sealed, Closed }

/// <summary>
/// A workplace in the labour inspectorate's register: where it is (district drives who sees it), who owns and runs it
/// (personal data, encrypted), and its registration numbers. Its inspection history hangs off it.
/// </summary>
public sealed class Workplace
{
    public const int MaxNameLength = 200;
    public const int MaxRegistrationLength = 300;

    private Workplace()
    {
    }

    internal Workplace(OrganisationId organisation, WorkplaceDetails details, string createdBy, DateTime now)
    {
        Id = SequentialGuid.Next();
        OrganisationId = organisation;
        CreatedBy = createdBy;
        CreatedAt = now;
        Set(details, now);
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public WorkplaceKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string Province { get; private set; } = "";
    public string District { get; private set; } = "";
    public string? Place { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }

    /// <summary>Owner's name: personal data, encrypted.</summary>
    public string? OwnerName { get; private set; }

    /// <summary>Operator's (munshi's, contractor's) name: personal data, encrypted.</summary>
    public string? OperatorName { get; private set; }

    public string? RegistrationNumbers { get; private set; }
    public WorkplaceStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    internal void Set(WorkplaceDetails d, DateTime now)
    {
        Kind = d.Kind;
        Name = d.Name;
        Province = d.Province;
        District = d.District;
        Place = d.Place;
        Latitude = d.Latitude;
        Longitude = d.Longitude;
        OwnerName = d.OwnerName;
        OperatorName = d.OperatorName;
        RegistrationNumbers = d.RegistrationNumbers;
        Status = d.Status;
        UpdatedAt = now;
    }
}

/// <summary>A workplace's details, checked field by field.</summary>
public sealed record WorkplaceDetails(
    WorkplaceKind Kind, string Name, string Province, string District, string? Place, double? Latitude, double? Longitude,
    string? OwnerName, string? OperatorName, string? RegistrationNumbers, WorkplaceStatus Status)
{
    /// <summary>Checks the input; every error names its field.</summary>
    public static WorkplaceDetails Validate(WorkplaceInput input)
    {
        var kind = Codes.Parse<WorkplaceKind>(input.Kind, "kind");
        var name = TextRules.Place(input.Name, "name", Workplace.MaxNameLength) ?? throw new ValidationException("name", "Give the workplace's name.");
        var province = TextRules.Place(input.Province, "province") ?? throw new ValidationException("province", "Say in which province the workplace is.");
        var district = TextRules.Place(input.District, "district") ?? throw new ValidationException("district", "Say in which district the workplace is.");
        if (input.Latitude is null != input.Longitude is null)
        {
            throw new ValidationException(input.Latitude is null ? "latitude" : "longitude", "Give both coordinates or neither.");
        }
        if (input.Latitude is < -90 or > 90)
        {
            throw new ValidationException("latitude", "Latitude must be between -90 and 90.");
        }
        if (input.Longitude is < -180 or > 180)
        {
            throw new ValidationException("longitude", "Longitude must be between -180 and 180.");
        }
        var status = string.IsNullOrWhiteSpace(input.Status) ? WorkplaceStatus.Operating : Codes.Parse<WorkplaceStatus>(input.Status, "status");
        return new WorkplaceDetails(kind, name, province, district, TextRules.Place(input.Place, "place", 200), input.Latitude, input.Longitude,
            TextRules.Name(input.OwnerName, "ownerName", 200), TextRules.Name(input.OperatorName, "operatorName", 200),
            TextRules.Place(input.RegistrationNumbers, "registrationNumbers", Workplace.MaxRegistrationLength), status);
    }
}

/// <summary>A workplace as entered (API body, page form or CLI options).</summary>
public sealed record WorkplaceInput(
    string? Kind, string? Name, string? Province, string? District, string? Place = null, double? Latitude = null, double? Longitude = null,
    string? OwnerName = null, string? OperatorName = null, string? RegistrationNumbers = null, string? Status = null);
