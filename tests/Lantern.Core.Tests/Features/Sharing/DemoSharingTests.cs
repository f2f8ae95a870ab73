using Lantern.Core.Features.Demo;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Features.Sharing;
using Lantern.Core.Tests.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Tests.Features.Sharing;

public sealed class DemoSharingTests(DemoSeedFixture fixture) : IClassFixture<DemoSeedFixture>
{
    [Fact]
    public async Task DemoSeed_AddsThePartnerInstallation_AndOneReceivedPackageWithItsCodes()
    {
        var partners = await fixture.QueryAsync(db => db.SharingPartners.ToListAsync());
        var packages = await fixture.QueryAsync(db => db.SharingPackages.ToListAsync());
        var items = await fixture.QueryAsync(db => db.ReceivedItems.ToListAsync());

        Assert.Equal(2, partners.Count(p => p.Name == DemoSeeder.DemoPartnerName));
        var package = Assert.Single(packages);
        Assert.Equal(PackageDirection.Received, package.Direction);
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(package.Id, i.PackageId));
        Assert.Contains(items, i => i.Handling == HandlingCode.H1 && !i.MayBeEvidence && i.Content.Contains("Gujranwala", StringComparison.Ordinal));
    }
}
