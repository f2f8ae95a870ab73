using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Tests.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Tests.Features.Prosecutions;

public sealed class DemoProsecutionTests(DemoSeedFixture fixture) : IClassFixture<DemoSeedFixture>
{
    [Fact]
    public async Task DemoSeed_AddsProceedingsToJudgment_WithChargesHearingsAndAProtectedVictim()
    {
        var proceedings = await fixture.QueryAsync(db => db.Proceedings.Include(p => p.Stages).Include(p => p.Charges).ToListAsync());
        var hearings = await fixture.QueryAsync(db => db.Hearings.CountAsync());
        var protections = await fixture.QueryAsync(db => db.WitnessProtections.CountAsync());

        Assert.True(proceedings.Count >= 10, $"{proceedings.Count} proceedings");
        Assert.Contains(proceedings, p => p.Stage(ProceedingStage.Judgment) is not null && p.Charges.Any(c => c.Outcome == ChargeOutcome.Convicted));
        Assert.Contains(proceedings, p => p.EndedBy == EarlyEnding.ComplaintClosed);
        Assert.True(hearings > 0);
        Assert.True(protections > 0);
    }
}
