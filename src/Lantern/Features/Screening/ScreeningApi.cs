using Lantern.Core.Common;
using Lantern.Core.Features.Screening;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Screening;

public static class ScreeningApi
{
    public static RouteGroupBuilder MapScreeningApi(this RouteGroupBuilder api)
    {
        var screening = api.MapGroup("/screening").WithTags("Screening");
        screening.MapGet("/catalogue", Catalogue).RequireAuthorization(Permissions.ScreeningAssess).WithName("GetIndicatorCatalogue").WithSummary("The indicator catalogue in force, each row with strength and verification, and its versions.");
        screening.MapPost("/catalogue", ImportCatalogue).RequireAuthorization(Permissions.ScreeningCatalogueManage).WithName("ImportIndicatorCatalogue").WithSummary("Import a corrected catalogue version (CSV) and, optionally, combination rules (JSON).");
        screening.MapPost("/evaluate", Evaluate).RequireAuthorization(Permissions.ScreeningAssess).WithName("EvaluateAssessment").WithSummary("Evaluate answers without storing them; the result explains itself.");

        var cases = api.MapGroup("/cases/{caseId:guid}").WithTags("Screening");
        cases.MapGet("/assessments", List).RequireAuthorization(Permissions.ScreeningAssess).WithName("ListAssessments").WithSummary("Assessments of the people in a case.");
        cases.MapPost("/assessments", Start).RequireAuthorization(Permissions.ScreeningAssess).WithName("StartAssessment").WithSummary("Start a draft assessment of a person in the case; the list follows from their age.");
        cases.MapPost("/status-decisions", Decide).RequireAuthorization(Permissions.VictimStatusDecide).WithName("DecideTraffickingStatus").WithSummary("Record the formal trafficking status of a victim, with deciding organisation, date and reason.");
        cases.MapGet("/participants/{participantId:guid}/status-decisions", History).RequireAuthorization(Permissions.CasesRead).WithName("TraffickingStatusHistory").WithSummary("A victim's status decisions, newest first.");

        var assessments = api.MapGroup("/assessments").WithTags("Screening");
        assessments.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.ScreeningAssess).WithName("GetAssessment").WithSummary("An assessment: every indicator with its answer, and the explained result.");
        assessments.MapPut("/{id:guid}", Save).RequireAuthorization(Permissions.ScreeningAssess).WithName("SaveAssessment").WithSummary("Save answers (a draft), or complete the assessment.");
        return api;
    }

    private static async Task<Ok<ManageCatalogue.CatalogueView>> Catalogue(HttpContext http, ManageCatalogue.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.CurrentAsync(http.Actor(), ct));

    private static async Task<Created<ManageCatalogue.VersionView>> ImportCatalogue(ManageCatalogue.ImportRequest request, HttpContext http, ManageCatalogue.Handler handler, CancellationToken ct) =>
        TypedResults.Created("/api/v1/screening/catalogue", await handler.ImportAsync(http.Actor(), request, ct));

    private static async Task<Ok<EvaluationView>> Evaluate(ScreenVictim.AssessmentAnswersInput request, HttpContext http, ScreenVictim.EvaluateHandler handler, CancellationToken ct) =>
        TypedResults.Ok(EvaluationView.From(await handler.Handle(http.Actor(), request, ct)));

    private static async Task<Ok<IReadOnlyList<ScreenVictim.AssessmentSummary>>> List(Guid caseId, HttpContext http, ScreenVictim.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(http.Actor(), new CaseId(caseId), ct));

    private static async Task<Created<ScreenVictim.AssessmentView>> Start(Guid caseId, ScreenVictim.StartRequest request, HttpContext http, ScreenVictim.Handler handler, CancellationToken ct)
    {
        var view = await handler.StartAsync(http.Actor(), new CaseId(caseId), request, ct);
        return TypedResults.Created($"/api/v1/assessments/{view.Id}", view);
    }

    private static async Task<Ok<ScreenVictim.AssessmentView>> Get(Guid id, HttpContext http, ScreenVictim.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.GetAsync(http.Actor(), id, ct));

    private static async Task<Ok<ScreenVictim.AssessmentView>> Save(Guid id, ScreenVictim.SaveRequest request, HttpContext http, ScreenVictim.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.SaveAsync(http.Actor(), id, request, ct));

    private static async Task<Created<DecideStatus.DecisionView>> Decide(Guid caseId, DecideStatus.Request request, HttpContext http, DecideStatus.Handler handler, CancellationToken ct)
    {
        var view = await handler.Handle(http.Actor(), new CaseId(caseId), request, ct);
        return TypedResults.Created($"/api/v1/cases/{caseId}/participants/{view.ParticipantId}/status-decisions", view);
    }

    private static async Task<Ok<IReadOnlyList<DecideStatus.DecisionView>>> History(Guid caseId, Guid participantId, HttpContext http, DecideStatus.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HistoryAsync(http.Actor(), new CaseId(caseId), participantId, ct));
}

/// <summary>The evaluation as <c>lantern identify</c> prints it.</summary>
public sealed record EvaluationView(bool Indicated, IReadOnlyList<string> PositiveDimensions, IReadOnlyList<EvaluationDimension> Dimensions, string Rule, bool UnknownAnswersCouldIndicate, string RuleSet, string CatalogueVersion)
{
    public static EvaluationView From(AssessmentResult r) => new(
        r.Indicated, r.PositiveDimensions,
        r.Dimensions.Select(d => new EvaluationDimension(d.Name, d.Positive, d.Strong, d.Medium, d.Weak, d.Because)).ToList(),
        r.Rule, r.UnknownAnswersCouldIndicate, r.RuleSet, r.CatalogueVersion);
}

public sealed record EvaluationDimension(string Name, bool Positive, int Strong, int Medium, int Weak, string Because);
