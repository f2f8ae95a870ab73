using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Referrals;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Referrals;

/// <summary>A new referral from a victim: find the case, pick the victim, record consent (and the child safeguards), then draft the referral.</summary>
[Authorize(Policy = Permissions.ReferralsWrite)]
public sealed class NewModel(
    SearchCases.Handler searchCases,
    GetCase.Handler getCase,
    GetVictimProtection.Handler protection,
    SearchServices.Handler services,
    RecordConsent.Handler recordConsent,
    RecordChildSafeguards.GuardianHandler guardian,
    RecordChildSafeguards.BestInterestsHandler bestInterests,
    SetReflectionPeriod.Handler reflection,
    CreateReferral.Handler create,
    SaveSupportPlan.Handler supportPlan) : FormPage
{
    public static readonly IReadOnlyList<(string Code, string Name)> Languages =
    [
        ("ur", "Urdu"), ("pa", "Punjabi"), ("skr", "Saraiki"), ("sd", "Sindhi"), ("ps", "Pashto"), ("bal", "Balochi"), ("en", "English"), ("fa", "Dari / Persian"), ("ar", "Arabic"), ("bn", "Bengali"),
    ];

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "case")] public Guid? CaseId { get; set; }
    [BindProperty(SupportsGet = true, Name = "victim")] public Guid? VictimId { get; set; }

    [BindProperty] public string? Language { get; set; } = "ur";
    [BindProperty] public DateOnly? GivenOn { get; set; }
    [BindProperty] public List<string> ConsentTypes { get; set; } = [];
    [BindProperty] public List<string> ConsentCategories { get; set; } = [];
    [BindProperty] public string? GuardianName { get; set; }
    [BindProperty] public string? GuardianRelation { get; set; }
    [BindProperty] public string? NoGuardianReason { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public DateOnly? AssessedOn { get; set; }
    [BindProperty] public string? AssessedBy { get; set; }
    [BindProperty] public string? AssessmentSummary { get; set; }
    [BindProperty] public DateOnly? ReflectionStartsOn { get; set; }
    [BindProperty] public int? ReflectionDays { get; set; } = ReflectionPeriod.DefaultDays;
    [BindProperty] public Guid? ServiceId { get; set; }
    [BindProperty] public string? Reason { get; set; } = nameof(ReferralReason.AdditionalServicesRequired);
    [BindProperty] public List<string> Categories { get; set; } = [];
    [BindProperty] public string? Needs { get; set; }
    [BindProperty] public string? MedicalNeeds { get; set; }
    [BindProperty] public string? Objectives { get; set; }
    [BindProperty] public DateOnly? PlannedEnd { get; set; }
    [BindProperty] public DateOnly? ActualEnd { get; set; }
    [BindProperty] public string? ActionDescription { get; set; }
    [BindProperty] public string? ActionOwner { get; set; }
    [BindProperty] public DateOnly? ActionStartsOn { get; set; }
    [BindProperty] public DateOnly? ActionDueOn { get; set; }
    [BindProperty] public Guid? ActionId { get; set; }

    public Paged<CaseListItem>? Cases { get; private set; }
    public CaseView? Case { get; private set; }
    public VictimProtectionView? Protection { get; private set; }
    public IReadOnlyList<ServiceView> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.Actor();
        if (VictimId is { } victim)
        {
            Protection = await protection.Handle(actor, victim, ct);
            Services = await services.Handle(actor, new SearchServices.Request(AcceptsChildren: Protection.IsChild ? true : null), ct);
        }
        else if (CaseId is { } caseId)
        {
            Case = await getCase.Handle(actor, new CaseId(caseId), ct);
        }
        else if (!string.IsNullOrWhiteSpace(Q))
        {
            await ModelState.TryAsync(async () => Cases = await searchCases.Handle(actor, new SearchCases.Request(Q, PageSize: 20), ct));
        }
    }

    public Task<IActionResult> OnPostConsentAsync(CancellationToken ct) => Act(() =>
        recordConsent.Handle(HttpContext.Actor(), VictimId ?? Guid.Empty, new RecordConsent.Request(Language, GivenOn,
            ConsentTypes.Select(t => new RecordConsent.Grant(t, null, ConsentCategories.Cast<string?>().ToList())).ToList(), GuardianName, GuardianRelation, Notes), ct), ct);

    public Task<IActionResult> OnPostGuardianAsync(CancellationToken ct) => Act(() =>
        guardian.Handle(HttpContext.Actor(), VictimId ?? Guid.Empty, new RecordChildSafeguards.GuardianRequest(GuardianName, GuardianRelation, NoGuardianReason), ct), ct);

    public Task<IActionResult> OnPostAssessmentAsync(CancellationToken ct) => Act(() =>
        bestInterests.Handle(HttpContext.Actor(), VictimId ?? Guid.Empty, new RecordChildSafeguards.BestInterestsRequest(AssessedOn, AssessedBy, AssessmentSummary), ct), ct);

    public Task<IActionResult> OnPostReflectionAsync(CancellationToken ct) => Act(() =>
        reflection.Handle(HttpContext.Actor(), VictimId ?? Guid.Empty, new SetReflectionPeriod.Request(ReflectionStartsOn, ReflectionDays), ct), ct);

    public Task<IActionResult> OnPostSupportPlanAsync(CancellationToken ct) => Act(() =>
        supportPlan.SaveAsync(HttpContext.Actor(), VictimId ?? Guid.Empty, new SaveSupportPlan.Request(Objectives, PlannedEnd, ActualEnd), ct), ct);

    public Task<IActionResult> OnPostSupportActionAsync(CancellationToken ct) => Act(() =>
        supportPlan.AddActionAsync(HttpContext.Actor(), VictimId ?? Guid.Empty, new SaveSupportPlan.ActionRequest(ActionDescription, ActionOwner, ActionStartsOn, ActionDueOn), ct), ct);

    public Task<IActionResult> OnPostSupportActionDoneAsync(CancellationToken ct) => Act(() =>
        supportPlan.CompleteActionAsync(HttpContext.Actor(), VictimId ?? Guid.Empty, ActionId ?? Guid.Empty,
            new SaveSupportPlan.DoneRequest(DateOnly.FromDateTime(DateTime.UtcNow)), ct), ct);

    public async Task<IActionResult> OnPostReferralAsync(CancellationToken ct)
    {
        CreateReferral.Response? created = null;
        if (ServiceId is null)
        {
            ModelState.AddModelError("serviceId", "Choose a service.");
        }
        else if (await ModelState.TryAsync(async () => created = await create.Handle(HttpContext.Actor(),
            new CreateReferral.Request(VictimId ?? Guid.Empty, ServiceId.Value, Reason, Needs, MedicalNeeds, Categories.Cast<string?>().ToList()), ct)))
        {
            return Redirect($"/referrals/{created!.Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        if (await ModelState.TryAsync(action))
        {
            return Redirect($"/referrals/new?victim={VictimId}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
