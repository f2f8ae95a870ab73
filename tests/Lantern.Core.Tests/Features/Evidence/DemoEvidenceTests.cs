using Lantern.Core.Features.Evidence;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Tests.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Tests.Features.Evidence;

public sealed class DemoEvidenceTests(DemoSeedFixture fixture) : IClassFixture<DemoSeedFixture>
{
    [Fact]
    public async Task DemoSeed_AddsExhibitsThatVerify_DisplayCopiesWithoutLocation_AndGradedIntelligence()
    {
        var items = await fixture.QueryAsync(db => db.EvidenceItems.Include(e => e.Custody).ToListAsync());
        var files = await fixture.QueryAsync(async db => (await db.EvidenceFiles.ToListAsync()).Select(f => (f.EvidenceItemId, f.Variant, Plain: f.Open(db.Cipher))).ToList());
        var intelligence = await fixture.QueryAsync(db => db.IntelligenceItems.ToListAsync());

        Assert.True(items.Select(i => i.OrganisationId).Distinct().Count() >= 3, "exhibits in three offices");
        Assert.Contains(items, i => i.Kind == EvidenceKind.PhysicalItem && i.Custody.Count == 2);
        foreach (var (itemId, variant, plain) in files.Where(f => f.Variant == EvidenceFileVariant.Original))
        {
            Assert.Equal(items.Single(i => i.Id == itemId).Sha256, AddEvidence.Hash(plain));
        }
        var photo = files.First(f => f.Variant == EvidenceFileVariant.Original && items.Single(i => i.Id == f.EvidenceItemId).Kind == EvidenceKind.Photo);
        var copy = files.Single(f => f.EvidenceItemId == photo.EvidenceItemId && f.Variant == EvidenceFileVariant.Preview);
        Assert.True(EvidenceSamples.Contains(photo.Plain, "31.5204N"));
        Assert.False(EvidenceSamples.Contains(copy.Plain, "31.5204N"));
        Assert.Equal(ContentSniffer.Png, ContentSniffer.Inspect(photo.Plain, "photo.png", 1024 * 1024));
        Assert.Contains(intelligence, i => i.Handling == HandlingCode.H0);
        Assert.Contains(intelligence, i => i.Handling == HandlingCode.H2);
    }
}
