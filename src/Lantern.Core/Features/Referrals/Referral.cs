using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// A referral of one victim to one service: draft → sent → accepted | declined → in progress → completed, or
/// withdrawn by the sender before it ends. At sending, the data the victim consented to (or, exceptionally, the data
/// needed for an immediate risk to life) is copied into the referral: the receiving organisation works from this
/// disclosure and never sees the case. Withdrawing consent erases the disclosure.
/// </summary>
public sealed class Referral
{
    public const int MaxTextLength = 4000;

    private static readonly Dictionary<ReferralState, ReferralState[]> Allowed = new()
    {
        [ReferralState.Draft] = [ReferralState.Sent, ReferralState.Withdrawn],
        [ReferralState.Sent] = [ReferralState.Accepted, ReferralState.Declined, ReferralState.Withdrawn],
        [ReferralState.Accepted] = [ReferralState.InProgress, ReferralState.Withdrawn],
        [ReferralState.InProgress] = [ReferralState.Completed, ReferralState.Withdrawn],
        [ReferralState.Declined] = [],
        [ReferralState.Completed] = [],
        [ReferralState.Withdrawn] = [],
    };

    private readonly List<ReferralStateChange> _history = [];

    private Referral()
    {
    }

    internal Referral(CaseParticipant victim, OrganisationId sender, ServiceProvider service, ReferralReason reason, string? needs,
        string? medicalNeeds, IEnumerable<DataCategory> requested, bool child, ReferralActor by, DateTime now)
    {
        Id = ReferralId.New();
        Reference = string.Create(CultureInfo.InvariantCulture, $"REF-{now:yyyyMMdd}-{Id.Value.ToString("N")[^6..].ToUpperInvariant()}");
        CaseId = victim.CaseId;
        ParticipantId = victim.Id;
        PersonId = victim.PersonId;
        SendingOrganisationId = sender;
        ServiceProviderId = service.Id;
        ReceivingOrganisationId = service.OrganisationId;
        ServiceType = service.Type;
        Reason = reason;
        Needs = needs;
        MedicalNeeds = medicalNeeds;
        RequestedCategoryCodes = Codes.Encode(requested);
        IsChild = child;
        CreatedAt = now;
        State = ReferralState.Draft;
        Record(ReferralState.Draft, by, now);
    }

    public ReferralId Id { get; private set; }
    public string Reference { get; private set; } = "";
    public CaseId CaseId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public PersonId PersonId { get; private set; }
    public OrganisationId SendingOrganisationId { get; private set; }
    public ServiceProviderId ServiceProviderId { get; private set; }
    public OrganisationId ReceivingOrganisationId { get; private set; }
    public ServiceType ServiceType { get; private set; }
    public ReferralReason Reason { get; private set; }

    /// <summary>What is asked of the service, in the sender's words. Shown to the receiver; the form asks for no identifying details.</summary>
    public string? Needs { get; private set; }

    /// <summary>Medical needs as the sender wrote them; disclosed only within a <see cref="DataCategory.MedicalNeeds"/> scope.</summary>
    public string? MedicalNeeds { get; private set; }

