using Lantern.Core.Features.Administration;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Account;

// Exempt from authorisation: this is how a user becomes authenticated.
[AllowAnonymous]
public sealed class LoginModel(SignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A sign-in always starts a new session: drop whatever the browser carried.
        await signIn.SignOutAsync(Request.Cookies[LanternAuthentication.SessionCookie], HttpActor.RemoteAddress(HttpContext), ct);
        Response.Cookies.Delete(LanternAuthentication.SessionCookie);
        var result = await signIn.PasswordAsync(Username, Password, HttpActor.RemoteAddress(HttpContext), ct);
        Password = null;
        switch (result.Stage)
        {
            case SignInStage.SignedIn:
                Response.Cookies.Append(LanternAuthentication.SessionCookie, result.SessionToken!, LanternAuthentication.CookieOptions(Request));
                return LocalRedirect(SafeReturnUrl(ReturnUrl));
            case SignInStage.SecondFactorRequired:
                Response.Cookies.Append(LanternAuthentication.PendingCookie, result.SessionToken!, LanternAuthentication.CookieOptions(Request));
                return RedirectToPage("/Account/Code", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
            case SignInStage.EnrolmentRequired:
                Response.Cookies.Append(LanternAuthentication.PendingCookie, result.SessionToken!, LanternAuthentication.CookieOptions(Request));
                return RedirectToPage("/Account/Enrol", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
            case SignInStage.Failed:
                Failed = true;
                return Page();
            default:
                throw new InvalidOperationException("Unknown sign-in stage.");
        }
    }

    internal static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
