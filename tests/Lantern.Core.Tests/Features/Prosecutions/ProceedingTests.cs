using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using static Lantern.Core.Tests.Features.Prosecutions.ProceedingBuilders;

namespace Lantern.Core.Tests.Features.Prosecutions;

/// <summary>The proceeding aggregate: stage order, dates, early endings, absconding, charges.</summary>
public sealed class ProceedingTests
{
    [Fact]
    public void StartStage_InLegalOrderSkippingInquiry_CompletesThePreviousStage()
    {
        var c = Case();
        var p = new Proceeding(c.Id, Now);
        p.StartStage(ProceedingStage.ComplaintReceived, Today.AddDays(-30), StageDetails.None, Today, Now);
        p.StartStage(ProceedingStage.FirRegistered, Today.AddDays(-20), Fir(), Today, Now);

        Assert.Equal(Today.AddDays(-20), p.Stage(ProceedingStage.ComplaintReceived)!.CompletedOn);
        Assert.Equal(10, p.Stage(ProceedingStage.ComplaintReceived)!.DaysTaken(Today));
        Assert.Equal([ProceedingStage.Investigation], p.NextStages());
        Assert.Equal("AHTC Lahore", p.Stage(ProceedingStage.FirRegistered)!.PoliceStation);
    }

    [Fact]
    public void StartStage_Backwards_IsRefused()
    {
        var p = At(Case(), ProceedingStage.Investigation);
        var e = Assert.Throws<ValidationException>(() => p.StartStage(ProceedingStage.FirRegistered, Today, Fir(), Today, Now));
        Assert.Equal("stage", e.Field);
    }

    [Fact]
    public void StartStage_AppealBeforeJudgment_IsRefused()
    {
        var p = At(Case(), ProceedingStage.Trial);
        var e = Assert.Throws<ValidationException>(() => p.StartStage(ProceedingStage.Appeal, Today, Court(), Today, Now));
        Assert.Equal("stage", e.Field);
        p.StartStage(ProceedingStage.Judgment, Today, StageDetails.None, Today, Now);
        p.StartStage(ProceedingStage.Appeal, Today, Court(), Today, Now);
        Assert.Empty(p.NextStages());
    }

    [Fact]
    public void StartStage_BeforeThePreviousStageStarted_IsRefused()
    {
        var p = At(Case(), ProceedingStage.FirRegistered, Today.AddDays(-10));
        var e = Assert.Throws<ValidationException>(() => p.StartStage(ProceedingStage.Investigation, Today.AddDays(-5), StageDetails.None, Today, Now));
        Assert.Equal("startedOn", e.Field);
    }

    [Fact]
    public void StartStage_InTheFuture_IsRefused() =>
        Assert.Equal("startedOn", Assert.Throws<ValidationException>(() => new Proceeding(Case().Id, Now).StartStage(ProceedingStage.ComplaintReceived, Today.AddDays(1), StageDetails.None, Today, Now)).Field);

    [Fact]
    public void StartStage_FirWithoutNumberOrStation_NamesTheField()
    {
        var p = new Proceeding(Case().Id, Now);
        Assert.Equal("firNumber", Assert.Throws<ValidationException>(() => p.StartStage(ProceedingStage.FirRegistered, Today, StageDetails.None with { PoliceStation = "PS Saddar" }, Today, Now)).Field);
        Assert.Equal("policeStation", Assert.Throws<ValidationException>(() => p.StartStage(ProceedingStage.FirRegistered, Today, StageDetails.None with { FirNumber = "1/2026" }, Today, Now)).Field);
    }

    [Fact]
    public void StartStage_TrialWithoutCourt_NamesTheField()
    {
        var p = At(Case(), ProceedingStage.FinalReport);
        Assert.Equal("court", Assert.Throws<ValidationException>(() => p.StartStage(ProceedingStage.Trial, Today, StageDetails.None, Today, Now)).Field);
    }

    [Fact]
    public void EndEarly_ClosesTheProceeding_AndRefusesMoreStages()
    {
        var p = At(Case(), ProceedingStage.ComplaintReceived);
        p.EndEarly(EarlyEnding.ComplaintClosed, Today, "No cognizable offence disclosed on verification.", [], Today, Now);
        Assert.True(p.IsConcluded);
        Assert.Empty(p.NextStages());
        Assert.Equal("proceeding", Assert.Throws<ValidationException>(() => p.StartStage(ProceedingStage.FirRegistered, Today, Fir(), Today, Now)).Field);
    }

