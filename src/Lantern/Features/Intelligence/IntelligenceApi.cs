using Lantern.Core.Common;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Intelligence;

public static class IntelligenceApi
{
    public static RouteGroupBuilder MapIntelligenceApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{caseId:guid}/intelligence").WithTags("Intelligence");
        cases.MapGet("/", List).RequireAuthorization(Permissions.IntelligenceRead).WithName("ListIntelligence").WithSummary("The intelligence items of a case you may see, each graded (e.g. \"B2 · H1\") with the meaning of each code.");
        cases.MapPost("/", Add).RequireAuthorization(Permissions.IntelligenceWrite).WithName("AddIntelligence").WithSummary("Record an intelligence item: text, source reliability (A, B, C, X), information accuracy (1-4), handling code (H0-H3).");
        return api;
    }

    private static async Task<Ok<IntelligenceList>> List(Guid caseId, HttpContext http, ListIntelligence.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(caseId), ct));

    private static async Task<Created<IntelligenceItemView>> Add(Guid caseId, AddIntelligence.Request request, HttpContext http, AddIntelligence.Handler handler, CancellationToken ct)
    {
        var added = await handler.Handle(http.Actor(), new CaseId(caseId), request, ct);
        return TypedResults.Created($"/api/v1/cases/{caseId}/intelligence", added);
    }
}
