using Lantern.Core.Common;

namespace Lantern.Core.Features.Referrals;

// Read models returned to the front doors. Entities never leave Core.

public sealed record ServiceView(
    Guid Id,
    Guid OrganisationId,
    string Organisation,
    ServiceType Type,
    string Name,
    string Province,
    string District,
    int? Places,
    int? PlacesFree,
    IReadOnlyList<string> Languages,
    bool AcceptsChildren,
    bool AcceptsWomen,
    bool AcceptsMen,
    int ResponseHours,
    bool ResponseHoursOwn,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string? Description,
    bool Active);

/// <summary>A referral on a board: no personal data, so lists can be shown and printed freely.</summary>
public sealed record ReferralListItem(
    Guid Id,
    string Reference,
    ReferralState State,
    string Direction,
    Guid ServiceId,
    string Service,
    ServiceType ServiceType,
    string FromOrganisation,
    string ToOrganisation,
    DateTime CreatedAt,
    DateTime? SentAt,
    DateTime? DeadlineAt,
    bool Overdue,
    bool IsChild,
    bool ConsentOverridden,
    bool ConsentWithdrawn,
    string? CaseReference);

public sealed record ReferralBoard(IReadOnlyList<ReferralListItem> Outgoing, IReadOnlyList<ReferralListItem> Incoming);

/// <summary>
/// The victim as the referral discloses them: each field is null unless its category was in the consent scope at
/// sending, and all are null once consent is withdrawn.
/// </summary>
public sealed record DisclosedVictim(
    string? Name,
    string? NameInOriginalScript,
    string? BirthDate,
    Gender? Gender,
    IReadOnlyList<string>? Citizenships,
    string? Phone,
    string? CaseSummary,
    string? ExploitationDetails,
    string? MedicalNeeds);

public sealed record ReferralHistoryView(ReferralState State, DateTime At, string By, string Organisation);

/// <summary>
/// One referral as the actor may see it. <see cref="CaseId"/>, <see cref="ParticipantId"/> and
/// <see cref="ConsentOverrideReason"/> are the referring side's only; the receiver gets the disclosure and the needs.
/// </summary>
public sealed record ReferralView(
    Guid Id,
    string Reference,
    ReferralState State,
    bool AsSender,
    bool AsReceiver,
    Guid ServiceId,
    string Service,
    ServiceType ServiceType,
    string FromOrganisation,
    string ToOrganisation,
    ReferralReason Reason,
    string? Needs,
    bool IsChild,
    DateTime CreatedAt,
    DateTime? SentAt,
    DateTime? DeadlineAt,
    DateTime? AnsweredAt,
    DateTime? ClosedAt,
    bool Overdue,
    IReadOnlyList<DataCategory> RequestedCategories,
    IReadOnlyList<DataCategory> DisclosedCategories,
    bool ConsentOverridden,
    string? ConsentOverrideReason,
    DateTime? ConsentWithdrawnAt,
    string? DeclineReason,
    string? WithdrawalReason,
    DisclosedVictim Victim,
    IReadOnlyList<ReferralHistoryView> History,
    IReadOnlyList<ReferralState> NextStates,
    Guid? CaseId,
    Guid? ParticipantId);

public sealed record OverdueReferral(Guid Id, string Reference, string Service, string FromOrganisation, string ToOrganisation, DateTime SentAt, DateTime DeadlineAt, int HoursOverdue);

public sealed record ConsentView(
    Guid Id,
    string ExplainedBy,
    string Language,
    DateOnly GivenOn,
    DateTime RecordedAt,
    string? GuardianName,
    string? GuardianRelation,
    string? Notes,
    bool Active,
    DateTime? WithdrawnAt,
    string? WithdrawnBy,
    string? WithdrawalReason,
    IReadOnlyList<ConsentGrantView> Grants);

public sealed record ConsentGrantView(ServiceType? ServiceType, Guid? ServiceId, string? Service, IReadOnlyList<DataCategory> Categories);

public sealed record ChildSafeguardsView(
    string? GuardianName,
    string? GuardianRelation,
    string? NoGuardianReason,
    DateOnly? AssessedOn,
    string? AssessedBy,
    string? AssessmentSummary);

public sealed record ReflectionPeriodView(DateOnly StartsOn, int Days, DateOnly EndsOn, bool Running, string RecordedBy);

public sealed record SupportPlanView(Guid Id, string? Objectives, DateOnly? PlannedEnd, DateOnly? ActualEnd, DateTime UpdatedAt, IReadOnlyList<SupportActionView> Actions);

public sealed record SupportActionView(Guid Id, string Description, string Owner, DateOnly? StartsOn, DateOnly? DueOn, DateOnly? DoneOn);

