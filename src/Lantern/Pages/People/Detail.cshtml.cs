using Lantern.Core.Common;
using Lantern.Core.Features.People;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.People;

[Authorize(Policy = Permissions.PersonsRead)]
public sealed class DetailModel(GetPerson.Handler get) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public GetPerson.Response? Person { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Person = await get.Handle(HttpContext.Actor(), new PersonId(Id), ct);
}
