using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// A relation recorded on a case between two things Lantern's other records do not hold as such: a person and a bank
/// account, a phone and another phone, a suspect and a recruiting agency, a vehicle and its driver. Each end is a kind
/// (<see cref="NodeType"/>) and a value; the value is encrypted and only its blind-index key is stored in the clear,
/// so the same account or vehicle recorded in two cases becomes one node of the network without a plain value in the
/// database. Seen by whoever sees the case.
/// </summary>
public sealed class CaseRelation
{
    public const int MaxValueLength = 200;
    public const int MaxNoteLength = 2000;

    private CaseRelation()
    {
    }

    internal CaseRelation(Case @case, RelationEnd from, RelationEnd to, EdgeType type, DateOnly? validFrom, DateOnly? validTo, string? note, string recordedBy, DateTime now)
    {
        if (from.Type == to.Type && from.Key == to.Key)
        {
            throw new ValidationException("to", "A relation joins two different things.");
        }
        if (validFrom is { } f && validTo is { } t && t < f)
        {
            throw new ValidationException("validTo", "The relation cannot end before it starts.");
        }
        Id = SequentialGuid.Next();
        CaseId = @case.Id;
        Case = @case;
        FromType = from.Type;
        FromValue = from.Value;
        FromKey = from.Key;
        ToType = to.Type;
        ToValue = to.Value;
        ToKey = to.Key;
        Type = type;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Note = note;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public NodeType FromType { get; private set; }

    /// <summary>The value as written (encrypted at rest); for a person, the person id.</summary>
    public string FromValue { get; private set; } = "";

    /// <summary>The node key: a blind-index hash for phones, documents, accounts, vehicles, organisations and addresses.</summary>
    public string FromKey { get; private set; } = "";

    public NodeType ToType { get; private set; }
    public string ToValue { get; private set; } = "";
    public string ToKey { get; private set; } = "";
    public EdgeType Type { get; private set; }
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
}

/// <summary>One end of a relation: its kind, its value as written (normalised) and its node key.</summary>
public readonly record struct RelationEnd(NodeType Type, string Value, string Key);
