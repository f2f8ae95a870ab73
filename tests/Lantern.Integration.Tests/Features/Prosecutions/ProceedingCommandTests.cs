using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Prosecutions;

/// <summary><c>lantern proceedings</c> and <c>lantern cases timeline</c> through the real executable.</summary>
public sealed class ProceedingCommandTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync() => _server = await LanternServer.StartAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string DaysAgo(int days) => DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<CliResult> Run(params string[] args) => Infrastructure.Cli.RunAsync(_server.Database, null, args);

    [Fact]
    public async Task Proceeding_FromComplaintToConviction_OnTheCommandLine_ShowsInTheTimelineAndTheFigures()
    {
        var (caseId, victim, accused) = await ProsecutionScenario.CaseAsync(_server);
        var id = caseId.ToString();
        foreach (var step in new[]
        {
            new[] { "--stage", "ComplaintReceived", "--on", DaysAgo(90) },
            ["--stage", "FirRegistered", "--on", DaysAgo(80), "--fir-number", "77/2026", "--station", "FIA AHTC Circle Karachi"],
            ["--stage", "Investigation", "--on", DaysAgo(79)],
            ["--stage", "FinalReport", "--on", DaysAgo(60), "--document", "Challan 77/2026"],
            ["--stage", "Trial", "--on", DaysAgo(50), "--court", "Judicial Magistrate I, Karachi South"],
        })
        {
            var recorded = await Run(["proceedings", "stage", id, .. step]);
            Assert.True(recorded.ExitCode == 0, recorded.Stderr);
        }
        var charge = await Run("proceedings", "charge", id, "--accused", accused.ToString(), "--instrument", "PTPA 2018", "--section", "3(1)", "--offence-date", "2024-06-01");
        Assert.True(charge.ExitCode == 0, charge.Stderr);
        Assert.Contains("law of 2018-", charge.Stdout, StringComparison.Ordinal);
        var chargeId = charge.Stdout.Split('\t')[0];

        var refused = await Run("proceedings", "outcome", id, chargeId, "--outcome", "Convicted", "--on", DaysAgo(3), "--months", "100");
        var convicted = await Run("proceedings", "outcome", id, chargeId, "--outcome", "Convicted", "--on", DaysAgo(3), "--months", "60", "--compensation", $"{victim}=150000");
        var timeline = await Run("cases", "timeline", id);
        var figures = await Run("proceedings", "figures");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Single(refused.Stderr.Trim().Split('\n'));
        Assert.Contains("imprisonmentMonths", refused.Stderr, StringComparison.Ordinal);
        Assert.True(convicted.ExitCode == 0, convicted.Stderr);
        Assert.True(timeline.ExitCode == 0, timeline.Stderr);
        var lines = timeline.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("FIR registered", StringComparison.Ordinal) && l.Contains("77/2026", StringComparison.Ordinal));
        Assert.Contains("Convicted", lines[^1], StringComparison.Ordinal);
        Assert.True(figures.ExitCode == 0, figures.Stderr);
        Assert.Equal("year,organisation,province,circle,complaints,firs,challans,trials,convictions", figures.Stdout.Split('\n')[0].Trim());
        Assert.Contains(figures.Stdout.Split('\n'), l => l.TrimEnd().EndsWith(",FIA AHTC Circle Karachi,1,1,1,1,1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stage_BadDate_ExitsNonZeroWithOneLineNamingTheOption()
    {
        var (caseId, _, _) = await ProsecutionScenario.CaseAsync(_server);

        var result = await Run("proceedings", "stage", caseId.ToString(), "--stage", "ComplaintReceived", "--on", "23/11/2026");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("--on", result.Stderr, StringComparison.Ordinal);
    }
}
