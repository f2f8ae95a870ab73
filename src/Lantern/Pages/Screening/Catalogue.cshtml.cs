using Lantern.Core.Features.Screening;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Screening;

[Authorize(Policy = Permissions.ScreeningAssess)]
public sealed class CatalogueModel(ManageCatalogue.Handler catalogue) : FormPage
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Label { get; set; }

    public ManageCatalogue.CatalogueView? Catalogue { get; private set; }
    public string? Imported { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Catalogue = await catalogue.CurrentAsync(HttpContext.Actor(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? csv = null;
        if (Upload is not null)
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            csv = await reader.ReadToEndAsync(ct);
        }
        if (await ModelState.TryAsync(async () => Imported = (await catalogue.ImportAsync(HttpContext.Actor(), new ManageCatalogue.ImportRequest(csv, Label, null), ct)).Version))
        {
            return Redirect("/screening/catalogue");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
