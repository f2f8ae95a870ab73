using System.Text.Json.Nodes;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary><c>lantern identify</c> in its own process: evaluates an answers file and touches no database.</summary>
public sealed class IdentifyCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<CliResult> IdentifyAsync(string answers)
    {
        var path = Path.Combine(_database.DataFolder, $"answers-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, answers);
        return await Infrastructure.Cli.RunAsync(_database, null, "identify", "--answers", path);
    }

    private static string[] Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];

    [Fact]
    public async Task Identify_AdultLabourWithAllThreeRoles_PrintsIndicatedWithReasons()
    {
        var result = await IdentifyAsync("""
            {"population": "adult", "exploitation": "labour",
             "yes": ["Deceived about the nature of the job, location or employer", "Deceived about wages/earnings",
                     "Excessive working days or hours", "Low or no salary",
                     "coercion at destination: Confiscation of documents", "coercion at destination: Debt bondage"],
             "unknown": ["Hazardous work"]}
            """);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(["indicated", "positiveDimensions", "dimensions", "rule", "catalogueVersion"], Keys(json));
        Assert.True(json["indicated"]!.GetValue<bool>());
        Assert.Equal(["deceptive recruitment", "exploitative conditions of work", "coercion at destination"], json["positiveDimensions"]!.AsArray().Select(d => d!.GetValue<string>()));
        var dimensions = json["dimensions"]!.AsArray();
        Assert.Equal(6, dimensions.Count);
        Assert.Equal(["name", "positive", "strong", "medium", "weak", "because"], Keys(dimensions[0]!));
        var coercion = dimensions.Single(d => d!["name"]!.GetValue<string>() == "coercion at destination")!;
        Assert.Equal(2, coercion["strong"]!.GetValue<int>());
        Assert.Contains("Confiscation of documents; Debt bondage", coercion["because"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Adult rule (ILO/EC 2009 reading A): recruitment (deceptive recruitment) + exploitation", json["rule"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_database.DataFolder, "lantern.db")), "identify must not create or open a database");
    }

    [Fact]
    public async Task Identify_ChildWithoutMeans_IsIndicatedAndSaysMeansAreNotRequired()
    {
        var result = await IdentifyAsync("""
            {"population": "child", "exploitation": "labour",
             "yes": ["Deceived about the nature of the job, location or employer", "Deceived about access to education opportunities",
                     "Excessive working days or hours", "Hazardous work"]}
            """);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.True(json["indicated"]!.GetValue<bool>());
        Assert.Equal(["deceptive recruitment", "exploitative conditions of work"], json["positiveDimensions"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Contains("means are not required for a child", json["rule"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_UnknownIndicatorText_ExitsTwoAndNamesIt()
    {
        var result = await IdentifyAsync("""{"population": "adult", "exploitation": "labour", "yes": ["Excessive working days or hours", "Made to juggle"]}""");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: yes:", line, StringComparison.Ordinal);
        Assert.Contains("'Made to juggle'", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"population": "elder", "exploitation": "labour"}""", "error: population:")]
    [InlineData("""{"population": "adult",""", "error: --answers:")]
    [InlineData("""{"population": "adult", "exploitation": "labour", "maybe": []}""", "error: --answers:")]
    public async Task Identify_BadAnswersFile_ExitsTwoWithOneLine(string answers, string start)
    {
        var result = await IdentifyAsync(answers);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(start, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_MissingFile_ExitsTwoAndNamesIt()
    {
        var result = await Infrastructure.Cli.RunAsync(_database, null, "identify", "--answers", Path.Combine(_database.DataFolder, "absent.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.json: no such file", result.Stderr, StringComparison.Ordinal);
    }
}