    [Fact]
    public void EndEarly_ComplaintClosedAfterFir_IsRefused_ButFirCancelledIsAllowed()
    {
        var p = At(Case(), ProceedingStage.Investigation);
        Assert.Equal("reason", Assert.Throws<ValidationException>(() => p.EndEarly(EarlyEnding.ComplaintClosed, Today, "x", [], Today, Now)).Field);
        p.EndEarly(EarlyEnding.FirCancelled, Today, "Cancellation report accepted by the Magistrate.", [], Today, Now);
        Assert.Equal(EarlyEnding.FirCancelled, p.EndedBy);
    }

    [Fact]
    public void EndEarly_WithoutReasonText_IsRefused() =>
        Assert.Equal("text", Assert.Throws<ValidationException>(() => At(Case(), ProceedingStage.ComplaintReceived).EndEarly(EarlyEnding.ComplaintClosed, Today, " ", [], Today, Now)).Field);

    [Fact]
    public void EndEarly_CompromiseOfATraffickingCharge_IsRefused()
    {
        var c = Case();
        var p = At(c, ProceedingStage.Trial);
        var version = Version("PTPA 2018", "3(2)", new DateOnly(2024, 1, 10));
        p.AddCharge(Accused(c), version, new DateOnly(2024, 1, 10), "Recruited the victim by deception.", Today, Today, Now);
        var e = Assert.Throws<ValidationException>(() => p.EndEarly(EarlyEnding.Compromise, Today, "Parties compromised.", [version], Today, Now));
        Assert.Contains("PTPA 2018 s.3(2)", e.Message, StringComparison.Ordinal);
        Assert.False(p.IsEndedEarly);
    }

    [Fact]
    public void EndEarly_CompromiseWhereEveryOffenceIsCompoundable_IsAllowed()
    {
        var catalogue = OffenceCatalogue.Parse("""
            [{ "instrument": "PPC 1860", "section": "337-A", "title": "Hurt", "elements": ["causes hurt"], "effectiveFrom": "1860-10-06",
               "imprisonmentMonths": null, "fineRupees": null, "penaltyMode": null, "penaltyNote": null, "cognizable": null, "bailable": null,
               "investigatingAgency": null, "court": null, "verification": "unverified", "source": "test", "compoundable": true, "compoundableVerification": "unverified" }]
            """);
        var c = Case();
        var p = At(c, ProceedingStage.Trial);
        var version = catalogue.VersionInForce("PPC 1860", "337-A", Today);
        p.AddCharge(Accused(c), version, Today.AddDays(-300), null, null, Today, Now);
        p.EndEarly(EarlyEnding.Compromise, Today, "Compounded before the court.", [version], Today, Now);
        Assert.Equal(EarlyEnding.Compromise, p.EndedBy);
    }

    [Fact]
    public void DeclareAbsconding_OneAccused_DoesNotEndTheCase_AndEndingNeedsEveryChargedAccusedAbsconding()
    {
        var c = Case();
        var second = c.AddParticipant(Person("Bashir", "Khan"), CaseRole.Suspect, Now);
        var p = At(c, ProceedingStage.Trial);
        var version = Version("PTPA 2018", "3(1)", new DateOnly(2024, 1, 10));
        p.AddCharge(Accused(c), version, new DateOnly(2024, 1, 10), null, null, Today, Now);
        p.AddCharge(second, version, new DateOnly(2024, 1, 10), null, null, Today, Now);

        p.DeclareAbsconding(Accused(c), Today, "Proclamation 7/2026", Today, Now);
        Assert.False(p.IsEndedEarly);
        Assert.Equal("reason", Assert.Throws<ValidationException>(() => p.EndEarly(EarlyEnding.AccusedAbsconding, Today, "All absconded.", [], Today, Now)).Field);

        p.DeclareAbsconding(second, Today, null, Today, Now);
        p.EndEarly(EarlyEnding.AccusedAbsconding, Today, "Both accused proclaimed offenders; case kept as untraced.", [], Today, Now);
        Assert.Equal(EarlyEnding.AccusedAbsconding, p.EndedBy);
    }

    [Fact]
    public void AddCharge_AgainstAVictim_IsRefused()
    {
        var c = Case();
        var p = At(c, ProceedingStage.Trial);
        var e = Assert.Throws<ValidationException>(() => p.AddCharge(Victim(c), Version("PTPA 2018", "3(1)", Today), Today, null, null, Today, Now));
        Assert.Equal("accusedParticipantId", e.Field);
    }
}
