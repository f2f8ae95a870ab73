using Lantern.Core.Features.Duplicates;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Duplicates;

/// <summary>One possible duplicate with its explanation and decisions (the decision forms post to the queue page).</summary>
[Authorize(Policy = Permissions.LinkageRead)]
public sealed class DetailModel(GetDuplicate.Handler get) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public DuplicatePairView? Pair { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Pair = await get.Handle(HttpContext.Actor(), Id, ct);
}
