using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.NameScreening;

/// <summary>One alert: the subject, the entry (redacted for a missing child without the permission), the explanation; confirm or dismiss.</summary>
[Authorize(Policy = Permissions.WatchlistsScreen)]
public sealed class AlertModel(AlertReview.GetHandler get, AlertReview.ConfirmHandler confirm, AlertReview.DismissHandler dismiss) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public AlertView? Alert { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Alert = await get.Handle(HttpContext.Actor(), Id, ct);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) => Act(() => confirm.Handle(HttpContext.Actor(), Id, new AlertReview.DecideRequest(Reason), ct), ct);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken ct) => Act(() => dismiss.Handle(HttpContext.Actor(), Id, new AlertReview.DecideRequest(Reason), ct), ct);

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        if (await ModelState.TryAsync(action))
        {
            return Redirect($"/name-screening/alerts/{Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
