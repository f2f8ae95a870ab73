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
        // ---- National Action Plan indicators (docs/decisions/0026-nap-indicators-as-data.md) ----
        statistics.MapGet("/indicators", Indicators).RequireAuthorization(Permissions.StatisticsRead).WithName("NapIndicators")
            .WithSummary("National Action Plan indicators with value, baseline, target, progress and a series by year: ?year=YYYY or ?from=YYYY-MM-DD&to=YYYY-MM-DD, &code=, &public=true.");
        statistics.MapGet("/indicators/definitions", IndicatorDefinitions).RequireAuthorization(Permissions.StatisticsRead).WithName("NapIndicatorDefinitions")
            .WithSummary("The newest version of every indicator definition (JSON), retired ones marked.");
        statistics.MapGet("/indicators/definitions/{code}", IndicatorHistory).RequireAuthorization(Permissions.StatisticsRead).WithName("NapIndicatorHistory")
            .WithSummary("Every version of one indicator's definition, oldest first.");
        statistics.MapPost("/indicators", DefineIndicator).RequireAuthorization(Permissions.StatisticsIndicatorsManage).WithName("DefineNapIndicator")
            .WithSummary("Define a new indicator (body: the definition); problem+json naming the field on bad input, 409 if the code exists.");
        statistics.MapPut("/indicators/{code}", ChangeIndicator).RequireAuthorization(Permissions.StatisticsIndicatorsManage).WithName("ChangeNapIndicator")
            .WithSummary("Change an indicator: its next version (body: the whole definition; \"retired\": true withdraws it).");
        // ---- end of National Action Plan indicators ----
        return api;
    }

    private static async Task<Ok<ListNapIndicators.Response>> Indicators(HttpContext http, ListNapIndicators.Handler handler, string? year, string? from, string? to, string? code, string? @public, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListNapIndicators.Request(CountVictims.ParseYear(year), from, to, CountVictims.ParsePublic(@public), string.IsNullOrWhiteSpace(code) ? null : code.Trim()), ct));

    private static async Task<Ok<IReadOnlyList<DefineNapIndicator.DefinitionView>>> IndicatorDefinitions(HttpContext http, DefineNapIndicator.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(http.Actor(), ct));

    private static async Task<Ok<IReadOnlyList<DefineNapIndicator.DefinitionView>>> IndicatorHistory(HttpContext http, DefineNapIndicator.Handler handler, string code, CancellationToken ct) =>
        TypedResults.Ok(await handler.HistoryAsync(http.Actor(), code, ct));

    private static async Task<Created<DefineNapIndicator.DefinitionView>> DefineIndicator(HttpContext http, DefineNapIndicator.Handler handler, CancellationToken ct)
    {
        var saved = (await handler.SaveAsync(http.Actor(), new DefineNapIndicator.Request(await BodyAsync(http, ct), DefineNapIndicator.Mode.Create), ct))[0];
        return TypedResults.Created($"/api/v1/statistics/indicators/definitions/{Uri.EscapeDataString(saved.Code)}", saved);
    }

    private static async Task<Ok<DefineNapIndicator.DefinitionView>> ChangeIndicator(HttpContext http, DefineNapIndicator.Handler handler, string code, CancellationToken ct) =>
        TypedResults.Ok((await handler.SaveAsync(http.Actor(), new DefineNapIndicator.Request(await BodyAsync(http, ct), DefineNapIndicator.Mode.Replace, code), ct))[0]);

    /// <summary>The body as text: Core parses the definition itself, so every error names the definition's own field.</summary>
    private static async Task<string> BodyAsync(HttpContext http, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync(ct);
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
