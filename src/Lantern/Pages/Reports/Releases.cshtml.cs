using System.Text;
using Lantern.Core.Features.Reports;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Reports;

/// <summary>Anonymised releases: make a CTDC k-anonymised file (downloaded at once, not kept) and read the release log.</summary>
[Authorize(Policy = Permissions.ReleasesCtdc)]
public sealed class ReleasesModel(ReleaseCtdc.Handler release, ListReleases.Handler list, TimeProvider clock) : FormPage
{
    [BindProperty] public int? From { get; set; }
    [BindProperty] public int? To { get; set; }
    [BindProperty] public int? K { get; set; } = CtdcDataset.DefaultK;
    [BindProperty] public string? Organisation { get; set; }

    public IReadOnlyList<ListReleases.Item> Releases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        To ??= clock.GetUtcNow().Year - 1;
        From ??= To - 4;
        Releases = await list.Handle(HttpContext.Actor(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReleaseCtdc.Response? made = null;
        await ModelState.TryAsync(async () => made = await release.Handle(HttpContext.Actor(), new ReleaseCtdc.Request(From, To, K, Organisation), ct));
        if (made is null)
        {
            Releases = await list.Handle(HttpContext.Actor(), ct);
            return Page();
        }
        return File(Encoding.UTF8.GetBytes(made.Csv), "text/csv; charset=utf-8", made.FileName);
    }
}
