using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// A victim's informed consent to referral and to passing named data categories to named service types or
/// services (Bulgaria NRM SOP measure 1.4; CoE art. 12(7)). For a child, a guardian consents. The victim may
/// withdraw it at any time: from then on nothing more is shared and the data already passed is hidden.
/// </summary>
public sealed class Consent
{
    public const int MaxNotesLength = 4000;

    private readonly List<ConsentGrant> _grants = [];

    private Consent()
    {
    }

    internal Consent(CaseParticipant victim, UserId explainedBy, string explainedByName, string language, DateOnly givenOn,
        IEnumerable<ConsentGrant.Scope> grants, string? guardianName, string? guardianRelation, string? notes, DateTime now)
    {
        Id = ConsentId.New();
        CaseId = victim.CaseId;
        ParticipantId = victim.Id;
        ExplainedById = explainedBy;
        ExplainedBy = explainedByName;
        Language = language;
        GivenOn = givenOn;
        GuardianName = guardianName;
        GuardianRelation = guardianRelation;
        Notes = notes;
        RecordedAt = now;
        _grants.AddRange(grants.Select(g => new ConsentGrant(Id, g)));
        if (_grants.Count == 0)
        {
            throw new ValidationException("grants", "Say which data may go to which services.");
        }
    }

    public ConsentId Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public Guid ParticipantId { get; private set; }
    public UserId ExplainedById { get; private set; }
    public string ExplainedBy { get; private set; } = "";
    public string Language { get; private set; } = "";
    public DateOnly GivenOn { get; private set; }
    public string? GuardianName { get; private set; }
    public string? GuardianRelation { get; private set; }
    public string? Notes { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawalReason { get; private set; }

    public IReadOnlyList<ConsentGrant> Grants => _grants;

    public bool IsActive => WithdrawnAt is null;

    /// <summary>The categories this consent lets go to <paramref name="service"/>: grants naming the service or its type.</summary>
    public IReadOnlySet<DataCategory> CategoriesFor(ServiceProvider service) => IsActive
        ? _grants.Where(g => g.ServiceProviderId == service.Id || g.ServiceType == service.Type).SelectMany(g => g.Categories).ToHashSet()
        : new HashSet<DataCategory>();

    public bool Covers(ServiceProvider service) => IsActive && _grants.Any(g => g.ServiceProviderId == service.Id || g.ServiceType == service.Type);

    public void Withdraw(string by, string reason, DateTime now)
    {
        if (!IsActive)
        {
            throw new ConflictException("consent", "This consent was already withdrawn.");
        }
        WithdrawnAt = now;
        WithdrawnBy = by;
        WithdrawalReason = reason;
    }
}

/// <summary>One line of a consent: these data categories may go to this service type, or to this one service.</summary>
public sealed class ConsentGrant
{
    private ConsentGrant()
    {
    }

    internal ConsentGrant(ConsentId consent, Scope scope)
    {
        if ((scope.ServiceType is null) == (scope.ServiceProviderId is null))
        {
            throw new ValidationException("grants", "Each consent line names either a service type or one service.");
        }
        Id = SequentialGuid.Next();
        ConsentId = consent;
        ServiceType = scope.ServiceType;
        ServiceProviderId = scope.ServiceProviderId;
        CategoryCodes = Codes.Encode(scope.Categories);
    }

    public Guid Id { get; private set; }
    public ConsentId ConsentId { get; private set; }
    public ServiceType? ServiceType { get; private set; }
    public ServiceProviderId? ServiceProviderId { get; private set; }
    public string CategoryCodes { get; private set; } = "";

    public IReadOnlyList<DataCategory> Categories => Codes.Decode<DataCategory>(CategoryCodes);

    public sealed record Scope(ServiceType? ServiceType, ServiceProviderId? ServiceProviderId, IReadOnlyList<DataCategory> Categories);
}
