using System.Numerics;
using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;
using Lantern.Core.Features.Pprl;
using Lantern.Core.Tests.Features.Linkage;

namespace Lantern.Core.Tests.Features.Pprl;

/// <summary>Privacy-preserving record linkage (ADR 0015): CLK encoding, hardening, key checks and one-to-one matching.</summary>
public sealed class ClkTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("a shared secret of the two agencies");
    private static readonly byte[] OtherSecret = Encoding.UTF8.GetBytes("another agency's secret, not shared");

    /// <summary>FEBRL dataset1 split by the ids: originals (rec-N-org) and duplicates (rec-N-dup-0), each its own party.</summary>
    private static (LinkageDataset Originals, LinkageDataset Duplicates) FebrlParties()
    {
        var all = Febrl.Read("dataset1.csv");
        LinkageDataset Part(Func<string, bool> keep)
        {
            var part = new LinkageDataset(all.Columns);
            for (var r = 0; r < all.Count; r++)
            {
                if (keep(all.Id(r)))
                {
                    part.Add(0, all.Id(r), [.. Enumerable.Range(0, all.Columns.Count).Select(c => all.Value(r, c))]);
                }
            }
            return part;
        }
        return (Part(id => id.EndsWith("-org", StringComparison.Ordinal)), Part(id => id.Contains("-dup-", StringComparison.Ordinal)));
    }

    private static LinkageDataset Names(params string[] names)
    {
        var dataset = new LinkageDataset([new LinkageColumn("given_name", LinkageField.GivenName), new LinkageColumn("family_name", LinkageField.FamilyName)]);
        for (var i = 0; i < names.Length; i++)
        {
            var parts = names[i].Split(' ');
            dataset.Add(0, $"r{i}", [parts[0], parts.Length > 1 ? parts[1] : null]);
        }
        return dataset;
    }

    private static double Dice(ClkSet a, int i, ClkSet b, int j)
    {
        var fa = a.Filter(i);
        var fb = b.Filter(j);
        int common = 0, total = 0;
        for (var w = 0; w < ClkSchema.Words; w++)
        {
            common += BitOperations.PopCount(fa[w] & fb[w]);
            total += BitOperations.PopCount(fa[w]) + BitOperations.PopCount(fb[w]);
        }
        return 2.0 * common / total;
    }

    [Fact]
    public void Encode_Balanced_EveryEncodingHasHalfItsBitsSet()
    {
        var encodings = ClkEncoder.Encode(Febrl.Read("dataset1.csv"), Secret);

        // names of every length, missing fields, all the same Hamming weight: it reveals nothing about the record
        for (var r = 0; r < encodings.Count; r++)
        {
            var weight = 0;
            foreach (var word in encodings.Filter(r))
            {
                weight += BitOperations.PopCount(word);
            }
            Assert.Equal(ClkSchema.Bits / 2, weight);
        }
    }

    [Fact]
    public void Encode_Balanced_BitFrequenciesComeInComplementaryPairsAveragingOneHalf()
    {
        var encodings = ClkEncoder.Encode(Febrl.Read("dataset1.csv"), Secret);
        var ones = new int[ClkSchema.Bits];
        for (var r = 0; r < encodings.Count; r++)
        {
            var filter = encodings.Filter(r);
            for (var p = 0; p < ClkSchema.Bits; p++)
            {
                ones[p] += (int)((filter[p >> 6] >> (p & 63)) & 1);
            }
        }

        // each base position and its complement are set in exactly n records together, so the frequencies, sorted,
        // pair up around one half: the most frequent position mirrors the least frequent one
        var sorted = ones.Order().ToArray();
        for (var i = 0; i < sorted.Length / 2; i++)
        {
            Assert.Equal(encodings.Count, sorted[i] + sorted[^(i + 1)]);
        }
        Assert.Equal(0.5, ones.Average() / encodings.Count, 6);
    }

    [Fact]
    public void Encode_SameSecret_IsDeterministic()
    {
        var first = ClkEncoder.Encode(Names("Ayesha Khan", "Bilal Ahmed"), Secret);
        var second = ClkEncoder.Encode(Names("Ayesha Khan", "Bilal Ahmed"), Secret);

        Assert.Equal(first.Filters, second.Filters);
        Assert.Equal(first.Schema.Header(), second.Schema.Header());
    }

    [Fact]
    public void Encode_DifferentSecrets_GiveUnrelatedEncodingsAndKeyChecks()
    {
        var mine = ClkEncoder.Encode(Names("Ayesha Khan"), Secret);
        var theirs = ClkEncoder.Encode(Names("Ayesha Khan"), OtherSecret);

        Assert.NotEqual(mine.Schema.KeyCheck, theirs.Schema.KeyCheck);
        Assert.InRange(Dice(mine, 0, theirs, 0), 0.3, 0.7);
    }

    [Fact]
    public void Encode_TransliterationVariants_AreCloserThanAnotherName()
    {
        var encodings = ClkEncoder.Encode(Names("Muhammad Qureshi", "Mohammad Qureshi", "Mehmood Qureshi", "Muhammad Qureshy"), Secret);

        var variant = Dice(encodings, 0, encodings, 1);
        Assert.True(variant > Dice(encodings, 0, encodings, 2), $"Muhammad/Mohammad {variant}, Muhammad/Mehmood {Dice(encodings, 0, encodings, 2)}");
        Assert.True(variant >= ClkMatchSettings.DefaultThreshold, $"Muhammad/Mohammad {variant}");
        Assert.True(Dice(encodings, 0, encodings, 3) >= ClkMatchSettings.DefaultThreshold, $"Qureshi/Qureshy {Dice(encodings, 0, encodings, 3)}");
    }

    [Fact]
    public void Encode_ShortSecret_ThrowsNamingTheSecretFile()
    {
        var e = Assert.Throws<ValidationException>(() => ClkEncoder.Encode(Names("Ayesha Khan"), Encoding.UTF8.GetBytes("too short")));

        Assert.Equal("--secret-file", e.Field);
    }

    [Fact]
    public void Match_FebrlOriginalsAgainstDuplicates_FindsTheTruePairs()
    {
        var (originals, duplicates) = FebrlParties();
        var left = ClkEncoder.Encode(duplicates, Secret);
        var right = ClkEncoder.Encode(originals, Secret);

        var pairs = ClkMatcher.Match(left, right, ClkMatchSettings.DefaultThreshold);

        var correct = pairs.Count(p => Febrl.Person(left.Ids[p.Left]) == Febrl.Person(right.Ids[p.Right]));
        Assert.True(correct >= 0.99 * pairs.Count, $"{correct} of {pairs.Count} pairs are one person");
        Assert.True(correct >= 450, $"{correct} of 500 true pairs found");
    }

    [Fact]
    public void Match_Exhaustive_FindsAtLeastWhatBlockingFinds()
    {
        var (originals, duplicates) = FebrlParties();
        var left = ClkEncoder.Encode(duplicates, Secret);
        var right = ClkEncoder.Encode(originals, Secret);

        var blocked = ClkMatcher.Match(left, right, new ClkMatchSettings(), out var blockedStatistics);
        var exhaustive = ClkMatcher.Match(left, right, new ClkMatchSettings { Blocking = ClkBlocking.Exhaustive }, out var exhaustiveStatistics);

        Assert.Equal(250_000, exhaustiveStatistics.Compared);
        Assert.True(blockedStatistics.Compared < exhaustiveStatistics.Compared / 10, $"blocking compared {blockedStatistics.Compared} pairs");
        Assert.True(exhaustive.Count >= blocked.Count, $"exhaustive {exhaustive.Count}, blocked {blocked.Count}");
        Assert.True(blocked.Count >= 0.9 * exhaustive.Count, $"blocking kept {blocked.Count} of {exhaustive.Count} pairs");
    }

    [Fact]
    public void Match_TwoEqualRecordsOnTheLeft_AssignsTheRightRecordOnce()
    {
        var left = ClkEncoder.Encode(Names("Ayesha Khan", "Ayesha Khan", "Bilal Ahmed"), Secret);
        var right = ClkEncoder.Encode(Names("Ayesha Khan", "Bilal Ahmad"), Secret);

        var pairs = ClkMatcher.Match(left, right, new ClkMatchSettings { Threshold = 0.7, Blocking = ClkBlocking.Exhaustive }, out var statistics);

        Assert.True(statistics.AboveThreshold >= 3, $"{statistics.AboveThreshold} candidates");
        Assert.Equal(2, pairs.Count);
        Assert.Equal(pairs.Count, pairs.Select(p => p.Left).Distinct().Count());
        Assert.Equal(pairs.Count, pairs.Select(p => p.Right).Distinct().Count());
        Assert.Contains((2, 1), pairs);
    }

    [Fact]
    public void Match_DifferentSecrets_IsRefusedByTheKeyCheck()
    {
        var left = ClkEncoder.Encode(Names("Ayesha Khan"), Secret);
        var right = ClkEncoder.Encode(Names("Ayesha Khan"), OtherSecret);

        var e = Assert.Throws<ValidationException>(() => ClkMatcher.Match(left, right, ClkMatchSettings.DefaultThreshold));

        Assert.Equal("--right", e.Field);
        Assert.Contains("different secrets", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_DifferentFields_IsRefused()
    {
        var left = ClkEncoder.Encode(Names("Ayesha Khan"), Secret);
        var onlyGiven = new LinkageDataset([new LinkageColumn("given_name", LinkageField.GivenName)]);
        onlyGiven.Add(0, "x", ["Ayesha"]);
        var right = ClkEncoder.Encode(onlyGiven, Secret);

        var e = Assert.Throws<ValidationException>(() => ClkMatcher.Match(left, right, ClkMatchSettings.DefaultThreshold));

        Assert.Equal("--right", e.Field);
    }

    [Fact]
    public void WriteRead_ClkFile_RoundTripsIdsEncodingsAndSchema()
    {
        var encodings = ClkEncoder.Encode(Names("Ayesha Khan", "Bilal Ahmed"), Secret);
        var path = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(path))
            {
                encodings.Write(writer);
            }
            var read = ClkSet.Read(path, "--left");

            Assert.Equal(encodings.Ids, read.Ids);
            Assert.Equal(encodings.Filters, read.Filters);
            Assert.Equal(encodings.Schema.Header(), read.Schema.Header());
            Assert.DoesNotContain("Ayesha", File.ReadAllText(path), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_NotAClkFile_ThrowsNamingTheOption()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "id,given_name\n1,Ayesha\n");

            var e = Assert.Throws<ValidationException>(() => ClkSet.Read(path, "--left"));

            Assert.Equal("--left", e.Field);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
