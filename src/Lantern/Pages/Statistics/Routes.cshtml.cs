using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Statistics;

/// <summary>
/// Origin, transit and destination flows of victims over every year, a year or a free period: a flow diagram, bars and
/// the table, with a CSV download. Exact for users with exact figures unless "as published" is chosen; suppressed for
/// everyone else, and the CSV always, since it leaves Lantern. Aggregates only.
/// </summary>
[Authorize(Policy = Permissions.StatisticsRead)]
public sealed class RoutesModel(VictimRoutes.Handler routes) : PeriodPage
{
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "public")] public bool Public { get; set; }

    public VictimRoutes.Table? Result { get; private set; }

    public RouteDiagram.Data? Diagram { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        await ModelState.TryAsync(async () =>
        {
            Result = await routes.Handle(HttpContext.Actor(), new VictimRoutes.Request(Level, AskedPeriod(), Public), ct);
            Diagram = RouteDiagram.Layout("Routes of victims: origin, transit and destination", Result);
        });

    /// <summary>Every route as CSV (origin,transit,destination,scope,victims), always suppressed: the file leaves Lantern.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        try
        {
            var table = await routes.Handle(HttpContext.Actor(), new VictimRoutes.Request(Level, AskedPeriod(), Public: true), ct);
            var csv = new StringBuilder("origin,transit,destination,scope,victims\n");
            foreach (var f in table.Flows)
            {
                csv.Append(CsvText.Row(f.Origin, f.Transit, f.Destination, f.Scope)).Append(',').Append(CsvText.Cell(f.Text)).Append('\n');
            }
            csv.Append(CsvText.Row("total", "", "", "")).Append(',').Append(CsvText.Cell(table.WithRoute.Text)).Append('\n');
            var period = AskedPeriod()?.Code ?? "all-years";
            return File(CsvFile.Bytes(csv.ToString()), CsvFile.ContentType, $"routes-{table.Level.ToString().ToLowerInvariant()}-{period}.csv");
        }
        catch (ValidationException e)
        {
            return BadRequest($"{e.Field}: {e.Message}");
        }
    }

    public string CsvLink => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/statistics/routes",
        [new("handler", "Csv"), new("level", Level), .. PeriodQuery]);
}
