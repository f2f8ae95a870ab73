using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Sharing;

/// <summary>The file of a package the organisation sent.</summary>
[Authorize(Policy = Permissions.SharingSend)]
public sealed class DownloadModel(DownloadPackage.Handler download) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await download.Handle(HttpContext.Actor(), id, ct);
        return File(file.Content, "application/json", file.FileName);
    }
}
