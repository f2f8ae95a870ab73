using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using static Lantern.Core.Tests.Features.Prosecutions.ProceedingBuilders;

namespace Lantern.Core.Tests.Features.Prosecutions;

/// <summary>Offence version selection by date and sentence checks against the version's ranges and penalty mode.</summary>
public sealed class SentenceTests
{
    private static readonly HashSet<Guid> NoVictims = [];

    [Fact]
    public void VersionInForce_BeforeAndAfterThe2025Amendment_PicksEachVersion()
    {
        Assert.Equal(new DateOnly(2018, 5, 30), Version("PTPA 2018", "3(2)", new DateOnly(2025, 2, 16)).EffectiveFrom);
        Assert.Equal(new DateOnly(2025, 2, 17), Version("PTPA 2018", "3(2)", new DateOnly(2025, 2, 17)).EffectiveFrom);
        Assert.Equal("offenceDate", Assert.Throws<ValidationException>(() => Version("PTPA 2018", "3(1)", new DateOnly(2018, 5, 29))).Field);
    }

    [Fact]
    public void AddCharge_UsesTheVersionInForceOnTheOffenceDate()
    {
        var c = Case();
        var p = At(c, ProceedingStage.Trial);
        var early = p.AddCharge(Accused(c), Version("PTPA 2018", "3(2)", new DateOnly(2024, 12, 1)), new DateOnly(2024, 12, 1), null, null, Today, Now);
        var late = p.AddCharge(Accused(c), Version("PTPA 2018", "3(2)", new DateOnly(2025, 6, 1)), new DateOnly(2025, 6, 1), null, null, Today, Now);
        Assert.Equal(new DateOnly(2018, 5, 30), early.VersionEffectiveFrom);
        Assert.Equal(new DateOnly(2025, 2, 17), late.VersionEffectiveFrom);
        Assert.Equal(168, late.VersionIn(OffenceCatalogue.Bundled).ImprisonmentMonths!.Max);
    }

    private static Charge ChargeUnder(string instrument, string section, out OffenceVersion version, out HashSet<Guid> victims)
    {
        var c = Case();
        var p = At(c, ProceedingStage.Judgment);
        var date = new DateOnly(2024, 1, 10);
        version = Version(instrument, section, date);
        victims = [Victim(c).Id];
        return p.AddCharge(Accused(c), version, date, null, Today.AddDays(-60), Today, Now);
    }

    [Fact]
    public void Decide_ImprisonmentAboveTheMaximum_IsRefusedNamingTheFieldAndRange()
    {
        var charge = ChargeUnder("PTPA 2018", "3(2)", out var version, out var victims);
        var e = Assert.Throws<ValidationException>(() => charge.Decide(ChargeOutcome.Convicted, Today, new Sentence(130, null, []), null, version, victims, Today));
        Assert.Equal("imprisonmentMonths", e.Field);
        Assert.Contains("24 to 120 months", e.Message, StringComparison.Ordinal);
        Assert.Equal(ChargeOutcome.Pending, charge.Outcome);
    }

    [Fact]
    public void Decide_ImprisonmentBelowTheMinimum_IsAcceptedWithAConfirmationReason()
    {
        var charge = ChargeUnder("PTPA 2018", "3(2)", out var version, out var victims);
        charge.Decide(ChargeOutcome.Convicted, Today, new Sentence(12, null, []), "Plea bargain accepted by the court; order of 2026-11-20.", version, victims, Today);
        Assert.True(charge.SentenceOutsideRange);
        Assert.Equal(12, charge.ImprisonmentMonths);
    }

    [Fact]
    public void Decide_WithinRange_NeedsNoReason_AndRecordsCompensation()
    {
        var charge = ChargeUnder("PTPA 2018", "3(2)", out var version, out var victims);
        charge.Decide(ChargeOutcome.Convicted, Today, new Sentence(60, 500_000, [(victims.Single(), 200_000)]), null, version, victims, Today);
        Assert.False(charge.SentenceOutsideRange);
        Assert.Equal(200_000, Assert.Single(charge.Compensation).Rupees);
    }

    [Fact]
    public void Decide_CumulativeModeWithoutFine_IsRefused()
    {
        var charge = ChargeUnder("PSMA 2018", "3", out var version, out var victims);
        var e = Assert.Throws<ValidationException>(() => charge.Decide(ChargeOutcome.Convicted, Today, new Sentence(40, null, []), null, version, victims, Today));
        Assert.Equal("fineRupees", e.Field);
        charge.Decide(ChargeOutcome.Convicted, Today, new Sentence(40, 100_000, []), null, version, victims, Today);
        Assert.False(charge.SentenceOutsideRange);
    }

    [Fact]
    public void Decide_EitherOrBothMode_AcceptsAFineAlone()
    {
        var charge = ChargeUnder("PTPA 2018", "3(1)", out var version, out var victims);
        charge.Decide(ChargeOutcome.Convicted, Today, new Sentence(null, 300_000, []), null, version, victims, Today);
        Assert.Equal(300_000, charge.FineRupees);
    }

    [Fact]
    public void Problems_AlternativeModeWithBoth_IsAProblem()
    {
        var version = Version("PTPA 2018", "3(1)", Today) with { PenaltyMode = "alternative", ImprisonmentMonths = new PenaltyRange(null, 60), FineRupees = new PenaltyRange(null, 100_000) };
        Assert.Equal("fineRupees", Assert.Single(SentenceCheck.Problems(version, 12, 1000)).Field);
        Assert.Empty(SentenceCheck.Problems(version, 12, null));
    }

    [Fact]
    public void Decide_AcquittalWithASentence_IsRefused()
    {
        var charge = ChargeUnder("PTPA 2018", "3(1)", out var version, out var victims);
        Assert.Equal("imprisonmentMonths", Assert.Throws<ValidationException>(() => charge.Decide(ChargeOutcome.Acquitted, Today, new Sentence(12, null, []), null, version, victims, Today)).Field);
        charge.Decide(ChargeOutcome.Acquitted, Today, Sentence.None, null, version, victims, Today);
        Assert.Equal(ChargeOutcome.Acquitted, charge.Outcome);
    }

    [Fact]
    public void Decide_CompensationToSomeoneNotAVictim_IsRefused()
    {
        var charge = ChargeUnder("PTPA 2018", "3(1)", out var version, out _);
        Assert.Equal("compensation", Assert.Throws<ValidationException>(() => charge.Decide(ChargeOutcome.Convicted, Today, new Sentence(12, null, [(Guid.NewGuid(), 1000)]), null, version, NoVictims, Today)).Field);
    }
}
