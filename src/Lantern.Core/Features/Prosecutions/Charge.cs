using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Prosecutions;

public enum ChargeOutcome { Pending, Convicted, Acquitted, Discharged, Withdrawn }

/// <summary>The sentence and orders of an outcome, as the court gave them.</summary>
public sealed record Sentence(int? ImprisonmentMonths, long? FineRupees, IReadOnlyList<(Guid VictimParticipantId, long Rupees)> Compensation)
{
    public static readonly Sentence None = new(null, null, []);
}

/// <summary>
/// One charge against one accused: the offence as the law stood on the date of the offence (the catalogue version
/// in force then), the particulars, and the outcome with its sentence and compensation orders (CrPC s.545; PTPA s.13).
/// </summary>
public sealed class Charge
{
    private readonly List<CompensationOrder> _compensation = [];

    private Charge()
    {
    }

    internal Charge(Proceeding proceeding, Guid accusedParticipantId, OffenceVersion version, DateOnly offenceDate, string? particulars, DateOnly? framedOn)
    {
        Id = SequentialGuid.Next();
        ProceedingId = proceeding.Id;
        CaseId = proceeding.CaseId;
        AccusedParticipantId = accusedParticipantId;
        Instrument = version.Instrument;
        Section = version.Section;
        VersionEffectiveFrom = version.EffectiveFrom;
        Title = version.Title;
        OffenceDate = offenceDate;
        Particulars = TextRules.FreeText(particulars, "particulars", Proceeding.MaxTextLength);
        FramedOn = framedOn;
        Outcome = ChargeOutcome.Pending;
    }

