using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;
using Lantern.Web;
using Lantern.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Sharing;

/// <summary>Packages sent and received, the received items with their provenance and codes, and the import of a package file.</summary>
[Authorize(Policy = Permissions.SharingReceive)]
public sealed class IndexModel(ListPackages.Handler list, ImportPackage.Handler import) : FormPage
{
    public SharingOverview? Overview { get; private set; }

    /// <summary>The confirmation's English text (its catalogue key) and its values (<see cref="Sentence.Pack"/>).</summary>
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageValues { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Overview = await list.Handle(HttpContext.Actor(), ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        ImportResult? result = null;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("package", "Choose the package file to import.");
        }
        else if (file.Length > ImportPackage.Handler.MaxFileBytes)
        {
            ModelState.AddModelError("package", "The package file is too large.");
        }
        else
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, ct);
            await ModelState.TryAsync(async () => result = await import.Handle(HttpContext.Actor(), content.ToArray(), ct));
        }
        if (result is null)
        {
            Overview = await list.Handle(HttpContext.Actor(), ct);
            return Page();
        }
        (Message, MessageValues) = result switch
        {
            { Kind: "revocation" } => ("Revocation from {0} imported: {1} item(s) removed.", Sentence.Pack(result.SenderName, result.ItemsRevoked)),
            { Kind: "linkage-agreement" } => ("Agreement from {0} imported: {1} possible common person(s) to share details on.", Sentence.Pack(result.SenderName, result.ItemsImported)),
            { EncodingsReceived: > 0 } => ("Package from {0} imported: {1} item(s), {2} linkage encoding(s), {3} possible common person(s).",
                Sentence.Pack(result.SenderName, result.ItemsImported, result.EncodingsReceived, result.PossibleCommonPersons)),
            _ => ("Package from {0} imported: {1} item(s).", Sentence.Pack(result.SenderName, result.ItemsImported)),
        };
        return RedirectToPage();
    }
}
