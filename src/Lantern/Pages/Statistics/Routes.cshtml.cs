using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Statistics;

/// <summary>Origin, transit and destination flows of victims, as a table and as bars; aggregates only.</summary>
[Authorize(Policy = Permissions.StatisticsRead)]
public sealed class RoutesModel(VictimRoutes.Handler routes) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public VictimRoutes.Response? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        await ModelState.TryAsync(async () => Result = await routes.Handle(HttpContext.Actor(), Level, Year, ct));
}
