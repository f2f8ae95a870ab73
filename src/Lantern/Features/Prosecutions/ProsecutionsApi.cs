using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Prosecutions;

public static class ProsecutionsApi
{
    public static RouteGroupBuilder MapProsecutionsApi(this RouteGroupBuilder api)
    {
        var prosecutions = api.MapGroup("").WithTags("Prosecutions");
        prosecutions.MapGet("/offences", Offences).RequireAuthorization(Permissions.CasesRead).WithName("ListOffences").WithSummary("The offence catalogue; with ?on=YYYY-MM-DD only the versions in force on that date.");

        // Stage endpoints check investigation (up to the challan) or trial rights in the handler, by stage.
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Prosecutions");
        cases.MapGet("/proceeding", Proceeding).RequireAuthorization(Permissions.ProsecutionRead).WithName("GetProceeding").WithSummary("Stages, charges and outcomes, hearings, witness protection and deadlines of a case.");
        cases.MapPost("/proceeding/stages", Stage).RequireAuthorization(Permissions.ProsecutionWrite).WithName("RecordStage").WithSummary("Start the next stage (in legal order), or correct or complete one already started.");
        cases.MapPost("/proceeding/end", End).RequireAuthorization(Permissions.ProsecutionWrite).WithName("EndProceeding").WithSummary("End the proceeding before judgment, with date and reason.");
        cases.MapPost("/proceeding/absconders", Abscond).RequireAuthorization(Permissions.ProsecutionWrite).WithName("DeclareAbsconding").WithSummary("Record an accused as absconding (proclaimed offender); the case goes on against the others.");
        cases.MapPost("/proceeding/absconders/arrest", Arrest).RequireAuthorization(Permissions.ProsecutionWrite).WithName("RecordArrest").WithSummary("Record the arrest of an absconding accused.");
        cases.MapPost("/charges", Frame).RequireAuthorization(Permissions.ProsecutionTrial).WithName("FrameCharge").WithSummary("Charge an accused under the offence version in force on the date of the offence.");
        cases.MapPut("/charges/{chargeId:guid}/outcome", Outcome).RequireAuthorization(Permissions.ProsecutionTrial).WithName("RecordChargeOutcome").WithSummary("The outcome of a charge, with sentence and compensation; out-of-range sentences need a reason.");
        cases.MapGet("/hearings", CaseHearings).RequireAuthorization(Permissions.ProsecutionRead).WithName("ListCaseHearings").WithSummary("The hearings of a case.");
        cases.MapPost("/hearings", Schedule).RequireAuthorization(Permissions.ProsecutionWrite).WithName("ScheduleHearing").WithSummary("Put a hearing in the calendar.");
        cases.MapPut("/hearings/{hearingId:guid}/outcome", Hearing).RequireAuthorization(Permissions.ProsecutionWrite).WithName("RecordHearing").WithSummary("What happened at a hearing; a next date schedules the next hearing.");
        cases.MapPut("/witnesses/{participantId:guid}/protection", Protect).RequireAuthorization(Permissions.ProsecutionTrial).WithName("ProtectWitness").WithSummary("Pseudonym and court measures (in camera, screen, video link) for a victim or witness (PTPA s.12).");
        cases.MapGet("/timeline", Timeline).RequireAuthorization(Permissions.ProsecutionRead).WithName("GetTimeline").WithSummary("Stages, hearings, charges and outcomes in date order, with the days each stage took.");
        cases.MapGet("/court-documents/witness-schedule", WitnessSchedule).RequireAuthorization(Permissions.ProsecutionRead).WithName("PrintWitnessSchedule").WithSummary("The witness and charge schedule for a hearing (JSON, or ?format=text); protected witnesses by pseudonym only.");

        var calendar = api.MapGroup("").WithTags("Hearings and deadlines");
        calendar.MapGet("/hearings", Calendar).RequireAuthorization(Permissions.HearingsRead).WithName("HearingsCalendar").WithSummary("Hearings of my cases (scope=mine) or my organisation's (scope=organisation) between from and to.");
        calendar.MapGet("/hearings/upcoming", Upcoming).RequireAuthorization(Permissions.HearingsRead).WithName("UpcomingHearings").WithSummary("Hearings of the next days (default 14).");
        calendar.MapGet("/deadlines/overdue", Overdue).RequireAuthorization(Permissions.ProsecutionRead).WithName("ListOverdueDeadlines").WithSummary("Overdue deadlines of my cases; a supervisor sees the organisation's.");
        calendar.MapGet("/deadline-rules", Rules).RequireAuthorization(Permissions.ProsecutionRead).WithName("ListDeadlineRules").WithSummary("The deadline rules (anchor stage + days -> due stage) with their basis and verification.");
        calendar.MapPost("/deadline-rules", AddRule).RequireAuthorization(Permissions.DeadlinesManage).WithName("AddDeadlineRule").WithSummary("Add a deadline rule.");
        calendar.MapPut("/deadline-rules/{ruleId:guid}", UpdateRule).RequireAuthorization(Permissions.DeadlinesManage).WithName("UpdateDeadlineRule").WithSummary("Change a deadline rule (days, stages, basis, active).");
        calendar.MapGet("/prosecution-figures", Figures).RequireAuthorization(Permissions.StatisticsRead).WithName("ProsecutionFigures").WithSummary("Aggregate prosecution figures: funnel, conviction rates, median days per stage, oldest open cases.");
        return api;
    }

