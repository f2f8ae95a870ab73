using Lantern.Core.Features.Referrals;
using Lantern.Core.Tests.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Tests.Features.Referrals;

public sealed class DemoReferralTests(DemoSeedFixture fixture) : IClassFixture<DemoSeedFixture>
{
    [Fact]
    public async Task DemoSeed_AddsServicesAndReferralsInEveryState_OneOverdue_OneWithConsentWithdrawn()
    {
        var services = await fixture.QueryAsync(db => db.ServiceProviders.CountAsync());
        var referrals = await fixture.QueryAsync(db => db.Referrals.ToListAsync());

        Assert.True(services >= 8, $"{services} services");
        Assert.Equal(Enum.GetValues<ReferralState>().Order(), referrals.Select(r => r.State).Distinct().Order());
        Assert.Contains(referrals, r => r.IsOverdue(fixture.Now));
        Assert.Contains(referrals, r => r.ConsentWithdrawnAt is not null && r.IsOpen && r.VictimName is null);
        Assert.All(referrals.Where(r => r.IsChild), r => Assert.NotEqual(ServiceType.EducationAndLivelihood, r.ServiceType));
        Assert.All(referrals, r => Assert.NotEqual(r.SendingOrganisationId, r.ReceivingOrganisationId));
    }
}
