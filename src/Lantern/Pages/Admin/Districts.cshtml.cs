using Lantern.Core.Features.Inspections;
using Lantern.Core.Features.Reports;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Admin;

/// <summary>The districts a user works in: a labour inspector sees the workplaces, inspections and inspection cases of these only.</summary>
[Authorize(Policy = Permissions.UsersManage)]
public sealed class DistrictsModel(SetUserDistricts.Handler districts) : FormPage
{
    [BindProperty(SupportsGet = true)] public string Username { get; set; } = "";

    /// <summary>One district per line, as typed.</summary>
    [BindProperty] public string? Districts { get; set; }

    /// <summary>Districts offered as suggestions: those of the bundled district map.</summary>
    public IReadOnlyList<string> Known { get; } = DistrictCatalogue.Pakistan.Places.Select(p => p.District).Order(StringComparer.Ordinal).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A user of another organisation, or none, is not found (NotFoundException), as any record the actor cannot see.
        var current = await districts.GetAsync(HttpContext.Actor(), Username, ct);
        Username = current.Username;
        Districts = string.Join('\n', current.Districts);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var wanted = (Districts ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return await ModelState.TryAsync(() => districts.Handle(HttpContext.Actor(), Username, wanted, ct)) ? Redirect("/admin/users") : Page();
    }
}
