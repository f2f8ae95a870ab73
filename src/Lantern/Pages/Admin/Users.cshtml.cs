using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Admin;

[Authorize(Policy = Permissions.UsersManage)]
public sealed class UsersModel(Users.ListHandler list, Users.SetDisabledHandler setDisabled, AddUser.Handler addUser, SetUserDistricts.Handler districts) : PageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    /// <summary>Each user's districts (a labour inspector sees only these); users without any are absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Districts { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? NewUsername { get; set; }
    [BindProperty] public string? NewRole { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await list.Handle(HttpContext.Actor(), ct);
        Districts = await districts.AllAsync(HttpContext.Actor(), ct);
    }

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) => Act(() => setDisabled.Handle(HttpContext.Actor(), Target ?? "", true, ct), ct);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) => Act(() => setDisabled.Handle(HttpContext.Actor(), Target ?? "", false, ct), ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        Act(() => addUser.Handle(HttpContext.Actor(), new AddUser.Request(NewUsername, null, NewRole, NewPassword), ct), ct);

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        var ok = await ModelState.TryAsync(action);
        NewPassword = null;
        if (ok)
        {
            return RedirectToPage();
        }
        await OnGetAsync(ct);
        return Page();
    }
}
