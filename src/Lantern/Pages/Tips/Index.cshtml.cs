using Lantern.Core.Features.Tips;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Tips;

/// <summary>The triage queue: alerts, urgent tips, all open tips oldest first, the overflow bucket, response times.</summary>
[Authorize(Policy = Permissions.TipsTriage)]
public sealed class IndexModel(ListTips.Handler list, SuperviseTips.DutyHandler duty, SuperviseTips.AcknowledgeHandler acknowledge) : FormPage
{
    public TipBoard? Board { get; private set; }

    public bool CanSupervise => User.Can(Permissions.TipsSupervise);

    public async Task OnGetAsync(CancellationToken ct) => Board = await list.Handle(HttpContext.Actor(), ct);

    public async Task<IActionResult> OnPostDutyAsync(bool onDuty, CancellationToken ct)
    {
        await duty.Handle(HttpContext.Actor(), onDuty, ct);
        return Redirect("/tips");
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid alertId, CancellationToken ct)
    {
        await acknowledge.Handle(HttpContext.Actor(), alertId, ct);
        return Redirect("/tips");
    }
}
