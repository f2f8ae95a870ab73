using Lantern.Core.Features.Tips;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Tips;

/// <summary>An operator records a phone call to the hotline through the same form as the public, with the call's time, duration and language.</summary>
[Authorize(Policy = Permissions.TipsTriage)]
public sealed class CallModel(RecordCall.Handler record) : FormPage
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
    [BindProperty] public DateTime? CallStartedAt { get; set; }
    [BindProperty] public int? CallDurationMinutes { get; set; }
    [BindProperty] public string? CallLanguage { get; set; } = "ur";

    public RecordCall.Response? Recorded { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = new TipForm(WhatHappened, Province, District, Place, WhenHappened, Children, PeopleCount, ContactConsent, Contact);
        await ModelState.TryAsync(async () => Recorded = await record.Handle(HttpContext.Actor(), new RecordCall.Request(form, CallStartedAt, CallDurationMinutes, CallLanguage), ct));
        return Page();
    }
}
