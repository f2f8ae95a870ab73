using Lantern.Core.Features.Administration;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Account;

// Exempt from authorisation: signing out must work with an expired session too; it only ends the caller's own session.
[AllowAnonymous]
public sealed class LogoutModel(SignIn signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await signIn.SignOutAsync(Request.Cookies[LanternAuthentication.SessionCookie], HttpActor.RemoteAddress(HttpContext), ct);
        Response.Cookies.Delete(LanternAuthentication.SessionCookie);
        Response.Cookies.Delete(LanternAuthentication.PendingCookie);
        return RedirectToPage();
    }
}
