using Lantern.Core.Features.Watchlists;
using Lantern.Core.Tests.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Tests.Features.Watchlists;

public sealed class DemoWatchlistTests(DemoSeedFixture fixture) : IClassFixture<DemoSeedFixture>
{
    [Fact]
    public async Task DemoSeed_AddsTheFourLists_WithEntriesHistoryAndImports()
    {
        var lists = await fixture.QueryAsync(db => db.Watchlists.ToListAsync());
        var counts = await fixture.QueryAsync(db => db.WatchlistItems.GroupBy(i => i.WatchlistId).Select(g => new { g.Key, Count = g.Count(), Children = g.Count(i => i.IsChild) }).ToDictionaryAsync(g => g.Key));
        var suspects = lists.Single(l => l.Source == WatchlistSource.Records);
        Assert.True(counts[suspects.Id].Count >= 10, $"{counts[suspects.Id].Count} suspects");
        var wanted = lists.Single(l => l.Kind == WatchlistKind.Wanted);
        Assert.Equal((30, 30), (counts[wanted.Id].Count, wanted.Version));
        var missing = lists.Single(l => l.Kind == WatchlistKind.MissingChildren);
        Assert.Equal((25, 25), (counts[missing.Id].Count, counts[missing.Id].Children));
        Assert.Equal(2, missing.Screeners.Count);
        var un = lists.Single(l => l.Kind == WatchlistKind.Sanctions);
        Assert.Equal(4, counts[un.Id].Count);
        var imports = await fixture.QueryAsync(db => db.WatchlistImports.ToListAsync());
        Assert.Equal(2, imports.Count);
        var urdu = await fixture.QueryAsync(db => db.WatchlistItems.Where(i => i.WatchlistId == wanted.Id).ToListAsync());
        Assert.Contains(urdu, i => i.AliasList.Any(a => a.Any(c => c is >= '\u0600' and <= '\u06FF')));
        Assert.Contains(urdu, i => i.NationalId is not null);
    }
}