    public Guid Id { get; private set; }
    public Guid ProceedingId { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public Guid AccusedParticipantId { get; private set; }
    public string Instrument { get; private set; } = "";
    public string Section { get; private set; } = "";

    /// <summary>Names the catalogue version the charge uses: the one in force on <see cref="OffenceDate"/>.</summary>
    public DateOnly VersionEffectiveFrom { get; private set; }

    public string Title { get; private set; } = "";
    public DateOnly OffenceDate { get; private set; }
    public string? Particulars { get; private set; }
    public DateOnly? FramedOn { get; private set; }
    public ChargeOutcome Outcome { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public int? ImprisonmentMonths { get; private set; }
    public long? FineRupees { get; private set; }

    /// <summary>Why a sentence outside the offence's range was recorded anyway (the user confirmed it).</summary>
    public string? SentenceConfirmation { get; private set; }

    public IReadOnlyList<CompensationOrder> Compensation => _compensation;

    public bool SentenceOutsideRange => SentenceConfirmation is not null;

    /// <summary>The catalogue version this charge uses.</summary>
    public OffenceVersion VersionIn(OffenceCatalogue catalogue) =>
        catalogue.Offences.FirstOrDefault(o => o.Instrument == Instrument && o.Section == Section)?.Versions.FirstOrDefault(v => v.EffectiveFrom == VersionEffectiveFrom)
        ?? catalogue.VersionInForce(Instrument, Section, OffenceDate);

    public void Frame(DateOnly on, DateOnly today)
    {
        if (on < OffenceDate || on > today)
        {
            throw new ValidationException("framedOn", "A charge is framed after the offence and not in the future.");
        }
        FramedOn = on;
    }

    /// <summary>
    /// Records the outcome. A conviction needs a sentence the offence allows (its ranges and penalty mode); one outside
    /// them is refused unless <paramref name="confirmation"/> says why it stands. Other outcomes carry no sentence.
    /// </summary>
    public void Decide(ChargeOutcome outcome, DateOnly? decidedOn, Sentence sentence, string? confirmation, OffenceVersion version, ISet<Guid> victims, DateOnly today)
    {
        if (outcome != ChargeOutcome.Pending)
        {
            if (decidedOn is not { } decided)
            {
                throw new ValidationException("decidedOn", "Say when the court decided.");
            }
            if (decided > today || decided < OffenceDate)
            {
                throw new ValidationException("decidedOn", "The decision is after the offence and not in the future.");
            }
        }
        if (outcome != ChargeOutcome.Convicted && (sentence.ImprisonmentMonths is not null || sentence.FineRupees is not null || sentence.Compensation.Count > 0))
        {
            throw new ValidationException(sentence.ImprisonmentMonths is not null ? "imprisonmentMonths" : sentence.FineRupees is not null ? "fineRupees" : "compensation",
                "Only a conviction carries a sentence or a compensation order.");
        }
        if (sentence.ImprisonmentMonths is < 0 or > 1200)
        {
            throw new ValidationException("imprisonmentMonths", "Imprisonment is a number of months between 0 and 1200.");
        }
        if (sentence.FineRupees is < 0)
        {
            throw new ValidationException("fineRupees", "A fine cannot be negative.");
        }
        foreach (var (victim, rupees) in sentence.Compensation)
        {
            if (!victims.Contains(victim))
            {
                throw new ValidationException("compensation", "Compensation is ordered to a victim of this case.");
            }
            if (rupees <= 0)
            {
                throw new ValidationException("compensation", "Compensation is an amount of rupees above zero.");
            }
        }
        var reason = TextRules.FreeText(confirmation, "sentenceConfirmation", 1000);
        string? outside = null;
        if (outcome == ChargeOutcome.Convicted)
        {
            var problems = SentenceCheck.Problems(version, sentence.ImprisonmentMonths, sentence.FineRupees);
            if (problems.Count > 0 && reason is null)
            {
                var (field, message) = problems[0];
                throw new ValidationException(field, message + " To record it anyway, confirm with a reason (sentenceConfirmation).");
            }
            outside = problems.Count > 0 ? reason : null;
        }
        Outcome = outcome;
        DecidedOn = outcome == ChargeOutcome.Pending ? null : decidedOn;
        ImprisonmentMonths = sentence.ImprisonmentMonths;
        FineRupees = sentence.FineRupees;
        SentenceConfirmation = outside;
        _compensation.Clear();
        _compensation.AddRange(sentence.Compensation.Select(c => new CompensationOrder(Id, c.VictimParticipantId, c.Rupees)));
    }
}

/// <summary>Compensation the court ordered the convicted accused to pay a victim (CrPC s.545; PTPA s.13).</summary>
public sealed class CompensationOrder
{
    private CompensationOrder()
    {
    }

    internal CompensationOrder(Guid chargeId, Guid victimParticipantId, long rupees)
    {
        Id = SequentialGuid.Next();
        ChargeId = chargeId;
        VictimParticipantId = victimParticipantId;
        Rupees = rupees;
    }

    public Guid Id { get; private set; }
    public Guid ChargeId { get; private set; }
    public Guid VictimParticipantId { get; private set; }
    public long Rupees { get; private set; }
}

/// <summary>Whether a sentence is one the offence version allows: its imprisonment and fine ranges under its penalty mode.</summary>
public static class SentenceCheck
{
    /// <summary>Each problem as (field, message); empty when the sentence fits.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(OffenceVersion version, int? months, long? fine)
    {
        var problems = new List<(string, string)>();
        var name = $"{version.Instrument} s.{version.Section} (version of {version.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
        if (months is null && fine is null)
        {
            problems.Add(("imprisonmentMonths", $"A conviction needs a sentence: imprisonment, a fine, or both as {name} allows."));
            return problems;
        }
        if (months is { } m)
        {
            if (version.ImprisonmentMonths is not { } range)
            {
                problems.Add(("imprisonmentMonths", $"{name} sets no imprisonment of its own."));
            }
            else if (m < (range.Min ?? 0) || (range.Max is { } max && m > max))
            {
                problems.Add(("imprisonmentMonths", string.Create(CultureInfo.InvariantCulture, $"{m} months is outside the range of {name}: {Describe(range, " months")}.")));
            }
        }
        if (fine is { } f && version.FineRupees is { } fineRange && (f < (fineRange.Min ?? 0) || (fineRange.Max is { } fmax && f > fmax)))
        {
            problems.Add(("fineRupees", string.Create(CultureInfo.InvariantCulture, $"Rs {f} is outside the fine range of {name}: {Describe(fineRange, " rupees")}.")));
        }
        switch (version.PenaltyMode)
        {
            case "cumulative":
                if (months is null && version.ImprisonmentMonths is not null)
                {
                    problems.Add(("imprisonmentMonths", $"{name} punishes with imprisonment and fine: imprisonment is required."));
                }
                if (fine is null && version.FineRupees is not null)
                {
                    problems.Add(("fineRupees", $"{name} punishes with imprisonment and fine: a fine is required."));
                }
                break;
            case "alternative":
                if (months is not null && fine is not null)
                {
                    problems.Add(("fineRupees", $"{name} punishes with imprisonment or a fine, not both."));
                }
                break;
            default:
                break;
        }
        return problems;
    }

    public static string Describe(PenaltyRange range, string unit) => range switch
    {
        { Min: null, Max: null } => "amount not stated",
        { Min: null } => string.Create(CultureInfo.InvariantCulture, $"up to {range.Max}{unit}"),
        { Max: null } => string.Create(CultureInfo.InvariantCulture, $"at least {range.Min}{unit}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{range.Min} to {range.Max}{unit}"),
    };
}