    private static Ok<IReadOnlyList<ListOffences.Row>> Offences(HttpContext http, ListOffences.Handler handler, string? on) =>
        TypedResults.Ok(handler.Handle(http.Actor(), on));

    private static async Task<Ok<ProceedingView>> Proceeding(Guid id, HttpContext http, GetProceeding.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(id), ct));

    private static async Task<Ok<RecordStage.Response>> Stage(Guid id, RecordStage.Request request, HttpContext http, RecordStage.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(id), request, ct));

    private static async Task<NoContent> End(Guid id, EndProceeding.Request request, HttpContext http, EndProceeding.Handler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), new CaseId(id), request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Abscond(Guid id, DeclareAbsconding.Request request, HttpContext http, DeclareAbsconding.Handler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), new CaseId(id), request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Arrest(Guid id, DeclareAbsconding.ArrestRequest request, HttpContext http, DeclareAbsconding.Handler handler, CancellationToken ct)
    {
        await handler.ArrestAsync(http.Actor(), new CaseId(id), request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<FrameCharge.Response>> Frame(Guid id, FrameCharge.Request request, HttpContext http, FrameCharge.Handler handler, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/cases/{id}/proceeding", await handler.Handle(http.Actor(), new CaseId(id), request, ct));

    private static async Task<Ok<RecordOutcome.Response>> Outcome(Guid id, Guid chargeId, RecordOutcome.Request request, HttpContext http, RecordOutcome.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(id), chargeId, request, ct));

    private static async Task<Ok<IReadOnlyList<HearingView>>> CaseHearings(Guid id, HttpContext http, GetProceeding.Handler handler, CancellationToken ct) =>
        TypedResults.Ok((await handler.Handle(http.Actor(), new CaseId(id), ct)).Hearings);

    private static async Task<Created<HearingView>> Schedule(Guid id, ScheduleHearing.Request request, HttpContext http, ScheduleHearing.Handler handler, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/cases/{id}/hearings", await handler.Handle(http.Actor(), new CaseId(id), request, ct));

    private static async Task<Ok<RecordHearing.Response>> Hearing(Guid id, Guid hearingId, RecordHearing.Request request, HttpContext http, RecordHearing.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(id), hearingId, request, ct));

    private static async Task<Ok<WitnessView>> Protect(Guid id, Guid participantId, ProtectWitness.Request request, HttpContext http, ProtectWitness.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(id), participantId, request, ct));

    private static async Task<Ok<TimelineView>> Timeline(Guid id, HttpContext http, GetTimeline.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(id), ct));

    private static async Task<Results<Ok<WitnessSchedule>, ContentHttpResult>> WitnessSchedule(Guid id, HttpContext http, PrintWitnessSchedule.Handler handler, CancellationToken ct,
        Guid? hearingId = null, string? format = null)
    {
        var schedule = await handler.Handle(http.Actor(), new CaseId(id), hearingId, ct);
        return format switch
        {
            null or "json" => TypedResults.Ok(schedule),
            "text" => TypedResults.Text(schedule.ToText(), "text/plain; charset=utf-8"),
            _ => throw new ValidationException("format", "Use json or text."),
        };
    }

    private static async Task<Ok<IReadOnlyList<CalendarHearing>>> Calendar(HttpContext http, ListHearings.Handler handler, CancellationToken ct, string? scope = null, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListHearings.Request(scope, from, to), ct));

    private static async Task<Ok<IReadOnlyList<CalendarHearing>>> Upcoming(HttpContext http, ListHearings.Handler handler, CancellationToken ct, string? scope = null, int days = 14) =>
        TypedResults.Ok(await handler.UpcomingAsync(http.Actor(), scope, days, ct));

    private static async Task<Ok<IReadOnlyList<OverdueDeadline>>> Overdue(HttpContext http, ListOverdueDeadlines.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Ok<IReadOnlyList<DeadlineRuleView>>> Rules(HttpContext http, ManageDeadlineRules.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(http.Actor(), ct));

    private static async Task<Created<DeadlineRuleView>> AddRule(ManageDeadlineRules.Input input, HttpContext http, ManageDeadlineRules.Handler handler, CancellationToken ct)
    {
        var rule = await handler.AddAsync(http.Actor(), input, ct);
        return TypedResults.Created($"/api/v1/deadline-rules/{rule.Id}", rule);
    }

    private static async Task<Ok<DeadlineRuleView>> UpdateRule(Guid ruleId, ManageDeadlineRules.Input input, HttpContext http, ManageDeadlineRules.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.UpdateAsync(http.Actor(), ruleId, input, ct));

    private static async Task<Ok<ProsecutionFigures.Response>> Figures(HttpContext http, ProsecutionFigures.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));
}
