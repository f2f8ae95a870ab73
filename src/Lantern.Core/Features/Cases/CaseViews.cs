using Lantern.Core.Common;

namespace Lantern.Core.Features.Cases;

// Read models returned to the front doors. Entities never leave Core.

public sealed record CaseListItem(
    Guid Id,
    string Reference,
    CaseStatus Status,
    string Organisation,
    DateOnly? OpenedOn,
    int Victims,
    int Suspects,
    IReadOnlyList<string> People,
    IReadOnlyList<ExploitationForm> ExploitationForms);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public sealed record CaseView(
    Guid Id,
    string Reference,
    CaseStatus Status,
    Guid OrganisationId,
    string Organisation,
    DateOnly? OpenedOn,
    string? Summary,
    string? ClosureReason,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version,
    IReadOnlyList<ParticipantView> People,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<string> AssignedOfficers,
    IReadOnlyList<string> SharedWith);

public sealed record ParticipantView(
    Guid ParticipantId,
    Guid PersonId,
    string Role,
    string Name,
    string? NameInOriginalScript,
    IReadOnlyList<string> Aliases,
    string? BirthDate,
    Gender? Gender,
    IReadOnlyList<string> Citizenships,
    IReadOnlyList<DocumentView> Documents,
    string? MobilePhone,
    TraffickingStatus? TraffickingStatus,
    StatusDecisionMaker? StatusDecidedBy,
    string? StatusDecidedByName,
    IReadOnlyList<ExploitationForm> ExploitationForms,
    ForcedLabourIndustry? Industry,
    IReadOnlyList<MethodOfControl> MethodsOfControl,
    RelationshipToTrafficker? RelationshipToTrafficker,
    int? AgeWhenTrafficked,
    IReadOnlyList<RoleInProcess> RolesInProcess,
    string? RoleDetails)
{
    /// <summary>
    /// Set on a suspect who is identified (possible or actual) as a victim of trafficking in any case, of any
    /// organisation: PTPA 2018 s.6 bars punishing them for offences connected to their trafficking.
    /// </summary>
    public bool NonPunishment { get; init; }

    /// <summary>The Latin spelling of a name typed in Urdu script; null for a name in Latin letters.</summary>
    public string? NameInLatin { get; init; }
}

public sealed record DocumentView(DocumentType Type, string Number, string? IssuingCountry);

public sealed record EventView(Guid Id, EventType Type, string? Date, string? Country, string? State, string? City, string? Description, IReadOnlyList<Guid> ParticipantIds);

public sealed record NoteView(Guid Id, string Author, DateTime CreatedAt, string Text);
