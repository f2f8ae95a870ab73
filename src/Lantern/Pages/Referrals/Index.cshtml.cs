using Lantern.Core.Features.Referrals;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Referrals;

[Authorize(Policy = Permissions.ReferralsRead)]
public sealed class IndexModel(ListReferrals.Handler list) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReferralState? State { get; set; }

    public ReferralBoard? Board { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Board = await list.Handle(HttpContext.Actor(), new ListReferrals.Request(State: ModelState.IsValid ? State : null), ct);
}
