using Lantern.Core.Features.Watchlists;

namespace Lantern.Core.Tests.Features.Watchlists;

public sealed class WatchlistIndexTests
{
    private static readonly string[] Given = ["Muhammad Imran", "Imran", "Kamran", "Zubair", "Zia ul Haq", "Ziaulhaq", "Asad", "Mehmood", "Ali", "Fatima", "Rukhsana", "Yousaf", "Yusuf", "M.", "Khalid", "Tanveer", "Tanvir", "Shahzad", "Shehzad", "Abdul Rehman"];
    private static readonly string[] Family = ["Khan", "Butt", "Qureshi", "Qureshy", "Al-Hashimi", "Hashmi", "Malik", "Cheema", "Mehmood", "Akhtar", "Akhter", "Bibi", "Ahmed", "Ahmad", "Niazi"];
    private static readonly string[] Arabic = ["محمد عمران خان", "زبير قريشي", "خالد الهاشمي", "یوسف بٹ", "فاطمه بيبي", "عمران نيازي", "اسد محمود"];

    private static List<string> SampleNames(int seed, int count)
    {
        var random = new Random(seed);
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            names.Add(random.Next(8) == 0
                ? Arabic[random.Next(Arabic.Length)]
                : $"{(random.Next(4) == 0 ? "Haji " : "")}{Given[random.Next(Given.Length)]} {(random.Next(3) == 0 ? Given[random.Next(Given.Length)] + " " : "")}{Family[random.Next(Family.Length)]}");
        }
        return names;
    }

    [Theory]
    [InlineData(0.75)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void Screen_SampleAgainstExhaustiveComparison_MissesNothing(double threshold)
    {
        var entries = SampleNames(1, 400).Select((n, i) => new WatchlistEntry($"W{i}", i % 5 == 0 ? [n, SampleNames(i, 1)[0]] : [n])).ToList();
        using var index = WatchlistIndex.Build(entries, "test", NameMatcher.Bundled);
        var matcher = NameMatcher.Bundled;
        var scored = 0;
        foreach (var (query, q) in SampleNames(2, 150).Select((n, i) => (n, i)))
        {
            var subject = new ScreeningSubject($"Q{q}", query);
            var hits = index.Screen(subject, threshold).ToDictionary(h => h.EntryId, h => h.Score);
            var prepared = matcher.Prepare(query);
            foreach (var entry in entries)
            {
                var best = entry.Names.Max(n => NameMatcher.Score(prepared, matcher.Prepare(n), explain: false).Score);
                if (best >= threshold)
                {
                    scored++;
                    Assert.True(hits.TryGetValue(entry.Id, out var s), $"'{query}' missed {entry.Id} '{string.Join(" / ", entry.Names)}' ({best})");
                    Assert.Equal(best, s, 9);
                }
                else
                {
                    Assert.False(hits.ContainsKey(entry.Id), $"'{query}' reported {entry.Id} below the threshold");
                }
            }
        }
        Assert.True(scored > 100, $"only {scored} pairs at or above {threshold}: the sample proves little");
    }

    [Fact]
    public void Screen_ArabicScriptJoinedNamesAndDetailsAgainstExhaustiveComparison_MissesNothingAtSixThresholds()
    {
        var entries = ScreeningSamples.Entries(11, 500);
        var subjects = ScreeningSamples.Subjects(12, 250);
        using var index = WatchlistIndex.Build(entries, "test", NameMatcher.Bundled);
        var matcher = NameMatcher.Bundled;
        var prepared = entries.Select(e => e.Names.Select(matcher.Prepare).ToList()).ToList();
        double[] thresholds = [0.5, 0.6, 0.7, 0.75, 0.85, 0.95];
        var reached = new int[thresholds.Length];
        foreach (var subject in subjects)
        {
            var query = matcher.Prepare(subject.Name);
            // the exhaustive answer: every entry's best name, adjusted by the details
            var expected = new double[entries.Count];
            for (var e = 0; e < entries.Count; e++)
            {
                var best = prepared[e].Max(n => NameMatcher.Score(query, n, explain: false).Score);
                expected[e] = EntryMatcher.Adjust(best, subject, entries[e]).Score;
            }
            for (var t = 0; t < thresholds.Length; t++)
            {
                var hits = index.Screen(subject, thresholds[t], explain: false).ToDictionary(h => h.EntryId, h => h.Score);
                for (var e = 0; e < entries.Count; e++)
                {
                    if (expected[e] >= thresholds[t])
                    {
                        reached[t]++;
                        Assert.True(hits.TryGetValue(entries[e].Id, out var s), $"'{subject.Name}' missed {entries[e].Id} '{string.Join(" / ", entries[e].Names)}' ({expected[e]}) at {thresholds[t]}");
                        Assert.Equal(expected[e], s, 9);
                    }
                    else
                    {
                        Assert.False(hits.ContainsKey(entries[e].Id), $"'{subject.Name}' reported {entries[e].Id} below {thresholds[t]}");
                    }
                }
            }
        }
        for (var t = 0; t < thresholds.Length; t++)
        {
            Assert.True(reached[t] > 40, $"only {reached[t]} pairs at or above {thresholds[t]}: the sample proves little");
        }
    }

    [Fact]
    public void Screen_Hits_AreBestFirstWithExplanationAndListVersion()
    {
        var entries = new List<WatchlistEntry>
        {
            new("W1", ["Zia ul Haq Qureshi", "ضياء الحق قريشي"], "1970-08-17", "PK", Version: 3),
            new("W2", ["Zia-ul-Haq Qureshi"], "1971-01-01"),
            new("W3", ["Imran Butt"]),
        };
        using var index = WatchlistIndex.Build(entries, "abc123", NameMatcher.Bundled);

        var hits = index.Screen(new ScreeningSubject("S1", "Ziaulhaq Qureshi", "1970-08-17"), 0.5);

        Assert.Equal(["W1", "W2"], hits.Select(h => h.EntryId));
        Assert.True(hits[0].Score > hits[1].Score);
        var explanation = hits[0].Explanation();
        Assert.Contains("joined", explanation, StringComparison.Ordinal);
        Assert.Contains("birth_date agrees", explanation, StringComparison.Ordinal);
        Assert.Contains("entry v3; list abc123", explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ziaulhaq Qureshi", "1970-08-17")]
    [InlineData("Zia Qureshi Khan", "1970-17-08")]
    [InlineData("ضياء الحق قريشي", "1970")]
    public void Read_ExplanationOfAHit_GivesBackItsParts(string name, string birthDate)
    {
        using var index = WatchlistIndex.Build([new("W1", ["Zia ul Haq Qureshi", "ضياء الحق قريشي"], "1970-08-17", "PK", Version: 3)], "abc123", NameMatcher.Bundled);
        var hit = index.Screen(new ScreeningSubject("S1", name, birthDate), 0.3).Single();

        var read = WatchlistHit.Read(hit.Explanation());

        Assert.NotNull(read);
        Assert.Equal(hit.MatchedName, read.MatchedName);
        Assert.Equal(hit.Name.Parts.Select(p => p.Agreement?.ToString().ToLowerInvariant() ?? "unmatched"), read.Parts.Select(p => p.Agreement));
        Assert.Equal(hit.Name.Parts.Select(p => p.Left.Length > 0 ? p.Left : p.Right), read.Parts.Select(p => p.Input));
        Assert.Equal(hit.Details.Select(d => (d.Field, d.Agreement.ToString().ToLowerInvariant())), read.Details.Select(d => (d.Field, d.Agreement)));
        Assert.Equal(3, read.EntryVersion);
        Assert.Equal("abc123", read.ListVersion);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Zia ul Haq Qureshi matched")]
    [InlineData("name 'Zia' 0.9: Zia=Zia somehow +0.5; entry v1; list x")]
    public void Read_NotAnExplanation_IsNull(string? text) => Assert.Null(WatchlistHit.Read(text));

    [Fact]
    public void Screen_IdentityNumberAgrees_FindsTheEntryWhateverTheName()
    {
        using var index = WatchlistIndex.Build([new WatchlistEntry("W1", ["Zubair Qureshi"], NationalId: "35202-1234567-1")], "v", NameMatcher.Bundled);

        var hit = Assert.Single(index.Screen(new ScreeningSubject("S1", "Completely Different", NationalId: "3520212345671"), 0.75));

        Assert.True(hit.Score >= 0.97);
    }
}
