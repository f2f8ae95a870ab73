using System.Text;
using Lantern.Core.Features.Administration;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Account;

// Exempt from authorisation: first sign-in of an account without a second factor; it needs the pending-session cookie.
[AllowAnonymous]
public sealed class EnrolModel(SignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Secret { get; private set; }

    public bool Failed { get; private set; }

    public string GroupedSecret => string.Join(' ', (Secret ?? "").Chunk(4).Select(c => new string(c)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var enrolment = await signIn.BeginEnrolmentAsync(Request.Cookies[LanternAuthentication.PendingCookie], ct);
        if (enrolment is null)
        {
            return RedirectToPage("/Account/Login");
        }
        Secret = enrolment.Value.Secret;
        return Page();
    }

    /// <summary>The QR code as an image, drawn by Lantern (no third-party service sees the secret).</summary>
    public async Task<IActionResult> OnGetQrAsync(CancellationToken ct)
    {
        var enrolment = await signIn.BeginEnrolmentAsync(Request.Cookies[LanternAuthentication.PendingCookie], ct);
        return enrolment is null ? NotFound() : File(Encoding.UTF8.GetBytes(enrolment.Value.QrSvg), "image/svg+xml");
    }

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
        return await OnGetAsync(ct) is PageResult ? Page() : RedirectToPage("/Account/Login");
    }
}
