using System.Text.Json.Nodes;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary><c>lantern offences list</c> in its own process: the bundled offence catalogue, without a database.</summary>
public sealed class OffencesCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<CliResult> RunAsync(params string[] args) => Infrastructure.Cli.RunAsync(_database, null, ["offences", "list", .. args]);

    [Fact]
    public async Task OffencesList_Json_IsAnArrayOfVersionsWithTheSpecifiedKeys()
    {
        var result = await RunAsync("--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var rows = JsonNode.Parse(result.Stdout)!.AsArray();
        var keys = rows[0]!.AsObject().Select(p => p.Key).ToList();
        foreach (var key in new[] { "instrument", "section", "title", "effectiveFrom", "imprisonmentMonths", "fineRupees", "penaltyMode", "cognizable", "bailable", "verification" })
        {
            Assert.Contains(key, keys);
        }
        var basic = rows.Single(r => r!["instrument"]!.GetValue<string>() == "PTPA 2018" && r["section"]!.GetValue<string>() == "3(1)" && r["effectiveFrom"]!.GetValue<string>() == "2018-05-30")!;
        Assert.Null(basic["imprisonmentMonths"]!["min"]);
        Assert.Equal(84, basic["imprisonmentMonths"]!["max"]!.GetValue<int>());
        Assert.Equal(1_000_000, basic["fineRupees"]!["max"]!.GetValue<int>());
        Assert.Equal("either-or-both", basic["penaltyMode"]!.GetValue<string>());
        Assert.False(basic["bailable"]!.GetValue<bool>());
        Assert.Equal("verified", basic["verification"]!.GetValue<string>());
        var abetment = rows.First(r => r!["section"]!.GetValue<string>() == "5(1)")!;
        Assert.True(abetment.AsObject().ContainsKey("imprisonmentMonths"));
        Assert.Null(abetment["imprisonmentMonths"]);
        Assert.False(File.Exists(Path.Combine(_database.DataFolder, "lantern.db")), "offences list must not create or open a database");
    }

    [Fact]
    public async Task OffencesList_On_GivesOnlyTheVersionsInForce()
    {
        var result = await RunAsync("--format", "json", "--on", "2020-01-01");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var rows = JsonNode.Parse(result.Stdout)!.AsArray();
        Assert.All(rows, r => Assert.True(string.CompareOrdinal(r!["effectiveFrom"]!.GetValue<string>(), "2020-01-01") <= 0));
        Assert.Single(rows, r => r!["instrument"]!.GetValue<string>() == "PTPA 2018" && r["section"]!.GetValue<string>() == "3(2)");
    }

    [Fact]
    public async Task OffencesList_Csv_StartsWithTheHeader()
    {
        var result = await RunAsync("--format", "csv");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("instrument,section,title,effectiveFrom,imprisonmentMinMonths,imprisonmentMaxMonths,fineMinRupees,fineMaxRupees,penaltyMode,cognizable,bailable,investigatingAgency,court,verification", lines[0].TrimEnd('\r'));
        Assert.StartsWith("PTPA 2018,3(1),Trafficking in persons,2018-05-30,,84,,1000000,either-or-both,true,false,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml", "error: --format:")]
    [InlineData("--on", "2020-13-01", "error: --on:")]
    public async Task OffencesList_BadOption_ExitsTwoWithOneLineNamingIt(string option, string value, string start)
    {
        var result = await RunAsync(option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(start, line, StringComparison.Ordinal);
    }
}
