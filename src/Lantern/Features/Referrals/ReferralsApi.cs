using Lantern.Core.Features.Referrals;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Referrals;

public static class ReferralsApi
{
    public static RouteGroupBuilder MapReferralsApi(this RouteGroupBuilder api)
    {
        var services = api.MapGroup("/services").WithTags("Service directory");
        services.MapGet("/", SearchServicesIn).RequireAuthorization(Permissions.ReferralsRead).WithName("SearchServices").WithSummary("The service directory, filtered by type, province, district, children, language and text.");
        services.MapGet("/{id:guid}", GetService).RequireAuthorization(Permissions.ReferralsRead).WithName("GetService").WithSummary("One service of the directory.");
        services.MapPost("/", AddService).RequireAuthorization(Permissions.ServicesManage).WithName("AddService").WithSummary("Add a service your organisation offers.");
        services.MapPut("/{id:guid}", UpdateService).RequireAuthorization(Permissions.ServicesManage).WithName("UpdateService").WithSummary("Change a service your organisation offers (capacity, languages, response time...).");
        services.MapDelete("/{id:guid}", RetireService).RequireAuthorization(Permissions.ServicesManage).WithName("RetireService").WithSummary("Take a service of your organisation out of the directory.");

        var victims = api.MapGroup("/victims/{participantId:guid}").WithTags("Victim protection");
        victims.MapGet("/protection", GetProtection).RequireAuthorization(Permissions.ReferralsRead).WithName("GetVictimProtection").WithSummary("Consents, child safeguards, reflection period, support plan and referrals of a victim.");
        victims.MapPost("/consents", RecordConsentFor).RequireAuthorization(Permissions.ReferralsWrite).WithName("RecordConsent").WithSummary("Record the victim's informed consent: which data may go to which services.");
        victims.MapPost("/consents/withdraw", WithdrawConsentOf).RequireAuthorization(Permissions.ReferralsWrite).WithName("WithdrawConsent").WithSummary("The victim withdraws consent: sharing stops and disclosed data is hidden on every referral.");
        victims.MapPut("/guardian", RecordGuardian).RequireAuthorization(Permissions.ReferralsWrite).WithName("RecordGuardian").WithSummary("Record a child victim's guardian, or why none is available.");
        victims.MapPut("/best-interests", RecordBestInterests).RequireAuthorization(Permissions.ReferralsWrite).WithName("RecordBestInterestsAssessment").WithSummary("Record a child victim's best-interests assessment.");
        victims.MapPut("/reflection-period", SetReflection).RequireAuthorization(Permissions.ReferralsWrite).WithName("SetReflectionPeriod").WithSummary("Start or correct the recovery and reflection period (30 days unless said otherwise).");
        victims.MapPut("/support-plan", SaveSupportPlanOf).RequireAuthorization(Permissions.ReferralsWrite).WithName("SaveSupportPlan").WithSummary("Write the victim's support plan: objectives, planned and actual end.");
        victims.MapPost("/support-plan/actions", AddSupportAction).RequireAuthorization(Permissions.ReferralsWrite).WithName("AddSupportAction").WithSummary("Add an action with owner and dates to the support plan.");
        victims.MapPost("/support-plan/actions/{actionId:guid}/done", CompleteSupportAction).RequireAuthorization(Permissions.ReferralsWrite).WithName("CompleteSupportAction").WithSummary("Mark a support-plan action done.");

        var referrals = api.MapGroup("/referrals").WithTags("Referrals");
        referrals.MapGet("/", Board).RequireAuthorization(Permissions.ReferralsRead).WithName("ListReferrals").WithSummary("Your organisation's outgoing and incoming referrals, overdue first; no personal data.");
        referrals.MapGet("/overdue", Overdue).RequireAuthorization(Permissions.ReferralsRead).WithName("ListOverdueReferrals").WithSummary("Referrals sent and not answered by their deadline.");
        referrals.MapPost("/", Create).RequireAuthorization(Permissions.ReferralsWrite).WithName("CreateReferral").WithSummary("Draft a referral of a victim to a service.");
        referrals.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.ReferralsRead).WithName("GetReferral").WithSummary("A referral, with only the data the victim consented to disclose.");
        referrals.MapPost("/{id:guid}/send", Send).RequireAuthorization(Permissions.ReferralsWrite).WithName("SendReferral").WithSummary("Send a draft referral (consent and child safeguards are checked).");
        referrals.MapPost("/{id:guid}/send-without-consent", SendWithoutConsent).RequireAuthorization(Permissions.ReferralsOverrideConsent).WithName("SendReferralWithoutConsent").WithSummary("Supervisors: send without consent for an immediate risk to life, with a written reason (audited, flagged).");
        referrals.MapPost("/{id:guid}/accept", Accept).RequireAuthorization(Permissions.ReferralsReceive).WithName("AcceptReferral").WithSummary("Accept a referral sent to your organisation.");
        referrals.MapPost("/{id:guid}/decline", Decline).RequireAuthorization(Permissions.ReferralsReceive).WithName("DeclineReferral").WithSummary("Decline a referral sent to your organisation, with a reason.");
        referrals.MapPost("/{id:guid}/start", Start).RequireAuthorization(Permissions.ReferralsReceive).WithName("StartReferral").WithSummary("Start the service of an accepted referral.");
        referrals.MapPost("/{id:guid}/complete", Complete).RequireAuthorization(Permissions.ReferralsReceive).WithName("CompleteReferral").WithSummary("Complete a referral in progress.");
        referrals.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Permissions.ReferralsWrite).WithName("WithdrawReferral").WithSummary("Withdraw a referral your organisation made.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ServiceView>>> SearchServicesIn(HttpContext http, SearchServices.Handler handler, CancellationToken ct,
        ServiceType? type = null, string? province = null, string? district = null, bool? acceptsChildren = null, string? language = null, string? q = null, Guid? organisationId = null) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new SearchServices.Request(type, province, district, acceptsChildren, language, q, organisationId), ct));

    private static async Task<Ok<ServiceView>> GetService(Guid id, HttpContext http, SearchServices.GetHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ServiceProviderId(id), ct));

    private static async Task<Created<ServiceView>> AddService(ServiceInput input, HttpContext http, ManageServices.AddHandler handler, CancellationToken ct)
    {
        var service = await handler.Handle(http.Actor(), input, ct);
        return TypedResults.Created($"/api/v1/services/{service.Id}", service);
    }

    private static async Task<Ok<ServiceView>> UpdateService(Guid id, ServiceInput input, HttpContext http, ManageServices.UpdateHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ServiceProviderId(id), input, ct));

    private static async Task<NoContent> RetireService(Guid id, HttpContext http, ManageServices.RetireHandler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), new ServiceProviderId(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<VictimProtectionView>> GetProtection(Guid participantId, HttpContext http, GetVictimProtection.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), participantId, ct));

    private static async Task<Created<Guid>> RecordConsentFor(Guid participantId, RecordConsent.Request request, HttpContext http, RecordConsent.Handler handler, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/victims/{participantId}/protection", await handler.Handle(http.Actor(), participantId, request, ct));

    private static async Task<NoContent> WithdrawConsentOf(Guid participantId, WithdrawConsent.Request request, HttpContext http, WithdrawConsent.Handler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), participantId, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RecordGuardian(Guid participantId, RecordChildSafeguards.GuardianRequest request, HttpContext http, RecordChildSafeguards.GuardianHandler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), participantId, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RecordBestInterests(Guid participantId, RecordChildSafeguards.BestInterestsRequest request, HttpContext http, RecordChildSafeguards.BestInterestsHandler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), participantId, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ReflectionPeriodView>> SetReflection(Guid participantId, SetReflectionPeriod.Request request, HttpContext http, SetReflectionPeriod.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), participantId, request, ct));

    private static async Task<Ok<SupportPlanView>> SaveSupportPlanOf(Guid participantId, SaveSupportPlan.Request request, HttpContext http, SaveSupportPlan.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.SaveAsync(http.Actor(), participantId, request, ct));

    private static async Task<Created<Guid>> AddSupportAction(Guid participantId, SaveSupportPlan.ActionRequest request, HttpContext http, SaveSupportPlan.Handler handler, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/victims/{participantId}/protection", await handler.AddActionAsync(http.Actor(), participantId, request, ct));

    private static async Task<NoContent> CompleteSupportAction(Guid participantId, Guid actionId, SaveSupportPlan.DoneRequest request, HttpContext http, SaveSupportPlan.Handler handler, CancellationToken ct)
    {
        await handler.CompleteActionAsync(http.Actor(), participantId, actionId, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ReferralBoard>> Board(HttpContext http, ListReferrals.Handler handler, CancellationToken ct, string? direction = null, ReferralState? state = null, bool open = false) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListReferrals.Request(direction, state, open), ct));

    private static async Task<Ok<IReadOnlyList<OverdueReferral>>> Overdue(HttpContext http, ListOverdueReferrals.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListOverdueReferrals.Request(), ct));

    private static async Task<Created<CreateReferral.Response>> Create(CreateReferral.Request request, HttpContext http, CreateReferral.Handler handler, CancellationToken ct)
    {
        var created = await handler.Handle(http.Actor(), request, ct);
        return TypedResults.Created($"/api/v1/referrals/{created.Id}", created);
    }

    private static async Task<Ok<ReferralView>> Get(Guid id, HttpContext http, GetReferral.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ReferralId(id), ct));

    private static async Task<Ok<ReferralView>> Send(Guid id, HttpContext http, SendReferral.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ReferralId(id), new SendReferral.Request(), ct));

    private static async Task<Ok<ReferralView>> SendWithoutConsent(Guid id, SendReferral.OverrideRequest request, HttpContext http, SendReferral.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ReferralId(id), new SendReferral.Request(request.Reason ?? ""), ct));

    private static async Task<Ok<ReferralView>> Accept(Guid id, HttpContext http, AnswerReferral.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.AcceptAsync(http.Actor(), new ReferralId(id), ct));

    private static async Task<Ok<ReferralView>> Decline(Guid id, AnswerReferral.DeclineRequest request, HttpContext http, AnswerReferral.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.DeclineAsync(http.Actor(), new ReferralId(id), request, ct));

    private static async Task<Ok<ReferralView>> Start(Guid id, HttpContext http, AnswerReferral.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.StartAsync(http.Actor(), new ReferralId(id), ct));

    private static async Task<Ok<ReferralView>> Complete(Guid id, HttpContext http, AnswerReferral.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.CompleteAsync(http.Actor(), new ReferralId(id), ct));

    private static async Task<Ok<ReferralView>> Withdraw(Guid id, WithdrawReferral.Request request, HttpContext http, WithdrawReferral.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ReferralId(id), request, ct));
}
