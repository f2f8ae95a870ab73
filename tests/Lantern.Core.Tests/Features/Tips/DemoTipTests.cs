using Lantern.Core.Features.Tips;
using Lantern.Core.Tests.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Tests.Features.Tips;

/// <summary>The demo's tips: a dozen, at two offices, some triaged, one urgent child alert waiting, one turned into a case.</summary>
public sealed class DemoTipTests(DemoSeedFixture fixture) : IClassFixture<DemoSeedFixture>
{
    [Fact]
    public async Task Seed_EmptyDatabase_AddsTriagedTipsAnAlertAndOneCase()
    {
        var tips = await fixture.QueryAsync(db => db.Tips.AsNoTracking().ToListAsync());
        Assert.Equal(12, tips.Count);
        Assert.Equal(2, tips.Select(t => t.OrganisationId).Distinct().Count());
        Assert.Contains(tips, t => t.Channel == TipChannel.Phone && t.CallLanguage is not null);
        Assert.Contains(tips, t => t.AssignedToUsername is not null);
        var converted = Assert.Single(tips, t => t.CaseId is not null);
        Assert.Equal(TipCloseReason.CaseOpened, converted.CloseReason);
        var reference = await fixture.QueryAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == converted.CaseId).Select(c => c.Reference).SingleAsync());
        Assert.Matches(@"^AHTC-(LHR|KHI)-20\d\d-9101$", reference);
        Assert.NotEmpty(await fixture.QueryAsync(db => db.TipAlerts.AsNoTracking().ToListAsync()));
    }
}
