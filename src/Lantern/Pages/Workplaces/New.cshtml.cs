using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Workplaces;

/// <summary>Adds a workplace to the register (a labour inspector: in their districts).</summary>
[Authorize(Policy = Permissions.InspectionsManage)]
public sealed class NewModel(AddWorkplace.Handler add) : FormPage
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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AddWorkplace.Response? added = null;
        var input = new WorkplaceInput(Kind, Name, Province, District, Place, Latitude, Longitude, OwnerName, OperatorName, RegistrationNumbers, Status);
        return await ModelState.TryAsync(async () => added = await add.Handle(HttpContext.Actor(), input, ct)) ? Redirect($"/workplaces/{added!.Id}") : Page();
    }
}
