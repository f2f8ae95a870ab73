using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Prosecutions;

/// <summary>The witness and charge schedule as a print page, and as a plain-text download (?handler=text). No PDF library is bundled.</summary>
[Authorize(Policy = Permissions.ProsecutionRead)]
public sealed class WitnessScheduleModel(PrintWitnessSchedule.Handler print) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Hearing { get; set; }

    public WitnessSchedule? Schedule { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Schedule = await print.Handle(HttpContext.Actor(), new CaseId(Id), Hearing, ct);

    public async Task<IActionResult> OnGetTextAsync(CancellationToken ct)
    {
        var schedule = await print.Handle(HttpContext.Actor(), new CaseId(Id), Hearing, ct);
        return File(Encoding.UTF8.GetBytes(schedule.ToText()), "text/plain; charset=utf-8", $"witness-schedule-{schedule.CaseReference}.txt");
    }
}
