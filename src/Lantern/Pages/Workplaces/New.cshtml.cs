using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Workplaces;

/// <summary>Adds a workplace to the register (a labour inspector: in their districts).</summary>
[Authorize(Policy = Permissions.InspectionsManage)]
public sealed class NewModel(AddWorkplace.Handler add) : WorkplaceForm
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AddWorkplace.Response? added = null;
        return await ModelState.TryAsync(async () => added = await add.Handle(HttpContext.Actor(), Input(), ct)) ? Redirect($"/workplaces/{added!.Id}") : Page();
    }
}
