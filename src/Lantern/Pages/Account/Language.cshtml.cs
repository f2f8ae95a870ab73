using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Account;

/// <summary>
/// The language switch in the page header posts here (a plain form, no script). A signed-in user's choice is saved on
/// their account, so it follows them to every browser; the cookie carries it on signed-out pages such as sign-in.
/// </summary>
// Exempt from authorisation: the sign-in page has the switch too, and the choice holds no data.
[AllowAnonymous]
public sealed class LanguageModel(ChooseLanguage.Handler choose) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var language = (Language ?? "").Trim().ToLowerInvariant();
        if (!Languages.IsSupported(language))
        {
            ModelState.AddModelError("language", "Choose English or Urdu.");
            return Page();
        }
        if (User.Identity?.IsAuthenticated == true)
        {
            try
            {
                await choose.Handle(HttpContext.Actor(), new ChooseLanguage.Request(language), ct);
            }
            catch (ValidationException e)
            {
                ModelState.AddModelError(e.Field, e.Message);
                return Page();
            }
        }
        Response.Cookies.Append(Web.Localisation.Language.Cookie, language, Web.Localisation.Language.CookieOptions(Request));
        return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
    }
}
