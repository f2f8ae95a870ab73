using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary><c>lantern stats routes</c> through the real executable.</summary>
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
}
