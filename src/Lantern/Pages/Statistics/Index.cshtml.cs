using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;

namespace Lantern.Pages.Statistics;

/// <summary>Cases and victims over every year, a year or a free period; suppressed for users without exact figures.</summary>
[Authorize(Policy = Permissions.StatisticsRead)]
public sealed class IndexModel(CaseStatistics.Handler statistics) : PeriodPage
{
    public CaseStatistics.Response? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        await ModelState.TryAsync(async () => Result = await statistics.Handle(HttpContext.Actor(), AskedPeriod(), ct));
}
