using Lantern.Core.Common;
using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Inspections;

public static class InspectionsApi
{
    public static RouteGroupBuilder MapInspectionsApi(this RouteGroupBuilder api)
    {
        var workplaces = api.MapGroup("/workplaces").WithTags("Labour inspections");
        workplaces.MapGet("/", ListWorkplacesIn).RequireAuthorization(Permissions.InspectionsRead).WithName("ListWorkplaces").WithSummary("The workplace register you may see (a labour inspector: their districts), filtered by district, kind and text; no personal data.");
        workplaces.MapGet("/{id:guid}", GetWorkplaceOf).RequireAuthorization(Permissions.InspectionsRead).WithName("GetWorkplace").WithSummary("A workplace with its owner, operator and inspection history.");
        workplaces.MapPost("/", AddWorkplaceTo).RequireAuthorization(Permissions.InspectionsManage).WithName("AddWorkplace").WithSummary("Add a workplace (brick kiln, agricultural estate, workshop, domestic placement, factory) to the register.");
        workplaces.MapPut("/{id:guid}", ChangeWorkplaceOf).RequireAuthorization(Permissions.InspectionsManage).WithName("ChangeWorkplace").WithSummary("Replace a workplace's details (every field, as on the form); answers with the names of the fields that changed.");

        var districts = api.MapGroup("/users/{username}/districts").WithTags("Labour inspections");
        districts.MapGet("/", UserDistrictsOf).RequireAuthorization(Permissions.UsersManage).WithName("GetUserDistricts").WithSummary("The districts a user of your organisation works in (a labour inspector sees only these).");
        districts.MapPut("/", SetUserDistrictsOf).RequireAuthorization(Permissions.UsersManage).WithName("SetUserDistricts").WithSummary("Replace the districts a user works in; an empty list removes them all.");

        var inspections = api.MapGroup("/inspections").WithTags("Labour inspections");
        inspections.MapGet("/", List).RequireAuthorization(Permissions.InspectionsRead).WithName("ListInspections").WithSummary("Inspections you may see, newest first, by district, kind, period or workplace.");
        inspections.MapGet("/follow-ups/overdue", Overdue).RequireAuthorization(Permissions.InspectionsRead).WithName("ListOverdueFollowUps").WithSummary("Follow-up visits past their date and not made, oldest first.");
        // Signed in: inspectors (their districts) and analysts (statistics.read, small cells suppressed) both read it; Core checks which.
        inspections.MapGet("/statistics", Statistics).RequireAuthorization(LanternWebHost.SignedIn).WithName("InspectionStatistics").WithSummary("Inspections, workplaces with children found, workers released and FIRs by district or sector; format=csv for a download.");
        inspections.MapPost("/", Record).RequireAuthorization(Permissions.InspectionsRecord).WithName("RecordInspection").WithSummary("Record an inspection: workers and children found, ILO indicators, BLSA release, vigilance committee, FIR, referrals, follow-up.");
        inspections.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.InspectionsRead).WithName("GetInspection").WithSummary("An inspection with its findings and indicator notes.");
        inspections.MapPost("/{id:guid}/case", OpenCase).RequireAuthorization(Permissions.InspectionsRecord).WithName("OpenCaseFromInspection").WithSummary("Open a case for the persons found, carrying the observations over.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<WorkplaceSummary>>> ListWorkplacesIn(HttpContext http, ListWorkplaces.Handler handler, CancellationToken ct, string? district = null, string? kind = null, string? q = null) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListWorkplaces.Request(district, kind, q), ct));

    private static async Task<Ok<WorkplaceView>> GetWorkplaceOf(Guid id, HttpContext http, GetWorkplace.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<Created<AddWorkplace.Response>> AddWorkplaceTo(WorkplaceInput input, HttpContext http, AddWorkplace.Handler handler, CancellationToken ct)
    {
        var added = await handler.Handle(http.Actor(), input, ct);
        return TypedResults.Created($"/api/v1/workplaces/{added.Id}", added);
    }

    private static async Task<Ok<ChangeWorkplace.Response>> ChangeWorkplaceOf(Guid id, WorkplaceInput input, HttpContext http, ChangeWorkplace.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, input, ct));

    private static async Task<Ok<SetUserDistricts.Response>> UserDistrictsOf(string username, HttpContext http, SetUserDistricts.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.GetAsync(http.Actor(), username, ct));

    private static async Task<Ok<SetUserDistricts.Response>> SetUserDistrictsOf(string username, UserDistrictsBody body, HttpContext http, SetUserDistricts.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), username, body.Districts ?? throw new ValidationException("districts", "Give the list of districts (empty to remove them all)."), ct));

    /// <summary>The body of <c>PUT /api/v1/users/{username}/districts</c>.</summary>
    public sealed record UserDistrictsBody(IReadOnlyList<string>? Districts);

    private static async Task<Ok<IReadOnlyList<InspectionSummary>>> List(HttpContext http, ListInspections.Handler handler, CancellationToken ct,
        string? district = null, string? kind = null, string? from = null, string? to = null, Guid? workplaceId = null) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListInspections.Request(district, kind, from, to, workplaceId), ct));

    private static async Task<Ok<IReadOnlyList<OverdueFollowUp>>> Overdue(HttpContext http, ListOverdueFollowUps.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Results<Ok<InspectionStatisticsTable>, FileContentHttpResult>> Statistics(HttpContext http, InspectionStatistics.Handler handler, CancellationToken ct,
        string? from = null, string? to = null, string? by = null, bool @public = false, string? format = null)
    {
        var table = await handler.Handle(http.Actor(), new InspectionStatistics.Request(from, to, by, @public), ct);
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(InspectionStatistics.ToCsv(table))).ToArray(), "text/csv; charset=utf-8", $"inspections-by-{table.By}.csv")
            : TypedResults.Ok(table);
    }

    private static async Task<Created<RecordInspection.Response>> Record(RecordInspection.Request request, HttpContext http, RecordInspection.Handler handler, CancellationToken ct)
    {
        var recorded = await handler.Handle(http.Actor(), request, ct);
        return TypedResults.Created($"/api/v1/inspections/{recorded.Id}", recorded);
    }

    private static async Task<Ok<InspectionView>> Get(Guid id, HttpContext http, GetInspection.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<Created<OpenCaseFromInspection.Response>> OpenCase(Guid id, OpenCaseFromInspection.Request request, HttpContext http, OpenCaseFromInspection.Handler handler, CancellationToken ct)
    {
        var opened = await handler.Handle(http.Actor(), id, request, ct);
        return TypedResults.Created($"/api/v1/cases/{opened.CaseId}", opened);
    }
}
