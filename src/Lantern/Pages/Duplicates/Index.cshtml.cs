using Lantern.Core.Features.Duplicates;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Duplicates;

/// <summary>The possible-duplicates queue: filter by status, each pair side by side with its explanation, decisions inline.</summary>
[Authorize(Policy = Permissions.LinkageRead)]
public sealed class IndexModel(ListDuplicates.Handler list, ConfirmDuplicate.Handler confirm, RejectDuplicate.Handler reject, UndoDuplicate.Handler undo) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty] public Guid PairId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public DuplicateList? Queue { get; private set; }

    public string Shown => string.IsNullOrWhiteSpace(Status) ? "open" : Status.Trim().ToLowerInvariant();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ModelState.TryAsync(async () => Queue = await list.Handle(HttpContext.Actor(), new ListDuplicates.Request(Shown), ct)))
        {
            Status = "open";
            Queue = await list.Handle(HttpContext.Actor(), new ListDuplicates.Request("open"), ct);
        }
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) => Act(() => confirm.Handle(HttpContext.Actor(), PairId, new ConfirmDuplicate.Request(Reason), ct), ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => Act(() => reject.Handle(HttpContext.Actor(), PairId, new RejectDuplicate.Request(Reason), ct), ct);

    public Task<IActionResult> OnPostUndoAsync(CancellationToken ct) => Act(() => undo.Handle(HttpContext.Actor(), PairId, new UndoDuplicate.Request(Reason), ct), ct);

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        if (await ModelState.TryAsync(action))
        {
            return Redirect($"/duplicates/{PairId}");
        }
        return await OnGetAsync(ct);
    }
}
