using System.Text.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Screening;

public enum AssessmentState { Draft, Completed }

/// <summary>
/// One indicator-based interview of a person in a case, on one list (adult or child, labour or sexual exploitation).
/// Saved as a draft at any time; completed once, then fixed. It records the catalogue version and rule set it was
/// evaluated with, and its result, which only informs the formal status decision (<see cref="StatusDecision"/>).
/// The answers (with the interviewer's notes) are a protected field.
/// </summary>
public sealed class VictimAssessment
{
    private VictimAssessment()
    {
    }

    internal VictimAssessment(CaseParticipant participant, AgeDecision age, Exploitation exploitation, IndicatorScreening screening, UserId by, string byName, DateTime now)
    {
        Id = SequentialGuid.Next();
        CaseId = participant.CaseId;
        ParticipantId = participant.Id;
        PersonId = participant.PersonId;
        Population = age.Population;
        PopulationPresumed = age.Presumed;
        AgeReason = age.Reason;
        Exploitation = exploitation;
        CatalogueVersion = screening.Catalogue.Version;
        RuleSet = screening.Rules.Name;
        CreatedById = by;
        CreatedByName = byName;
        CreatedAt = now;
        UpdatedAt = now;
        Record(new StoredAnswers([], [], new Dictionary<string, string>(StringComparer.Ordinal)), screening.Assess(new AssessmentAnswers(Population, Exploitation, [], [])), now);
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public Guid ParticipantId { get; private set; }
    public PersonId PersonId { get; private set; }
    public Population Population { get; private set; }
    public bool PopulationPresumed { get; private set; }
    public string AgeReason { get; private set; } = "";
    public Exploitation Exploitation { get; private set; }
    public string CatalogueVersion { get; private set; } = "";
    public string RuleSet { get; private set; } = "";
    public string AnswersJson { get; private set; } = "";
    public AssessmentState State { get; private set; }
    public bool Indicated { get; private set; }
    public string PositiveDimensions { get; private set; } = "";
    public string Rule { get; private set; } = "";
    public UserId CreatedById { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    internal StoredAnswers Answers => JsonSerializer.Deserialize<StoredAnswers>(AnswersJson, JsonSerializerOptions.Web)
        ?? new StoredAnswers([], [], new Dictionary<string, string>(StringComparer.Ordinal));

    internal AssessmentAnswers ToAnswers(StoredAnswers stored) => new(Population, Exploitation, stored.Yes, stored.Unknown);

    internal void Record(StoredAnswers answers, AssessmentResult result, DateTime now)
    {
        if (State == AssessmentState.Completed)
        {
            throw new ConflictException("state", "This assessment is completed and can no longer change; start a new assessment.");
        }
        AnswersJson = JsonSerializer.Serialize(answers, JsonSerializerOptions.Web);
        Indicated = result.Indicated;
        PositiveDimensions = string.Join('|', result.PositiveDimensions);
        Rule = result.Rule;
        UpdatedAt = now;
    }

    internal void Complete(DateTime now)
    {
        if (State == AssessmentState.Completed)
        {
            throw new ConflictException("state", "This assessment is already completed.");
        }
        State = AssessmentState.Completed;
        CompletedAt = now;
        UpdatedAt = now;
    }
}

/// <summary>What is encrypted: yes and unknown answers as indicator references ("dimension: text"), and notes by reference.</summary>
internal sealed record StoredAnswers(IReadOnlyList<string> Yes, IReadOnlyList<string> Unknown, IReadOnlyDictionary<string, string> Notes);
