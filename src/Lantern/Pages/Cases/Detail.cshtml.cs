using System.Text.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Cases;

[Authorize(Policy = Permissions.CasesRead)]
public sealed class DetailModel(GetCase.Handler get, AddNote.Handler addNote, ExportCase.Handler export, ShareCase.Handler share, Organisations.ListHandler organisations, Core.Features.Screening.ScreenVictim.Handler screening) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? NoteText { get; set; }
    [BindProperty] public string? ShareWith { get; set; }
    [BindProperty] public string? AssignUsername { get; set; }

    public CaseView? Case { get; private set; }
    public IReadOnlyList<Organisations.View> Organisations { get; private set; } = [];
    public IReadOnlyList<Core.Features.Screening.ScreenVictim.AssessmentSummary> Assessments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Case = await get.Handle(HttpContext.Actor(), new CaseId(Id), ct);
        Organisations = await organisations.Handle(HttpContext.Actor(), ct);
        if (HttpContext.Actor().Has(Permissions.ScreeningAssess))
        {
            Assessments = await screening.ListAsync(HttpContext.Actor(), new CaseId(Id), ct);
        }
    }

    public Task<IActionResult> OnPostShareAsync(CancellationToken ct) =>
        Act(() => share.ShareAsync(HttpContext.Actor(), new CaseId(Id), new ShareCase.Request(ShareWith), ct), ct);

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) =>
        Act(() => share.AssignAsync(HttpContext.Actor(), new CaseId(Id), new ShareCase.AssignRequest(AssignUsername), ct), ct);

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        if (await ModelState.TryAsync(action))
        {
            return Redirect($"/cases/{Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken ct)
    {
        if (await ModelState.TryAsync(() => addNote.Handle(HttpContext.Actor(), new CaseId(Id), new AddNote.Request(NoteText), ct)))
        {
            return Redirect($"/cases/{Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var document = await export.Handle(HttpContext.Actor(), new CaseId(Id), ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, CaseDocument.JsonOptions);
        return File(bytes, "application/json", $"{document.Case?.Reference?.Replace('/', '_') ?? "case"}.json");
    }
}
