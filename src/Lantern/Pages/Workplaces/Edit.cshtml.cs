using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Workplaces;

/// <summary>Changes a workplace's details (a labour inspector: workplaces of their districts, into their districts).</summary>
[Authorize(Policy = Permissions.InspectionsManage)]
public sealed class EditModel(GetWorkplace.Handler get, ChangeWorkplace.Handler change) : WorkplaceForm
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public string? Title { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var w = await get.Handle(HttpContext.Actor(), Id, ct);
        Fill(w);
        Title = w.Name;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Title = Name;
        return await ModelState.TryAsync(() => change.Handle(HttpContext.Actor(), Id, Input(), ct)) ? Redirect($"/workplaces/{Id}") : Page();
    }
}