    public string RequestedCategoryCodes { get; private set; } = "";
    public string DisclosedCategoryCodes { get; private set; } = "";
    public bool IsChild { get; private set; }
    public ReferralState State { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public DateTime? DeadlineAt { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public ConsentId? ConsentId { get; private set; }
    public bool ConsentOverridden { get; private set; }
    public string? ConsentOverrideReason { get; private set; }
    public DateTime? ConsentWithdrawnAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public string? WithdrawalReason { get; private set; }

    // The disclosure: copied at sending from the case, each field only within its consented category.
    public string? VictimName { get; private set; }
    public string? VictimNameInOriginalScript { get; private set; }
    public string? VictimBirthDate { get; private set; }
    public Gender? VictimGender { get; private set; }
    public string? VictimCitizenships { get; private set; }
    public string? VictimPhone { get; private set; }
    public string? CaseSummary { get; private set; }
    public string? ExploitationDetails { get; private set; }

    /// <summary>Application-managed concurrency token: two workers answering at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ReferralStateChange> History => _history;
    public IReadOnlyList<DataCategory> RequestedCategories => Codes.Decode<DataCategory>(RequestedCategoryCodes);
    public IReadOnlyList<DataCategory> DisclosedCategories => Codes.Decode<DataCategory>(DisclosedCategoryCodes);

    public bool IsOpen => State is ReferralState.Draft or ReferralState.Sent or ReferralState.Accepted or ReferralState.InProgress;

    /// <summary>Sent and not answered (accepted or declined) by the deadline.</summary>
    public bool IsOverdue(DateTime now) => State == ReferralState.Sent && DeadlineAt < now;

    public static bool CanMove(ReferralState from, ReferralState to) => Allowed[from].Contains(to);

    public static IReadOnlyList<ReferralState> NextStates(ReferralState from) => Allowed[from];

    public void Send(ConsentId? consent, string? overrideReason, Disclosure disclosure, int responseHours, ReferralActor by, DateTime now)
    {
        EnsureCanMove(ReferralState.Sent);
        if (consent is null && overrideReason is null)
        {
            throw new ValidationException("consent", "A referral needs the victim's consent, or a written reason to refer without it.");
        }
        ConsentId = consent;
        ConsentOverridden = overrideReason is not null;
        ConsentOverrideReason = overrideReason;
        DisclosedCategoryCodes = Codes.Encode(disclosure.Categories);
        var has = disclosure.Categories.ToHashSet();
        VictimName = has.Contains(DataCategory.Identity) ? disclosure.Name : null;
        VictimNameInOriginalScript = has.Contains(DataCategory.Identity) ? disclosure.NameInOriginalScript : null;
        VictimBirthDate = has.Contains(DataCategory.Identity) ? disclosure.BirthDate : null;
        VictimGender = has.Contains(DataCategory.Identity) ? disclosure.Gender : null;
        VictimCitizenships = has.Contains(DataCategory.Identity) ? disclosure.Citizenships : null;
        VictimPhone = has.Contains(DataCategory.Contact) ? disclosure.Phone : null;
        CaseSummary = has.Contains(DataCategory.CaseSummary) ? disclosure.CaseSummary : null;
        ExploitationDetails = has.Contains(DataCategory.ExploitationDetails) ? disclosure.ExploitationDetails : null;
        SentAt = now;
        DeadlineAt = now.AddHours(responseHours);
        Move(ReferralState.Sent, by, now);
    }

    public void Accept(ReferralActor by, DateTime now)
    {
        Move(ReferralState.Accepted, by, now);
        AnsweredAt = now;
    }

    public void Decline(string reason, ReferralActor by, DateTime now)
    {
        EnsureCanMove(ReferralState.Declined);
        DeclineReason = reason;
        AnsweredAt = now;
        ClosedAt = now;
        Move(ReferralState.Declined, by, now);
    }

    public void Start(ReferralActor by, DateTime now) => Move(ReferralState.InProgress, by, now);

    public void Complete(ReferralActor by, DateTime now)
    {
        Move(ReferralState.Completed, by, now);
        ClosedAt = now;
    }

    public void Withdraw(string reason, ReferralActor by, DateTime now)
    {
        EnsureCanMove(ReferralState.Withdrawn);
        WithdrawalReason = reason;
        ClosedAt = now;
        Move(ReferralState.Withdrawn, by, now);
    }

    /// <summary>The victim withdrew consent: the disclosure is erased, and the referral says so from now on.</summary>
    public void ConsentWithdrawn(DateTime now)
    {
        ConsentWithdrawnAt ??= now;
        DisclosedCategoryCodes = "";
        VictimName = null;
        VictimNameInOriginalScript = null;
        VictimBirthDate = null;
        VictimGender = null;
        VictimCitizenships = null;
        VictimPhone = null;
        CaseSummary = null;
        ExploitationDetails = null;
        MedicalNeeds = null;
        Touch(now);
    }

    private void EnsureCanMove(ReferralState to)
    {
        if (!CanMove(State, to))
        {
            var next = Allowed[State];
            var options = next.Length == 0 ? "it is closed" : "from there it can only become " + string.Join(" or ", next.Select(Name));
            throw new ConflictException("state", $"A referral cannot move from {Name(State)} to {Name(to)}: {options}.");
        }
    }

    private void Move(ReferralState to, ReferralActor by, DateTime now)
    {
        EnsureCanMove(to);
        State = to;
        Record(to, by, now);
        Touch(now);
    }

    private void Record(ReferralState state, ReferralActor by, DateTime now) =>
        _history.Add(new ReferralStateChange(Id, state, by, now));

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    /// <summary>The state's name as the API spells it, for messages ("InProgress").</summary>
    public static string Name(ReferralState state) => state.ToString();
}

/// <summary>Who moved a referral: a user of an organisation (names kept, so the history reads without joins).</summary>
public sealed record ReferralActor(UserId UserId, string Username, OrganisationId OrganisationId);

/// <summary>The victim's data a sender may pass, before the consent scope picks from it.</summary>
public sealed record Disclosure(
    IReadOnlyList<DataCategory> Categories,
    string? Name,
    string? NameInOriginalScript,
    string? BirthDate,
    Gender? Gender,
    string? Citizenships,
    string? Phone,
    string? CaseSummary,
    string? ExploitationDetails);

public sealed class ReferralStateChange
{
    private ReferralStateChange()
    {
    }

    internal ReferralStateChange(ReferralId referral, ReferralState state, ReferralActor by, DateTime at)
    {
        Id = SequentialGuid.Next();
        ReferralId = referral;
        State = state;
        UserId = by.UserId;
        Username = by.Username;
        OrganisationId = by.OrganisationId;
        At = at;
    }

    public Guid Id { get; private set; }
    public ReferralId ReferralId { get; private set; }
    public ReferralState State { get; private set; }
    public UserId UserId { get; private set; }
    public string Username { get; private set; } = "";
    public OrganisationId OrganisationId { get; private set; }
    public DateTime At { get; private set; }
}
