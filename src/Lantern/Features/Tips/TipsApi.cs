using Lantern.Core.Features.Tips;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Tips;

public static class TipsApi
{
    public sealed record PublicTipRequest(
        string? WhatHappened, string? Province, string? District, string? Place, string? WhenHappened, string? Children, int? PeopleCount,
        bool ContactConsent, string? Contact, string? Website);

    public sealed record FollowUpRequest(string? Number, string? Phrase, string? Text, string? Website);

    public sealed record CallRequest(
        string? WhatHappened, string? Province, string? District, string? Place, string? WhenHappened, string? Children, int? PeopleCount,
        bool ContactConsent, string? Contact, DateTime? CallStartedAt, int? CallDurationMinutes, string? CallLanguage);

    public sealed record DutyRequest(bool OnDuty);

    public static RouteGroupBuilder MapTipsApi(this RouteGroupBuilder api)
    {
        var tips = api.MapGroup("/tips").WithTags("Tip line");
        // Exempt: the public tip line needs no account (ADR 0018); limited per network and overall, body size capped, no address kept.
        tips.MapPost("/public", Submit).AllowAnonymous().WithName("SubmitTip").WithSummary("Report to the tip line without an account; answers the tip number and a secret phrase.");
        // Exempt: the reporter adds information with the tip number and phrase, without an account; rate-limited like the form.
        tips.MapPost("/public/follow-up", FollowUp).AllowAnonymous().WithName("AddToTip").WithSummary("The reporter adds information with the tip number and secret phrase.");
        tips.MapGet("/", Queue).RequireAuthorization(Permissions.TipsTriage).WithName("ListTips").WithSummary("The triage queue: urgent first, all open oldest first, overflow; alerts and response times.");
        tips.MapGet("/response-times", ResponseTimes).RequireAuthorization(Permissions.TipsTriage).WithName("TipResponseTimes").WithSummary("Received to first triage and received to closed: median and 90th percentile, in hours.");
        tips.MapGet("/alerts", Alerts).RequireAuthorization(Permissions.TipsSupervise).WithName("ListTipAlerts").WithSummary("Open alerts of a child at immediate risk for this supervisor.");
        tips.MapPost("/alerts/{alertId:guid}/acknowledge", Acknowledge).RequireAuthorization(Permissions.TipsSupervise).WithName("AcknowledgeTipAlert").WithSummary("Acknowledge an alert.");
        tips.MapPut("/duty", Duty).RequireAuthorization(Permissions.TipsSupervise).WithName("SetTipDuty").WithSummary("Say whether you are the supervisor on duty for tip alerts.");
        tips.MapGet("/settings", GetSettings).RequireAuthorization(Permissions.TipsSupervise).WithName("GetTipLineSettings").WithSummary("Which organisation receives public tips; the hourly cap before the overflow bucket.");
        tips.MapPut("/settings", SetSettings).RequireAuthorization(Permissions.UsersManage).WithName("SetTipLineSettings").WithSummary("Set the receiving organisation and the hourly cap (administrators).");
        tips.MapPost("/calls", Call).RequireAuthorization(Permissions.TipsTriage).WithName("RecordTipCall").WithSummary("Record a phone call to the hotline as a tip, with time, duration and language.");
        tips.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.TipsTriage).WithName("GetTip").WithSummary("One tip (audited).");
        tips.MapPost("/{id:guid}/assign", Assign).RequireAuthorization(Permissions.TipsTriage).WithName("AssignTip").WithSummary("Assign the tip to a user of your organisation.");
        tips.MapPost("/{id:guid}/urgent", Urgent).RequireAuthorization(Permissions.TipsTriage).WithName("MarkTipUrgent").WithSummary("Mark urgent; a child at immediate risk alerts the supervisor on duty.");
        tips.MapPost("/{id:guid}/link", Link).RequireAuthorization(Permissions.TipsTriage).WithName("LinkTipToCase").WithSummary("Link the tip to a case you can see.");
        tips.MapPost("/{id:guid}/open-case", OpenCase).RequireAuthorization(Permissions.CasesCreate).WithName("OpenCaseFromTip").WithSummary("Open a new case prefilled from the tip, and link them.");
        tips.MapPost("/{id:guid}/close", Close).RequireAuthorization(Permissions.TipsTriage).WithName("CloseTip").WithSummary("Close the tip with a reason from the picklist.");
        tips.MapPost("/{id:guid}/notes", Note).RequireAuthorization(Permissions.TipsTriage).WithName("AddTipNote").WithSummary("Add a note by the hotline team (kept encrypted with the tip, never shown to the reporter).");
        return api;
    }

    private static TipForm Form(string? what, string? province, string? district, string? place, string? when, string? children, int? people, bool consent, string? contact) =>
        new(what, province, district, place, when, children, people, consent, contact);

    private static async Task<Results<Ok<SubmitTip.Response>, ProblemHttpResult>> Submit(PublicTipRequest request, HttpContext http, TipLimiter limiter, SubmitTip.Handler handler, CancellationToken ct)
    {
        if (!limiter.TryAcquire(TipDoor.Submission, http.Connection.RemoteIpAddress))
        {
            return TooMany();
        }
        var form = Form(request.WhatHappened, request.Province, request.District, request.Place, request.WhenHappened, request.Children, request.PeopleCount, request.ContactConsent, request.Contact);
        return TypedResults.Ok(await handler.Handle(new SubmitTip.Request(form, request.Website), ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> FollowUp(FollowUpRequest request, HttpContext http, TipLimiter limiter, AddToTip.Handler handler, CancellationToken ct)
    {
        if (!limiter.TryAcquire(TipDoor.FollowUp, http.Connection.RemoteIpAddress))
        {
            return TooMany();
        }
        await handler.Handle(new AddToTip.Request(request.Number, request.Phrase, request.Text, request.Website), ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult TooMany() => TypedResults.Problem(
        "Too many reports have come from your network or in total just now. Please try again later, or call the police on 15 if someone is in danger.",
        statusCode: StatusCodes.Status429TooManyRequests, title: "Try again later");

    private static async Task<Ok<TipBoard>> Queue(HttpContext http, ListTips.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Ok<TipResponseTimes>> ResponseTimes(HttpContext http, ListTips.ResponseTimesHandler handler, CancellationToken ct, int days = ListTips.ResponseTimeDays) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), days, ct));

    private static async Task<Ok<IReadOnlyList<TipAlertView>>> Alerts(HttpContext http, SuperviseTips.AlertsHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<NoContent> Acknowledge(Guid alertId, HttpContext http, SuperviseTips.AcknowledgeHandler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), alertId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Duty(DutyRequest request, HttpContext http, SuperviseTips.DutyHandler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), request.OnDuty, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TipLineSettingsView>> GetSettings(HttpContext http, TipLineSetup.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.GetAsync(http.Actor(), ct));

    private static async Task<Ok<TipLineSettingsView>> SetSettings(TipLineSetup.Request request, HttpContext http, TipLineSetup.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.SetAsync(http.Actor(), request, ct));

    private static async Task<Created<RecordCall.Response>> Call(CallRequest request, HttpContext http, RecordCall.Handler handler, CancellationToken ct)
    {
        var form = Form(request.WhatHappened, request.Province, request.District, request.Place, request.WhenHappened, request.Children, request.PeopleCount, request.ContactConsent, request.Contact);
        var created = await handler.Handle(http.Actor(), new RecordCall.Request(form, request.CallStartedAt, request.CallDurationMinutes, request.CallLanguage), ct);
        return TypedResults.Created($"/api/v1/tips/{created.Id}", created);
    }

    private static async Task<Ok<TipView>> Get(Guid id, HttpContext http, GetTip.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<Ok<TipView>> Assign(Guid id, TriageTip.AssignRequest request, HttpContext http, TriageTip.AssignHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Ok<TipView>> Urgent(Guid id, TriageTip.UrgentRequest request, HttpContext http, TriageTip.UrgentHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Ok<TipView>> Link(Guid id, TriageTip.LinkRequest request, HttpContext http, TriageTip.LinkHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Created<OpenCaseFromTip.Response>> OpenCase(Guid id, OpenCaseFromTip.Request request, HttpContext http, OpenCaseFromTip.Handler handler, CancellationToken ct)
    {
        var created = await handler.Handle(http.Actor(), id, request, ct);
        return TypedResults.Created($"/api/v1/cases/{created.CaseId}", created);
    }

    private static async Task<Ok<TipView>> Close(Guid id, TriageTip.CloseRequest request, HttpContext http, TriageTip.CloseHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Ok<TipView>> Note(Guid id, TriageTip.NoteRequest request, HttpContext http, TriageTip.NoteHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));
}

/// <summary>The public tip-line doors take small requests only: the body is capped before anything reads it.</summary>
public static class TipLineBodyLimit
{
    public const long MaxBytes = 32 * 1024;

    public static IApplicationBuilder UseTipLineBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/report", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api/v1/tips/public", StringComparison.OrdinalIgnoreCase))
        {
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = MaxBytes;
            }
            if (context.Request.ContentLength > MaxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
        }
        await next(context);
    });
}
