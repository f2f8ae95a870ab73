using Lantern.Core.Common;
using Lantern.Core.Features.People;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.People;

[Authorize(Policy = Permissions.PersonsRead)]
public sealed class DetailModel(GetPerson.Handler get, Core.Features.Duplicates.GetPersonIdentity.Handler identity) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public GetPerson.Response? Person { get; private set; }

    /// <summary>The person identity this record belongs to (source records and the confirmations joining them).</summary>
    public Core.Features.Duplicates.GetPersonIdentity.Response? Identity { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Person = await get.Handle(HttpContext.Actor(), new PersonId(Id), ct);
        Identity = await identity.Handle(HttpContext.Actor(), new PersonId(Id), ct);
    }
}