/// <summary>Everything the referring side records to protect one victim, and what is still missing before a referral can be sent.</summary>
public sealed record VictimProtectionView(
    Guid ParticipantId,
    Guid CaseId,
    string CaseReference,
    string Name,
    bool IsChild,
    ConsentView? CurrentConsent,
    IReadOnlyList<ConsentView> Consents,
    ChildSafeguardsView? Safeguards,
    ReflectionPeriodView? ReflectionPeriod,
    SupportPlanView? SupportPlan,
    IReadOnlyList<ReferralListItem> Referrals,
    IReadOnlyList<string> MissingBeforeReferral);

internal static class ReferralProjection
{
    /// <summary>
    /// Applies the scope a second time, whatever was stored: a field leaves Core only if its category was disclosed
    /// and consent has not been withdrawn since.
    /// </summary>
    public static DisclosedVictim Victim(Referral r)
    {
        var scope = r.ConsentWithdrawnAt is null ? r.DisclosedCategories.ToHashSet() : [];
        var identity = scope.Contains(DataCategory.Identity);
        return new DisclosedVictim(
            identity ? r.VictimName : null,
            identity ? r.VictimNameInOriginalScript : null,
            identity ? r.VictimBirthDate : null,
            identity ? r.VictimGender : null,
            identity ? r.VictimCitizenships?.Split(',', StringSplitOptions.RemoveEmptyEntries) : null,
            scope.Contains(DataCategory.Contact) ? r.VictimPhone : null,
            scope.Contains(DataCategory.CaseSummary) ? r.CaseSummary : null,
            scope.Contains(DataCategory.ExploitationDetails) ? r.ExploitationDetails : null,
            scope.Contains(DataCategory.MedicalNeeds) ? r.MedicalNeeds : null);
    }

    public static bool DisclosesAnything(DisclosedVictim v) =>
        v.Name is not null || v.NameInOriginalScript is not null || v.BirthDate is not null || v.Gender is not null || v.Citizenships is not null
        || v.Phone is not null || v.CaseSummary is not null || v.ExploitationDetails is not null || v.MedicalNeeds is not null;

    public static ReferralView ToView(Referral r, OrganisationId viewer, bool system, string service, IReadOnlyDictionary<OrganisationId, string> organisations, DateTime now)
    {
        var asSender = system || r.SendingOrganisationId == viewer;
        var asReceiver = system || r.ReceivingOrganisationId == viewer;
        return new ReferralView(
            r.Id.Value, r.Reference, r.State, asSender, asReceiver, r.ServiceProviderId.Value, service, r.ServiceType,
            organisations.GetValueOrDefault(r.SendingOrganisationId, "?"), organisations.GetValueOrDefault(r.ReceivingOrganisationId, "?"),
            r.Reason, r.Needs, r.IsChild, r.CreatedAt, r.SentAt, r.DeadlineAt, r.AnsweredAt, r.ClosedAt, r.IsOverdue(now),
            r.RequestedCategories, r.ConsentWithdrawnAt is null ? r.DisclosedCategories : [],
            r.ConsentOverridden, asSender ? r.ConsentOverrideReason : null, r.ConsentWithdrawnAt, r.DeclineReason, r.WithdrawalReason,
            // Before sending nothing is disclosed; the sender sees the draft's medical note to check it.
            r.State == ReferralState.Draft && asSender ? new DisclosedVictim(null, null, null, null, null, null, null, null, r.MedicalNeeds) : Victim(r),
            r.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new ReferralHistoryView(h.State, h.At, h.Username, organisations.GetValueOrDefault(h.OrganisationId, "?"))).ToList(),
            Referral.NextStates(r.State),
            asSender ? r.CaseId.Value : null,
            asSender ? r.ParticipantId : null);
    }

    public static ReferralListItem ToListItem(Referral r, OrganisationId viewer, string service, IReadOnlyDictionary<OrganisationId, string> organisations, string? caseReference, DateTime now) => new(
        r.Id.Value, r.Reference, r.State, r.SendingOrganisationId == viewer ? "outgoing" : "incoming", r.ServiceProviderId.Value, service, r.ServiceType,
        organisations.GetValueOrDefault(r.SendingOrganisationId, "?"), organisations.GetValueOrDefault(r.ReceivingOrganisationId, "?"),
        r.CreatedAt, r.SentAt, r.DeadlineAt, r.IsOverdue(now), r.IsChild, r.ConsentOverridden, r.ConsentWithdrawnAt is not null,
        r.SendingOrganisationId == viewer ? caseReference : null);

    /// <summary>Boards put overdue referrals first, then those waiting longest.</summary>
    public static IReadOnlyList<ReferralListItem> Order(IEnumerable<ReferralListItem> items) =>
        items.OrderByDescending(i => i.Overdue).ThenBy(i => IsClosed(i.State)).ThenBy(i => i.DeadlineAt ?? DateTime.MaxValue).ThenByDescending(i => i.CreatedAt).ToList();

    private static bool IsClosed(ReferralState s) => s is ReferralState.Completed or ReferralState.Declined or ReferralState.Withdrawn;
}
