using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Screening;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Screening;

[Authorize(Policy = Permissions.ScreeningAssess)]
public sealed class StartModel(GetCase.Handler get, ScreenVictim.Handler screen) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Participant { get; set; }
    [BindProperty] public string? Exploitation { get; set; } = "labour";
    [BindProperty] public bool ReasonToBelieveMinor { get; set; }

    public CaseView? Case { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Case = await get.Handle(HttpContext.Actor(), new CaseId(Id), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ScreenVictim.AssessmentView? view = null;
        if (await ModelState.TryAsync(async () => view = await screen.StartAsync(HttpContext.Actor(), new CaseId(Id), new ScreenVictim.StartRequest(Participant, Exploitation, ReasonToBelieveMinor), ct)))
        {
            return Redirect($"/assessments/{view!.Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
