using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Prosecutions;

[Authorize(Policy = Permissions.ProsecutionRead)]
public sealed class TimelineModel(GetTimeline.Handler get) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public TimelineView? Timeline { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Timeline = await get.Handle(HttpContext.Actor(), new CaseId(Id), ct);
}
