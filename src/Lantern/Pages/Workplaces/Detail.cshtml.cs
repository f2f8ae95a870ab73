using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Workplaces;

/// <summary>A workplace, its owner and operator, and its inspection history.</summary>
[Authorize(Policy = Permissions.InspectionsRead)]
public sealed class DetailModel(GetWorkplace.Handler get) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public WorkplaceView? Workplace { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Workplace = await get.Handle(HttpContext.Actor(), Id, ct);
}
