using Lantern.Core.Features.Administration;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Account;

// Exempt from authorisation: the second step of signing in; it needs the pending-session cookie from the password step.
[AllowAnonymous]
public sealed class CodeModel(SignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await signIn.NeedsEnrolmentAsync(Request.Cookies[LanternAuthentication.PendingCookie], ct) is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var pending = Request.Cookies[LanternAuthentication.PendingCookie];
        var result = await signIn.SecondFactorAsync(pending, Code, HttpActor.RemoteAddress(HttpContext), ct);
        if (result.Stage == SignInStage.SignedIn)
        {
            Response.Cookies.Delete(LanternAuthentication.PendingCookie);
            Response.Cookies.Append(LanternAuthentication.SessionCookie, result.SessionToken!, LanternAuthentication.CookieOptions(Request));
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        if (result.SessionToken is null)
        {
            return RedirectToPage("/Account/Login");
        }
        Failed = true;
        return Page();
    }
}
