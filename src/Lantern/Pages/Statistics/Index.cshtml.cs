using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Statistics;

[Authorize(Policy = Permissions.StatisticsRead)]
public sealed class IndexModel(CaseStatistics.Handler statistics) : PageModel
{
    public CaseStatistics.Response? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Result = await statistics.Handle(HttpContext.Actor(), ct);
}
