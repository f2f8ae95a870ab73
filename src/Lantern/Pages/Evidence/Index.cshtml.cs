using Lantern.Core.Common;
using Lantern.Core.Features.Evidence;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Lantern.Features.Evidence;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Evidence;

/// <summary>A case's evidence register, with the intake form. Upload limits are raised for this page only (before antiforgery reads the form).</summary>
[Authorize(Policy = Permissions.EvidenceRead)]
[RequestSizeLimit(LanternOptions.DefaultMaxEvidenceBytes + UploadOverhead)]
[RequestFormLimits(MultipartBodyLengthLimit = LanternOptions.DefaultMaxEvidenceBytes + UploadOverhead)]
public sealed class IndexModel(ListEvidence.Handler list, AddEvidence.Handler add, LanternOptions options) : FormPage
{
    private const long UploadOverhead = 1024 * 1024;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public EvidenceRegister? Register { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Register = await list.Handle(HttpContext.Actor(), new CaseId(Id), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        EvidenceItemView? added = null;
        if (await ModelState.TryAsync(async () =>
        {
            var request = await EvidenceApi.FromFormAsync(Request.Form, options.MaxEvidenceBytes, ct);
            added = await add.Handle(HttpContext.Actor(), new CaseId(Id), request, ct);
        }))
        {
            return Redirect($"/evidence/{added!.Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public static string Size(long? bytes) => bytes switch
    {
        null => "",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
