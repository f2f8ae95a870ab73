using Lantern.Core.Features.Evidence;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Evidence;

/// <summary>One exhibit: details, chain of custody, transfer form, integrity check, download of the sealed original.</summary>
[Authorize(Policy = Permissions.EvidenceRead)]
public sealed class DetailModel(GetEvidence.Handler get, GetEvidenceContent.Handler content, VerifyEvidence.Handler verify, TransferCustody.Handler transfer) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? ToName { get; set; }
    [BindProperty] public string? ToRole { get; set; }
    [BindProperty] public string? ToOrganisation { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Condition { get; set; }
    [BindProperty] public string? SealNumber { get; set; }

    public EvidenceItemView? Item { get; private set; }
    public IntegrityResult? Check { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Item = await get.Handle(HttpContext.Actor(), Id, ct);

    /// <summary>The sealed original, only if its hash still matches; otherwise the page shows the integrity failure.</summary>
    public async Task<IActionResult> OnGetContentAsync(CancellationToken ct)
    {
        EvidenceContent? file = null;
        if (await ModelState.TryAsync(async () => file = await content.OriginalAsync(HttpContext.Actor(), Id, ct)))
        {
            return File(file!.Content, file.ContentType, file.FileName);
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPreviewAsync(CancellationToken ct)
    {
        var file = await content.PreviewAsync(HttpContext.Actor(), Id, ct);
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType);
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Check = await verify.Handle(HttpContext.Actor(), Id, ct);
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTransferAsync(CancellationToken ct)
    {
        if (await ModelState.TryAsync(() => transfer.Handle(HttpContext.Actor(), Id, new TransferCustody.Request(ToName, ToRole, ToOrganisation, Reason, null, Place, Condition, SealNumber), ct)))
        {
            return Redirect($"/evidence/{Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
