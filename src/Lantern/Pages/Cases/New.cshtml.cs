using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Cases;

[Authorize(Policy = Permissions.CasesCreate)]
public sealed class NewModel(CreateCase.Handler create) : FormPage
{
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Status { get; set; } = "Active";
    [BindProperty] public string? OpenedOn { get; set; } = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    [BindProperty] public string? Summary { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CreateCase.Response? created = null;
        return await ModelState.TryAsync(async () => created = await create.Handle(HttpContext.Actor(), new CreateCase.Request(Reference, Status, OpenedOn, Summary), ct))
            ? Redirect($"/cases/{created!.Id}")
            : Page();
    }
}
