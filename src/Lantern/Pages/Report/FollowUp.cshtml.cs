using Lantern.Core.Common;
using Lantern.Core.Features.Tips;
using Lantern.Features.Tips;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Report;

/// <summary>
/// The reporter adds information with the tip number and secret phrase. Exempt from sign-in like the form (ADR 0018);
/// a wrong phrase and an unknown number get the same message, and attempts are rate-limited per network.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class FollowUpModel(AddToTip.Handler add, TipLimiter limiter) : FormPage
{
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Phrase { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Website { get; set; }

    public bool Added { get; private set; }
    public bool NotMatched { get; private set; }
    public bool TooMany { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!limiter.TryAcquire(TipDoor.FollowUp, HttpContext.Connection.RemoteIpAddress))
        {
            TooMany = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        try
        {
            if (await ModelState.TryAsync(() => add.Handle(new AddToTip.Request(Number, Phrase, Text, Website), ct)))
            {
                Added = true;
                Text = null;
            }
        }
        catch (NotFoundException)
        {
            NotMatched = true;
        }
        return Page();
    }
}
