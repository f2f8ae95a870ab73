using Lantern.Core.Auditing;
using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Audit;

[Authorize(Policy = Permissions.AuditRead)]
public sealed class IndexModel(SearchAudit.Handler search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "actor")] public string? ActorName { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true, Name = "entity")] public string? Entity { get; set; }
    // "page" is also Razor Pages' own route value; read it from the query string only.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<AuditEntryView>? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        await ModelState.TryAsync(async () => Result = await search.Handle(HttpContext.Actor(), new SearchAudit.Request(ActorName, ActionName, Entity, null, null, PageNumber, 50), ct));
}
