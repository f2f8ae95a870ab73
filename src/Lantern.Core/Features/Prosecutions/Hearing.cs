using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Prosecutions;

public enum HearingPurpose { Remand, Bail, FramingOfCharge, ProsecutionEvidence, VictimStatement, StatementOfAccused, DefenceEvidence, Arguments, Judgment, Appeal, Other }

/// <summary>
/// One court date of a case: when, where, why; afterwards what happened and the next date (an adjournment has its
/// reason). Recording the outcome with a next date schedules the next hearing.
/// </summary>
public sealed class Hearing
{
    public const int MaxTextLength = 4000;

    private Hearing()
    {
    }

    internal Hearing(CaseId caseId, DateOnly date, TimeOnly? time, string court, HearingPurpose purpose, Guid? previousHearingId, DateTime now)
    {
        Id = SequentialGuid.Next();
        CaseId = caseId;
        Date = date;
        Time = time;
        Court = TextRules.Place(court, "court", 200) ?? throw new ValidationException("court", "Name the court.");
        Purpose = purpose;
        PreviousHearingId = previousHearingId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public TimeOnly? Time { get; private set; }
    public string Court { get; private set; } = "";
    public HearingPurpose Purpose { get; private set; }

    /// <summary>What happened, in the prosecutor's words (encrypted).</summary>
    public string? Proceedings { get; private set; }

    public bool Held { get; private set; }
    public DateOnly? NextDate { get; private set; }
    public string? AdjournmentReason { get; private set; }
    public Guid? PreviousHearingId { get; private set; }
    public Guid? NextHearingId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? RecordedAt { get; private set; }

    public bool IsAdjourned => AdjournmentReason is not null;

    public static Hearing Schedule(CaseId caseId, DateOnly date, TimeOnly? time, string? court, HearingPurpose purpose, DateTime now) =>
        new(caseId, date, time, court ?? "", purpose, null, now);

    /// <summary>
    /// Records what happened. A next date must be after this hearing; it returns the next hearing to add (same court,
    /// <paramref name="nextPurpose"/> or the same purpose).
    /// </summary>
    public Hearing? RecordOutcome(string? proceedings, DateOnly? nextDate, HearingPurpose? nextPurpose, string? adjournmentReason, DateOnly today, DateTime now)
    {
        if (Date > today)
        {
            throw new ValidationException("date", string.Create(CultureInfo.InvariantCulture, $"The hearing of {Date:yyyy-MM-dd} has not taken place yet."));
        }
        if (nextDate is { } next && next <= Date)
        {
            throw new ValidationException("nextDate", "The next date comes after this hearing.");
        }
        if (adjournmentReason is not null && nextDate is null)
        {
            throw new ValidationException("nextDate", "An adjourned hearing needs the next date.");
        }
        Proceedings = TextRules.FreeText(proceedings, "proceedings", MaxTextLength);
        AdjournmentReason = TextRules.FreeText(adjournmentReason, "adjournmentReason", 1000);
        Held = true;
        RecordedAt = now;
        if (nextDate == NextDate)
        {
            return null;
        }
        NextDate = nextDate;
        if (nextDate is null)
        {
            return null;
        }
        var following = new Hearing(CaseId, nextDate.Value, Time, Court, nextPurpose ?? Purpose, Id, now);
        NextHearingId = following.Id;
        return following;
    }
}
