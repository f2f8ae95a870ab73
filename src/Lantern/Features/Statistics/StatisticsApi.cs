using Lantern.Core.Features.Statistics;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Statistics;

public static class StatisticsApi
{
    public static RouteGroupBuilder MapStatisticsApi(this RouteGroupBuilder api)
    {
        var statistics = api.MapGroup("/statistics").WithTags("Statistics");
        statistics.MapGet("/cases", Cases).RequireAuthorization(Permissions.StatisticsRead).WithName("CaseStatistics").WithSummary("Aggregate counts of cases and victims; no identities.");
        statistics.MapGet("/routes", Routes).RequireAuthorization(Permissions.StatisticsRead).WithName("VictimRoutes")
            .WithSummary("Origin, transit and destination flows of victims with counts; ?level=country|province|city&year=YYYY.");
        return api;
    }

    private static async Task<Ok<VictimRoutes.Response>> Routes(HttpContext http, VictimRoutes.Handler handler, string? level, int? year, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), level, year, ct));

    private static async Task<Ok<CaseStatistics.Response>> Cases(HttpContext http, CaseStatistics.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));
}
