using Lantern.Core.Features.Tips;
using Lantern.Features.Tips;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Report;

/// <summary>
/// The public tip-line form. Exempt from sign-in: anyone may report (ADR 0018). No antiforgery token, so the page sets
/// no cookie at all: there is no signed-in session to forge a request for. The reporter's address is used only by the
/// in-memory rate limiter and never reaches Core.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class IndexModel(SubmitTip.Handler submit, TipLimiter limiter) : FormPage
{
    [BindProperty] public string? WhatHappened { get; set; }
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? District { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? WhenHappened { get; set; }
    [BindProperty] public string? Children { get; set; }
    [BindProperty] public int? PeopleCount { get; set; }
    [BindProperty] public bool ContactConsent { get; set; }
    [BindProperty] public string? Contact { get; set; }

    /// <summary>The honeypot: hidden from people, filled by bots.</summary>
    [BindProperty] public string? Website { get; set; }

    public SubmitTip.Response? Received { get; private set; }
    public bool TooMany { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Only the number field can fail to bind: say so by name, keep what was typed.
            ModelState.Clear();
            ModelState.AddModelError("peopleCount", "Write the number of people in digits, or leave it empty.");
            return Page();
        }
        if (!limiter.TryAcquire(TipDoor.Submission, HttpContext.Connection.RemoteIpAddress))
        {
            TooMany = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var form = new TipForm(WhatHappened, Province, District, Place, WhenHappened, Children, PeopleCount, ContactConsent, Contact);
        await ModelState.TryAsync(async () => Received = await submit.Handle(new SubmitTip.Request(form, Website), ct));
        return Page();
    }
}
