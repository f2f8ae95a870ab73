using Lantern.Core.Features.Prosecutions;
using static Lantern.Core.Tests.Features.Prosecutions.ProceedingBuilders;

namespace Lantern.Core.Tests.Features.Prosecutions;

/// <summary>Deadline computation from the rules: due date, met, met late, overdue, moot.</summary>
public sealed class DeadlineTests
{
    private static readonly DeadlineRule Interim = DeadlineRule.Bundled().Single(r => r.DueStage == ProceedingStage.InterimReport);

    [Fact]
    public void Bundled_InterimReportRule_Is17DaysAfterTheFir_AndActive()
    {
        Assert.Equal(ProceedingStage.FirRegistered, Interim.AnchorStage);
        Assert.Equal(17, Interim.Days);
        Assert.True(Interim.Active);
        Assert.All(DeadlineRule.Bundled().Where(r => r.Verification == "unverified"), r => Assert.False(r.Active));
    }

    [Fact]
    public void For_NoAnchorStage_IsNull() => Assert.Null(Interim.For(At(Case(), ProceedingStage.ComplaintReceived), Today));

    [Fact]
    public void For_FirRegisteredAndNothingSince_IsOpenThenOverdue()
    {
        var c = Case();
        var p = new Proceeding(c.Id, Now);
        p.StartStage(ProceedingStage.FirRegistered, Today.AddDays(-17), Fir(), Today, Now);
        var due = Interim.For(p, Today)!;
        Assert.Equal(Today, due.DueOn);
        Assert.Equal(DeadlineStatus.Open, due.Status);
        var late = Interim.For(p, Today.AddDays(3))!;
        Assert.Equal(DeadlineStatus.Overdue, late.Status);
        Assert.Equal(3, late.DaysOverdue);
    }

    [Fact]
    public void For_ChallanWithinThePeriod_MeetsTheInterimReportDeadline()
    {
        var p = new Proceeding(Case().Id, Now);
        p.StartStage(ProceedingStage.FirRegistered, Today.AddDays(-40), Fir(), Today, Now);
        p.StartStage(ProceedingStage.Investigation, Today.AddDays(-39), StageDetails.None, Today, Now);
        p.StartStage(ProceedingStage.FinalReport, Today.AddDays(-30), StageDetails.None, Today, Now);
        Assert.Equal(DeadlineStatus.Met, Interim.For(p, Today)!.Status);
    }

    [Fact]
    public void For_InterimReportAfterTheDueDate_IsMetLate()
    {
        var p = new Proceeding(Case().Id, Now);
        p.StartStage(ProceedingStage.FirRegistered, Today.AddDays(-40), Fir(), Today, Now);
        p.StartStage(ProceedingStage.Investigation, Today.AddDays(-39), StageDetails.None, Today, Now);
        p.StartStage(ProceedingStage.InterimReport, Today.AddDays(-10), StageDetails.None, Today, Now);
        Assert.Equal(DeadlineStatus.MetLate, Interim.For(p, Today)!.Status);
    }

    [Fact]
    public void For_EndedEarly_IsMoot()
    {
        var p = new Proceeding(Case().Id, Now);
        p.StartStage(ProceedingStage.FirRegistered, Today.AddDays(-40), Fir(), Today, Now);
        p.EndEarly(EarlyEnding.FirCancelled, Today, "Cancelled.", [], Today, Now);
        Assert.Equal(DeadlineStatus.Moot, Interim.For(p, Today)!.Status);
    }
}
