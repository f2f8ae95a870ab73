using Lantern.Core.Features.Inspections;
using Lantern.Web;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Workplaces;

/// <summary>The workplace form's fields, shared by adding and changing a workplace (<c>_WorkplaceFields.cshtml</c>).</summary>
public abstract class WorkplaceForm : FormPage
{
    [BindProperty] public string? Kind { get; set; } = "brick-kiln";
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? District { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public double? Latitude { get; set; }
    [BindProperty] public double? Longitude { get; set; }
    [BindProperty] public string? OwnerName { get; set; }
    [BindProperty] public string? OperatorName { get; set; }
    [BindProperty] public string? RegistrationNumbers { get; set; }
    [BindProperty] public string? Status { get; set; } = "operating";

    protected WorkplaceInput Input() => new(Kind, Name, Province, District, Place, Latitude, Longitude, OwnerName, OperatorName, RegistrationNumbers, Status);

    protected void Fill(WorkplaceView w)
    {
        Kind = w.Kind;
        Name = w.Name;
        Province = w.Province;
        District = w.District;
        Place = w.Place;
        Latitude = w.Latitude;
        Longitude = w.Longitude;
        OwnerName = w.OwnerName;
        OperatorName = w.OperatorName;
        RegistrationNumbers = w.RegistrationNumbers;
        Status = w.Status;
    }
}
