using Lantern.Core.Common;

namespace Lantern.Core.Features.Duplicates;

public enum DuplicateStatus { Open, Confirmed, Rejected, Undone }

/// <summary>
/// A possible duplicate: two person records that record linkage scored at or above the threshold, with why (levels
/// and weights only, no values). A reviewer confirms it (the two records become one person identity), rejects it
/// (remembered: the pair is never proposed again) or later undoes a confirmation. Decided pairs are not re-scored.
/// </summary>
public sealed class DuplicateCandidate
{
    public const int MaxReasonLength = 2000;

    private DuplicateCandidate()
    {
    }

    internal DuplicateCandidate(PersonId first, PersonId second, double probability, string explanation, string algorithmVersion, Guid? modelId, DateTime now)
    {
        if (first == second)
        {
            throw new ArgumentException("A person is not a duplicate of itself.", nameof(second));
        }
        Id = SequentialGuid.Next();
        (LeftPersonId, RightPersonId) = Order(first, second);
        FoundAt = now;
        Status = DuplicateStatus.Open;
        Rescore(probability, explanation, algorithmVersion, modelId, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The lower of the two person ids (ordinal order of the GUIDs' text), so a pair has one row.</summary>
    public PersonId LeftPersonId { get; private set; }
    public PersonId RightPersonId { get; private set; }
    public double Probability { get; private set; }

    /// <summary>JSON of <see cref="PairExplanation"/>: each field's level, weight and term-frequency adjustment. Encrypted.</summary>
    public string Explanation { get; private set; } = "";
    public string AlgorithmVersion { get; private set; } = "";
    public Guid? ModelId { get; private set; }
    public DateTime FoundAt { get; private set; }
    public DateTime ScoredAt { get; private set; }
    public DuplicateStatus Status { get; private set; }
    public UserId? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Why the reviewer decided (required to reject or undo). Encrypted: it may describe the people.</summary>
    public string? Reason { get; private set; }

    public bool IsDecided => Status != DuplicateStatus.Open;

    public static (PersonId Left, PersonId Right) Order(PersonId a, PersonId b) =>
        string.CompareOrdinal(a.Value.ToString(), b.Value.ToString()) <= 0 ? (a, b) : (b, a);

    public PersonId Other(PersonId person) => person == LeftPersonId ? RightPersonId : LeftPersonId;

    /// <summary>A later run scored the open pair again; a decided pair keeps the score it was decided on.</summary>
    internal void Rescore(double probability, string explanation, string algorithmVersion, Guid? modelId, DateTime now)
    {
        if (IsDecided)
        {
            throw new InvalidOperationException("A decided pair is not scored again.");
        }
        if (double.IsNaN(probability) || probability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "A probability is between 0 and 1.");
        }
        Probability = probability;
        Explanation = explanation;
        AlgorithmVersion = algorithmVersion;
        ModelId = modelId;
        ScoredAt = now;
    }

    internal void Confirm(UserId by, string byName, string? reason, DateTime now)
    {
        if (Status != DuplicateStatus.Open)
        {
            throw new ConflictException("status", $"Only an open pair can be confirmed; this one is {Status.ToString().ToLowerInvariant()}.");
        }
        Decide(DuplicateStatus.Confirmed, by, byName, reason, now);
    }

    internal void Reject(UserId by, string byName, string? reason, DateTime now)
    {
        if (Status != DuplicateStatus.Open)
        {
            throw new ConflictException("status", $"Only an open pair can be rejected; this one is {Status.ToString().ToLowerInvariant()}.");
        }
        Decide(DuplicateStatus.Rejected, by, byName, Required(reason, "Say why these are two different people."), now);
    }

    /// <summary>Takes back a confirmation. The pair is not proposed again: the reviewer has looked at it twice.</summary>
    internal void Undo(UserId by, string byName, string? reason, DateTime now)
    {
        if (Status != DuplicateStatus.Confirmed)
        {
            throw new ConflictException("status", $"Only a confirmed pair can be undone; this one is {Status.ToString().ToLowerInvariant()}.");
        }
        Decide(DuplicateStatus.Undone, by, byName, Required(reason, "Say why the merge is undone."), now);
    }

    private void Decide(DuplicateStatus status, UserId by, string byName, string? reason, DateTime now)
    {
        Status = status;
        DecidedBy = by;
        DecidedByName = byName;
        DecidedAt = now;
        Reason = reason;
    }

    private static string Required(string? reason, string message) =>
        TextRules.FreeText(reason, "reason", MaxReasonLength) ?? throw new ValidationException("reason", message);
}

/// <summary>
/// A person record's place in a person identity: records confirmed to be the same human being share an identity id.
/// Every source record stays as it was (its organisation, its cases, when it was recorded); a record in no
/// confirmed pair has no row. Rebuilt from the confirmed pairs when a merge is undone.
/// </summary>
public sealed class PersonIdentityMember
{
    private PersonIdentityMember()
    {
    }

    internal PersonIdentityMember(PersonId person, Guid identityId, DateTime now)
    {
        PersonId = person;
        IdentityId = identityId;
        JoinedAt = now;
    }

    public PersonId PersonId { get; private set; }
    public Guid IdentityId { get; private set; }
    public DateTime JoinedAt { get; private set; }

    internal void MoveTo(Guid identityId, DateTime now)
    {
        IdentityId = identityId;
        JoinedAt = now;
    }
}

/// <summary>A person whose identity changed and who waits to be linked against the others (the linking outbox).</summary>
public sealed class PersonLinkRequest
{
    private PersonLinkRequest()
    {
    }

    internal PersonLinkRequest(PersonId person)
    {
        Id = SequentialGuid.Next();
        PersonId = person;
    }

    public Guid Id { get; private set; }
    public PersonId PersonId { get; private set; }
}

/// <summary>
/// The parameters of a full linking run (m and u of every column and level, the prior), kept so that records added
/// later are scored with them. Holds no personal data: probabilities only.
/// </summary>
public sealed class LinkageParameters
{
    private LinkageParameters()
    {
    }

    internal LinkageParameters(string algorithmVersion, int records, long candidatePairs, string json, DateTime now)
    {
        Id = SequentialGuid.Next();
        AlgorithmVersion = algorithmVersion;
        Records = records;
        CandidatePairs = candidatePairs;
        Json = json;
        TrainedAt = now;
    }

    public Guid Id { get; private set; }
    public string AlgorithmVersion { get; private set; } = "";
    public int Records { get; private set; }
    public long CandidatePairs { get; private set; }
    public string Json { get; private set; } = "";
    public DateTime TrainedAt { get; private set; }
}
