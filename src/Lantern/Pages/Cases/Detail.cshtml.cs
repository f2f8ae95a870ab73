using System.Text.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Cases;

[Authorize(Policy = Permissions.CasesRead)]
public sealed class DetailModel(GetCase.Handler get, AddNote.Handler addNote, ExportCase.Handler export) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? NoteText { get; set; }

    public CaseView? Case { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Case = await get.Handle(HttpContext.Actor(), new CaseId(Id), ct);

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
