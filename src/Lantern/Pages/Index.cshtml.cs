using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages;

/// <summary>The start page sends each role to its work: cases, statistics, name screening, or the audit log.</summary>
[Authorize(Policy = LanternWebHost.SignedIn)]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.Can(Permissions.CasesRead) ? Redirect("/cases")
        : User.Can(Permissions.StatisticsRead) ? Redirect("/statistics")
        : User.Can(Permissions.WatchlistsScreen) ? Redirect("/name-screening")
        : User.Can(Permissions.AuditRead) ? Redirect("/audit")
        : Redirect("/forbidden");
}
