using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Tests.Features.Linkage;

public sealed class SyntheticPeopleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lantern-people-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (string Records, string Truth) Generate(int count, double rate, int seed)
    {
        using var records = new StringWriter();
        using var truth = new StringWriter();
        SyntheticPeople.Write(new SyntheticPeopleSettings(count, rate, seed), records, truth);
        return (records.ToString(), truth.ToString());
    }

    /// <summary>The records as <c>lantern link</c> reads them (quoted addresses hold commas), with each record's person.</summary>
    private (string[] Header, List<(string[] Row, string Person)> Rows) Parse(string records, string truth)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, records);
        var rows = LinkageInput.ReadCsv(path);
        var persons = truth.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);
        return (rows[0], [.. rows.Skip(1).Select(r => (r, persons[r[0]]))]);
    }

    [Fact]
    public void Write_SameSeed_WritesTheSameRecordsAndTruth()
    {
        var first = Generate(3000, 0.25, 7);
        var second = Generate(3000, 0.25, 7);
        var other = Generate(3000, 0.25, 8);

        Assert.Equal(first.Records, second.Records);
        Assert.Equal(first.Truth, second.Truth);
        Assert.NotEqual(first.Records, other.Records);
    }

    [Theory]
    [InlineData(10_000, 0.2)]
    [InlineData(5_000, 0.5)]
    [InlineData(2_000, 0.0)]
    [InlineData(2_000, 0.8)]
    public void Write_DuplicatesRate_IsRespected(int count, double rate)
    {
        var (records, truth) = Generate(count, rate, 3);
        var (_, rows) = Parse(records, truth);

        Assert.Equal(count, rows.Count);
        var persons = rows.Select(r => r.Person).Distinct().Count();
        var duplicates = count - persons;
        Assert.InRange(duplicates, (int)Math.Round(count * rate) - 1, (int)Math.Round(count * rate) + 1);
    }

    [Fact]
    public void Write_Truth_NamesEveryRecordOnceInTheSameOrder()
    {
        var (records, truth) = Generate(4000, 0.3, 5);
        var truthLines = truth.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (header, rows) = Parse(records, truth);

        Assert.Equal("id,person_id", truthLines[0]);
        Assert.Equal(SyntheticPeople.Columns, header);
        Assert.Equal(rows.Select(r => r.Row[0]), truthLines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(rows.Count, rows.Select(r => r.Row[0]).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(header.Length, r.Row.Length));
    }

    [Fact]
    public void Write_Duplicates_DifferTheWaysRecordsOfOnePersonDiffer()
    {
        var (records, truth) = Generate(10_000, 0.3, 11);
        var (header, rows) = Parse(records, truth);
        int Column(string name) => Array.IndexOf(header, name);
        var knowledge = NameKnowledge.Bundled;
        var groups = rows.GroupBy(r => r.Person).Where(g => g.Count() > 1).ToList();
        var pairs = groups.SelectMany(g => g.SelectMany(a => g.Where(b => string.CompareOrdinal(a.Row[0], b.Row[0]) < 0).Select(b => (A: a.Row, B: b.Row)))).ToList();

        bool SameGroupOtherSpelling(string? x, string? y)
        {
            if (string.IsNullOrEmpty(x) || string.IsNullOrEmpty(y))
            {
                return false;
            }
            var tx = x.ToLowerInvariant().Split(' ');
            var ty = y.ToLowerInvariant().Split(' ');
            return tx.Length == ty.Length && tx.Zip(ty).Any(t => t.First != t.Second && knowledge.Group(t.First) >= 0 && knowledge.Group(t.First) == knowledge.Group(t.Second));
        }
        var given = Column("given_name");
        var family = Column("family_name");
        var birth = Column("birth_date");
        var nationalId = Column("national_id");
        var spellings = pairs.Count(p => SameGroupOtherSpelling(p.A[given], p.B[given]) || SameGroupOtherSpelling(p.A[family], p.B[family]));
        var mohd = pairs.Count(p => p.A[given].StartsWith("Muhammad ", StringComparison.Ordinal) && (p.B[given].StartsWith("M. ", StringComparison.Ordinal) || p.B[given].StartsWith("Mohd ", StringComparison.Ordinal) || p.B[given].StartsWith("Md. ", StringComparison.Ordinal)));
        var arabic = rows.Count(r => r.Row[given].Concat(r.Row[family]).Any(NameKnowledge.IsArabicScript));
        var yearOnly = rows.Count(r => r.Row[birth].Length == 4);
        var swapped = pairs.Count(p => p.A[birth].Length == 10 && p.B[birth].Length == 10 && p.A[birth][..4] == p.B[birth][..4] && p.A[birth][5..7] == p.B[birth][8..10] && p.A[birth][8..10] == p.B[birth][5..7] && p.A[birth] != p.B[birth]);
        var cnicSlips = pairs.Count(p => p.A[nationalId].Length == 15 && p.B[nationalId].Length == 15 && p.A[nationalId].Zip(p.B[nationalId]).Count(c => c.First != c.Second) is 1 or 2);
        var missingFamily = rows.Count(r => r.Row[family].Length == 0);

        Assert.True(spellings >= 100, $"{spellings} pairs of duplicates differ by a spelling variant");
        Assert.True(mohd >= 10, $"{mohd} pairs write Muhammad as M., Mohd or Md.");
        Assert.True(arabic >= 10, $"{arabic} records have a name in Arabic script");
        Assert.True(yearOnly >= 300, $"{yearOnly} records have the birth year only");
        Assert.True(swapped >= 10, $"{swapped} pairs have day and month swapped");
        Assert.True(cnicSlips >= 20, $"{cnicSlips} pairs differ by a CNIC typing slip");
        Assert.True(missingFamily >= 300, $"{missingFamily} records have no family name");
        var identical = pairs.Count(p => p.A.Skip(1).SequenceEqual(p.B.Skip(1)));
        Assert.True(identical < pairs.Count / 20, $"{identical} of {pairs.Count} pairs of duplicates are identical");
    }

    [Theory]
    [InlineData(0, 0.2, "--count")]
    [InlineData(SyntheticPeople.MaxCount + 1, 0.2, "--count")]
    [InlineData(100, -0.1, "--duplicates-rate")]
    [InlineData(100, 0.95, "--duplicates-rate")]
    [InlineData(100, double.NaN, "--duplicates-rate")]
    public void Write_SettingsOutOfRange_ThrowNamingTheOption(int count, double rate, string option)
    {
        using var records = new StringWriter();

        var e = Assert.Throws<ValidationException>(() => SyntheticPeople.Write(new SyntheticPeopleSettings(count, rate, 1), records, null));

        Assert.Equal(option, e.Field);
        Assert.Equal("", records.ToString());
    }

    /// <summary>Catches regressions of the engine on records like Lantern's own: 2,000 records, seed 1, F1 at least 0.95.</summary>
    [Fact]
    public void Link_GeneratedPeople_FindsTheDuplicatesWithHighF1()
    {
        var (records, truth) = Generate(2000, 0.2, 1);
        var path = Path.Combine(_folder, "people.csv");
        File.WriteAllText(path, records);
        var person = truth.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);

        var result = RecordLinkage.Link(LinkageInput.Read([path], "id", new Dictionary<string, LinkageField>()));

        var found = result.Links().Select(l => (A: result.Dataset.Id(l.Left), B: result.Dataset.Id(l.Right))).ToList();
        var truePairs = person.GroupBy(p => p.Value).Sum(g => g.Count() * (g.Count() - 1) / 2);
        var correct = found.Count(f => person[f.A] == person[f.B]);
        var precision = (double)correct / found.Count;
        var recall = (double)correct / truePairs;
        var f1 = 2 * precision * recall / (precision + recall);
        Assert.True(f1 >= 0.95, $"precision {precision:F4}, recall {recall:F4}, F1 {f1:F4}");
    }
}
