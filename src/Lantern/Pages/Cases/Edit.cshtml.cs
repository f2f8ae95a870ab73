using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Cases;

[Authorize(Policy = Permissions.CasesEdit)]
public sealed class EditModel(GetCase.Handler get, UpdateCase.Handler update) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? OpenedOn { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? ReasonForClosure { get; set; }
    [BindProperty] public int? Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = await get.Handle(HttpContext.Actor(), new CaseId(Id), ct);
        (Reference, Status, OpenedOn, Summary, ReasonForClosure, Version) =
            (c.Reference, c.Status.ToString(), c.OpenedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Summary, c.ClosureReason, c.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await ModelState.TryAsync(() => update.Handle(HttpContext.Actor(), new CaseId(Id), new UpdateCase.Request(Reference, Status, OpenedOn, Summary, ReasonForClosure, Version), ct))
            ? Redirect($"/cases/{Id}")
            : Page();
}
