using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary><c>lantern stats routes</c> and <c>lantern stats victims</c> through the real executable.</summary>
public sealed class StatsCommandTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync() => _server = await LanternServer.StartAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Routes_ByProvince_PrintsTheFlowsOfTheImportedCase()
    {
        await _server.ImportAsync("""
            { "format": "lantern-case/1", "case": { "reference": "RTE-0001", "cas_Status": "Active" },
              "persons": [ { "key": "v", "role": "victim", "prs_FirstName": "Shazia", "prs_SecondName": "Parveen", "prs_Gender": "Feminine" } ],
              "events": [ { "hte_Type": "Recruitment", "hte_Date": "2025-01", "hte_Country": "PK", "hte_State": "Punjab", "hte_City": "Okara", "persons": ["v"] },
                          { "hte_Type": "Exploitation", "hte_Date": "2025-03", "hte_Country": "AE", "hte_State": "Dubai", "hte_City": "Dubai", "persons": ["v"] } ] }
            """);

        var result = await Infrastructure.Cli.RunAsync(_server.Database, null, "stats", "routes", "--level", "province");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("origin,transit,destination,scope,victims", lines[0]);
        Assert.Contains("\"Punjab, PK\",,\"Dubai, AE\",cross-border,1", lines);
    }

    [Fact]
    public async Task Routes_UnknownLevel_ExitsTwoWithOneLineNamingTheLevel()
    {
        var result = await Infrastructure.Cli.RunAsync(_server.Database, null, "stats", "routes", "--level", "district");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("level", result.Stderr, StringComparison.Ordinal);
    }

    private async Task<string[]> VictimsAsync(params string[] options)
    {
        await Features.Statistics.StatisticsData.SeedAsync(_server);
        var result = await Infrastructure.Cli.RunAsync(_server.Database, null, ["stats", "victims", .. options]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public async Task Victims_BySexAge_PrintsExactCsvWithTheContractGroups()
    {
        var lines = await VictimsAsync("--year", "2025", "--by", "sex-age");

        Assert.Equal(["group,count", "women,6", "men,0", "girls,1", "boys,1", "unknown,0"], lines);
    }

    [Fact]
    public async Task Victims_BySexAgePublic_ShowsSmallCountsAsLessThanFive()
    {
        var lines = await VictimsAsync("--year", "2025", "--by", "sex-age", "--public");

        // Two small cells protect each other; nothing else needs withholding.
        Assert.Equal(["group,count", "women,6", "men,0", "girls,<5", "boys,<5", "unknown,0"], lines);
    }

    [Fact]
    public async Task Victims_ByExploitationForOneOrganisation_UsesHtcdsValueNames()
    {
        var lines = await VictimsAsync("--year", "2025", "--by", "exploitation", "--organisation", LanternServer.OrganisationA);

        Assert.Equal("group,count", lines[0]);
        Assert.Contains("ForcedLabour,6", lines);
        Assert.Contains("BondedLabour,1", lines);
        Assert.Contains("ForcedCriminality,0", lines);
        Assert.Contains("SexualExploitation,0", lines);
        Assert.Equal("unknown,0", lines[^1]);
    }

    [Fact]
    public async Task Victims_ByCitizenship_PrintsIsoCodes()
    {
        var lines = await VictimsAsync("--year", "2025", "--by", "citizenship");

        Assert.Equal(["group,count", "PK,7", "AF,1", "unknown,0"], lines);
    }

    [Theory]
    [InlineData("by", "--year", "2025", "--by", "gender")]
    [InlineData("year", "--year", "twenty", "--by", "sex-age")]
    [InlineData("year", "--by", "sex-age")]
    [InlineData("organisation", "--year", "2025", "--by", "sex-age", "--organisation", "Nobody")]
    public async Task Victims_BadInput_ExitsTwoWithOneLineNamingTheOption(string option, params string[] args)
    {
        var result = await Infrastructure.Cli.RunAsync(_server.Database, null, ["stats", "victims", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
