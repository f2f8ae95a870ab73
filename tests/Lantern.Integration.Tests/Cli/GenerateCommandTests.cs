using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary>
/// <c>lantern generate people</c> in its own process: records on standard output or in a file, the truth beside them,
/// one-line errors; and the records it writes go straight into <c>lantern link</c> without a mapping.
/// </summary>
public sealed class GenerateCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string Output(string name) => Path.Combine(_database.DataFolder, $"{Guid.NewGuid():N}-{name}");

    private Task<CliResult> RunAsync(params string[] args) => Infrastructure.Cli.RunAsync(_database, null, args);

    [Fact]
    public async Task GeneratePeople_ToStandardOutput_WritesHeaderAndCountRows()
    {
        var result = await RunAsync("generate", "people", "--count", "500", "--duplicates-rate", "0.2", "--seed", "4");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,given_name,family_name,birth_date,sex,address,locality,region,postcode,phone,national_id,passport", lines[0]);
        Assert.Equal(501, lines.Length);
        Assert.Contains("wrote 500 records of 400 persons (100 duplicates)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratePeople_WithOutAndTruth_WritesBothAndTheSameForTheSameSeed()
    {
        var first = Output("people.csv");
        var second = Output("people-again.csv");
        var truth = Output("truth.csv");

        var result = await RunAsync("generate", "people", "--count", "300", "--duplicates-rate", "0.3", "--seed", "9", "--out", first, "--truth", truth);
        var again = await RunAsync("generate", "people", "--count", "300", "--duplicates-rate", "0.3", "--seed", "9", "--out", second);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Equal(await File.ReadAllTextAsync(first), await File.ReadAllTextAsync(second));
        var truthLines = await File.ReadAllLinesAsync(truth);
        Assert.Equal("id,person_id", truthLines[0]);
        Assert.Equal(300, truthLines.Length - 1);
        Assert.Equal(210, truthLines.Skip(1).Select(l => l.Split(',')[1]).Distinct().Count());
    }

    [Theory]
    [InlineData("0", "0.2", "--count")]
    [InlineData("-5", "0.2", "--count")]
    [InlineData("100", "1.5", "--duplicates-rate")]
    public async Task GeneratePeople_OutOfRange_ExitsTwoWithOneLineNamingTheOption(string count, string rate, string option)
    {
        var output = Output("people.csv");

        var result = await RunAsync("generate", "people", "--count", count, "--duplicates-rate", rate, "--out", output);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {option}:", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output), "nothing is written on bad input");
    }

    [Fact]
    public async Task GeneratePeopleThenLink_TwoThousandRecords_FindsTheDuplicates()
    {
        var people = Output("people.csv");
        var truth = Output("truth.csv");
        var pairs = Output("pairs.csv");
        var generate = await RunAsync("generate", "people", "--count", "2000", "--duplicates-rate", "0.2", "--seed", "1", "--out", people, "--truth", truth);
        Assert.True(generate.ExitCode == 0, generate.Stderr);

        var link = await RunAsync("link", "--input", people, "--id-column", "id", "--out", pairs);

        Assert.True(link.ExitCode == 0, link.Stderr);
        Assert.DoesNotContain("ignored", link.Stderr, StringComparison.Ordinal);
        var person = (await File.ReadAllLinesAsync(truth)).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);
        var found = (await File.ReadAllLinesAsync(pairs)).Skip(1).Select(l => l.Split(',')).ToList();
        var truePairs = person.GroupBy(p => p.Value).Sum(g => g.Count() * (g.Count() - 1) / 2);
        var correct = found.Count(f => person[f[0]] == person[f[1]]);
        var precision = (double)correct / found.Count;
        var recall = (double)correct / truePairs;
        var f1 = 2 * precision * recall / (precision + recall);
        Assert.True(f1 >= 0.95, $"precision {precision:F4}, recall {recall:F4}, F1 {f1:F4}");
    }
}
