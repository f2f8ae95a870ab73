using Lantern.Core.Features.Watchlists;

namespace Lantern.Core.Tests.Features.Watchlists;

public sealed class ScreenedPopulationTests
{
    /// <summary>The list after a change: some entries get a new alias, a corrected birth date or another name; two are new.</summary>
    private static (List<WatchlistEntry> List, List<WatchlistEntry> Changed) Change(List<WatchlistEntry> entries, int seed)
    {
        var random = new Random(seed);
        var list = entries.ToList();
        var changed = new List<WatchlistEntry>();
        for (var i = seed % 7; i < list.Count; i += 23)
        {
            var e = list[i];
            var updated = (i % 3) switch
            {
                0 => e with { Names = [.. e.Names, ScreeningSamples.Name(random)], Version = e.Version + 1 },
                1 => e with { BirthDate = "1970-08-17", Nationality = "PK", Version = e.Version + 1 },
                _ => e with { Names = [ScreeningSamples.Name(random)], Version = e.Version + 1 },
            };
            list[i] = updated;
            changed.Add(updated);
        }
        for (var n = 0; n < 2; n++)
        {
            var added = new WatchlistEntry($"N{seed}-{n}", [ScreeningSamples.Name(random), ScreeningSamples.Name(random)], "1985-11-30", Version: 1);
            list.Add(added);
            changed.Add(added);
        }
        return (list, changed);
    }

    [Theory]
    [InlineData(0.75)]
    [InlineData(0.6)]
    public void Rescreen_ChangedEntries_EqualsAFullScreenRestrictedToThem(double threshold)
    {
        var subjects = ScreeningSamples.Subjects(21, 400);
        using var population = ScreenedPopulation.Prepare(subjects, NameMatcher.Bundled);
        var (list, changed) = Change(ScreeningSamples.Entries(22, 300), seed: 5);

        var delta = population.Rescreen(changed, "v2", threshold);

        using var full = WatchlistIndex.Build(list, "v2", NameMatcher.Bundled);
        var ids = changed.Select(e => e.Id).ToHashSet();
        var expected = subjects.SelectMany(s => full.Screen(s, threshold)).Where(h => ids.Contains(h.EntryId)).Select(Line).Order(StringComparer.Ordinal).ToList();
        var actual = delta.SelectMany(d => d.Hits).Select(Line).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 30, $"only {expected.Count} hits on changed entries: the sample proves little");
        Assert.Equal(expected, actual);
        Assert.Equal(changed.Select(e => (e.Id, e.Version)), delta.Select(d => (d.EntryId, d.EntryVersion)));

        static string Line(WatchlistHit h) => $"{h.SubjectId} {h.EntryId} v{h.EntryVersion} {h.ListVersion} {h.Score:R} {h.Explanation()}";
    }

    [Fact]
    public void Rescreen_TwoDeltas_ReuseThePreparedPopulation()
    {
        var subjects = ScreeningSamples.Subjects(31, 200);
        using var population = ScreenedPopulation.Prepare(subjects, NameMatcher.Bundled);
        var entries = ScreeningSamples.Entries(32, 150);

        var first = population.Rescreen(Change(entries, seed: 1).Changed, "v2", 0.75);
        var second = population.Rescreen(Change(entries, seed: 2).Changed, "v3", 0.75);

        Assert.Equal(200, population.Count);
        Assert.All(first.SelectMany(d => d.Hits), h => Assert.Equal("v2", h.ListVersion));
        Assert.All(second.SelectMany(d => d.Hits), h => Assert.Equal("v3", h.ListVersion));
        Assert.NotEqual(first.Select(d => d.EntryId), second.Select(d => d.EntryId));
    }

    [Fact]
    public void Rescreen_EntryNoLongerMatching_IsReturnedWithNoHits()
    {
        using var population = ScreenedPopulation.Prepare([new ScreeningSubject("S1", "Zubair Qureshi"), new ScreeningSubject("S2", "Imran Khan Niazi")], NameMatcher.Bundled);

        var before = population.Rescreen([new WatchlistEntry("W1", ["Zubair Qureshi"])], "v1", 0.75);
        var after = population.Rescreen([new WatchlistEntry("W1", ["Kamran Akhtar Cheema"], Version: 2)], "v2", 0.75);

        Assert.Equal("S1", Assert.Single(Assert.Single(before).Hits).SubjectId);
        var entry = Assert.Single(after);
        Assert.Equal(("W1", 2), (entry.EntryId, entry.EntryVersion));
        Assert.Empty(entry.Hits);
    }
}
