using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Cases;

[Authorize(Policy = Permissions.CasesEdit)]
public sealed class AddEventModel(GetCase.Handler get, AddEvent.Handler add) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Type { get; set; } = "Recruitment";
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Country { get; set; } = "PK";
    [BindProperty] public string? State { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<Guid> People { get; set; } = [];

    public CaseView? Case { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Case = await get.Handle(HttpContext.Actor(), new CaseId(Id), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var section = new EventSection
        {
            Type = Type,
            Date = string.IsNullOrWhiteSpace(Date) ? null : Date,
            Country = string.IsNullOrWhiteSpace(Country) ? null : Country,
            State = State,
            City = City,
            Description = Description,
        };
        if (await ModelState.TryAsync(() => add.Handle(HttpContext.Actor(), new CaseId(Id), new AddEvent.Request(section, People), ct)))
        {
            return Redirect($"/cases/{Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
