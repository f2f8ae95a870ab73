using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Tips;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Tips;

/// <summary>One tip and its triage: assign, urgent, link to a case, open a case prefilled, close with a reason, the team's notes.</summary>
[Authorize(Policy = Permissions.TipsTriage)]
public sealed class DetailModel(
    GetTip.Handler get,
    TriageTip.AssignHandler assign,
    TriageTip.UrgentHandler urgent,
    TriageTip.LinkHandler link,
    TriageTip.CloseHandler close,
    TriageTip.NoteHandler note,
    OpenCaseFromTip.PrefillHandler prefill,
    OpenCaseFromTip.Handler openCase) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public bool Urgent { get; set; }
    [BindProperty] public bool ChildAtImmediateRisk { get; set; }
    [BindProperty] public Guid? CaseId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? NoteText { get; set; }

    public TipView? Tip { get; private set; }
    public CreateCase.Request? Prefill { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.Actor();
        Tip = await get.Handle(actor, Id, ct);
        if (Tip.IsOpenForCase() && User.Can(Permissions.CasesCreate))
        {
            Prefill = await prefill.Handle(actor, Id, ct);
        }
    }

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) => Act(() => assign.Handle(HttpContext.Actor(), Id, new TriageTip.AssignRequest(Username), ct), ct);

    public Task<IActionResult> OnPostUrgentAsync(CancellationToken ct) => Act(() => urgent.Handle(HttpContext.Actor(), Id, new TriageTip.UrgentRequest(Urgent, ChildAtImmediateRisk), ct), ct);

    public Task<IActionResult> OnPostLinkAsync(CancellationToken ct) => Act(() => link.Handle(HttpContext.Actor(), Id, new TriageTip.LinkRequest(CaseId ?? Guid.Empty), ct), ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => Act(() => close.Handle(HttpContext.Actor(), Id, new TriageTip.CloseRequest(Reason, Note), ct), ct);

    public Task<IActionResult> OnPostNoteAsync(CancellationToken ct) => Act(() => note.Handle(HttpContext.Actor(), Id, new TriageTip.NoteRequest(NoteText), ct), ct);

    public async Task<IActionResult> OnPostOpenCaseAsync(CancellationToken ct)
    {
        OpenCaseFromTip.Response? created = null;
        if (await ModelState.TryAsync(async () => created = await openCase.Handle(HttpContext.Actor(), Id, new OpenCaseFromTip.Request(Reference, Summary), ct)))
        {
            return Redirect($"/cases/{created!.CaseId}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        if (await ModelState.TryAsync(action))
        {
            return Redirect($"/tips/{Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}

internal static class TipViewExtensions
{
    public static bool IsOpenForCase(this TipView tip) => tip.State != TipState.Closed && tip.CaseId is null;
}
