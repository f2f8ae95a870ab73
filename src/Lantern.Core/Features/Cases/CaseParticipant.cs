using Lantern.Core.Common;
using Lantern.Core.Features.People;

namespace Lantern.Core.Features.Cases;

/// <summary>
/// A person's role in one case, with the victim context (HTCDS vic_) or the suspect context (per_).
/// Picklist lists are stored as ",A,B," so a filter is a plain substring test on both providers.
/// </summary>
public sealed class CaseParticipant
{
    private CaseParticipant()
    {
    }

    internal CaseParticipant(CaseId caseId, Person person, CaseRole role)
    {
        Id = SequentialGuid.Next();
        CaseId = caseId;
        PersonId = person.Id;
        Person = person;
        Role = role;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public PersonId PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    public CaseRole Role { get; private set; }

    // Victim context
    public TraffickingStatus? TraffickingStatus { get; private set; }
    public StatusDecisionMaker? StatusDecidedBy { get; private set; }
    public string? StatusDecidedByName { get; private set; }
    public string ExploitationCodes { get; private set; } = "";
    public ForcedLabourIndustry? Industry { get; private set; }
    public string ControlCodes { get; private set; } = "";
    public RelationshipToTrafficker? RelationshipToTrafficker { get; private set; }
    public int? AgeWhenTrafficked { get; private set; }

    // Suspect context
    public string RoleInProcessCodes { get; private set; } = "";
    public string? RoleDetails { get; private set; }

    public IReadOnlyList<ExploitationForm> ExploitationForms => Decode<ExploitationForm>(ExploitationCodes);
    public IReadOnlyList<MethodOfControl> MethodsOfControl => Decode<MethodOfControl>(ControlCodes);
    public IReadOnlyList<RoleInProcess> RolesInProcess => Decode<RoleInProcess>(RoleInProcessCodes);

    public void SetVictimContext(VictimContext v)
    {
        if (v.AgeWhenTrafficked is < 0 or > 120)
        {
            throw new ValidationException("vic_AgeWhenTrafficked", "Age when trafficked must be between 0 and 120.");
        }
        if (v.TraffickingStatus is not null && v.StatusDecidedBy is null && v.TraffickingStatus != Common.TraffickingStatus.PossibleVictimOfTrafficking)
        {
            throw new ValidationException("vic_TraffickingStatusDecisionMakingOrg", "Say who decided the trafficking status.");
        }
        TraffickingStatus = v.TraffickingStatus;
        StatusDecidedBy = v.StatusDecidedBy;
        StatusDecidedByName = v.StatusDecidedByName;
        ExploitationCodes = Encode(v.ExploitationForms);
        Industry = v.Industry;
        ControlCodes = Encode(v.MethodsOfControl);
        RelationshipToTrafficker = v.RelationshipToTrafficker;
        AgeWhenTrafficked = v.AgeWhenTrafficked;
    }

    /// <summary>Copies the newest formal status decision onto the victim context (the history is kept by Screening).</summary>
    internal void RecordStatusDecision(TraffickingStatus status, StatusDecisionMaker decidedBy, string decidingOrganisation)
    {
        TraffickingStatus = status;
        StatusDecidedBy = decidedBy;
        StatusDecidedByName = decidingOrganisation;
    }

    public void SetSuspectContext(IReadOnlyList<RoleInProcess> roles, string? details)
    {
        RoleInProcessCodes = Encode(roles);
        RoleDetails = details;
    }

    public static string Code<T>(T value) where T : struct, Enum => $",{value},";

    private static string Encode<T>(IEnumerable<T> values) where T : struct, Enum
    {
        var list = values.Distinct().ToList();
        return list.Count == 0 ? "" : "," + string.Join(',', list) + ",";
    }

    private static List<T> Decode<T>(string codes) where T : struct, Enum =>
        codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<T>).ToList();
}

public sealed record VictimContext(
    TraffickingStatus? TraffickingStatus,
    StatusDecisionMaker? StatusDecidedBy,
    string? StatusDecidedByName,
    IReadOnlyList<ExploitationForm> ExploitationForms,
    ForcedLabourIndustry? Industry,
    IReadOnlyList<MethodOfControl> MethodsOfControl,
    RelationshipToTrafficker? RelationshipToTrafficker,
    int? AgeWhenTrafficked)
{
    public static readonly VictimContext Empty = new(null, null, null, [], null, [], null, null);
}

/// <summary>A recruitment, transit or exploitation event (HTCDS hte_), with place, partial date and the people involved.</summary>
public sealed class TraffickingEvent
{
    private readonly List<EventParticipant> _people = [];

    private TraffickingEvent()
    {
    }

    internal TraffickingEvent(CaseId caseId, EventType type, PartialDate? date, CountryCode? country, string? state, string? city, string? description, IEnumerable<Guid> participantIds)
    {
        Id = SequentialGuid.Next();
        CaseId = caseId;
        Type = type;
        Date = date?.ToString();
        Country = country?.Value;
        State = state;
        City = city;
        Description = description;
        _people.AddRange(participantIds.Distinct().Select(p => new EventParticipant(Id, p)));
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public EventType Type { get; private set; }
    public string? Date { get; private set; }
    public string? Country { get; private set; }
    public string? State { get; private set; }
    public string? City { get; private set; }
    public string? Description { get; private set; }
    public IReadOnlyList<EventParticipant> People => _people;

}

public sealed class EventParticipant
{
    private EventParticipant()
    {
    }

    public EventParticipant(Guid eventId, Guid participantId)
    {
        EventId = eventId;
        ParticipantId = participantId;
    }

    public Guid EventId { get; private set; }
    public Guid ParticipantId { get; private set; }
}
