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
        statistics.MapGet("/victims", Victims).RequireAuthorization(Permissions.StatisticsRead).WithName("VictimStatistics")
            .WithSummary("GLOTIP detected victims for a year: ?year=YYYY&by=sex-age|exploitation|citizenship|organisation|province|district&organisation=&public=true; small cells suppressed unless exact figures are allowed.");
        statistics.MapGet("/offenders", Offenders).RequireAuthorization(Permissions.StatisticsRead).WithName("OffenderStatistics")
            .WithSummary("Suspects, persons prosecuted and persons convicted in a year by sex and citizenship: ?year=YYYY&organisation=&public=true.");
        return api;
    }

    private static async Task<Ok<CountVictims.Response>> Victims(HttpContext http, CountVictims.Handler handler, string? year, string? by, string? organisation, string? @public, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CountVictims.Request(CountVictims.ParseYear(year), by, organisation, CountVictims.ParsePublic(@public)), ct));

    private static async Task<Ok<CountOffenders.Response>> Offenders(HttpContext http, CountOffenders.Handler handler, string? year, string? organisation, string? @public, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CountOffenders.Request(CountVictims.ParseYear(year), organisation, CountVictims.ParsePublic(@public)), ct));

    private static async Task<Ok<VictimRoutes.Response>> Routes(HttpContext http, VictimRoutes.Handler handler, string? level, int? year, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), level, year, ct));

    private static async Task<Ok<CaseStatistics.Response>> Cases(HttpContext http, CaseStatistics.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));
}
