using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary><c>lantern services response-hours</c>: the installation-wide answer time per service type.</summary>
public sealed class ServicesCommandTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync() => _server = await LanternServer.StartAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ResponseHours_SetForOneType_IsListedAndOthersKeepTheDefault()
    {
        var set = await Infrastructure.Cli.RunAsync(_server.Database, null, "services", "response-hours", "--type", "MedicalCare", "--hours", "12");
        Assert.True(set.ExitCode == 0, set.Stderr);
        var lines = set.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split('\t')).ToList();
        Assert.Equal(["MedicalCare", "12", "set"], lines.Single(l => l[0] == "MedicalCare"));
        Assert.Equal(["Shelter", "48", "default"], lines.Single(l => l[0] == "Shelter"));
    }

    [Theory]
    [InlineData("Spa", "12", "type")]
    [InlineData("Shelter", "0", "responseHours")]
    [InlineData("Shelter", "1000", "responseHours")]
    public async Task ResponseHours_BadInput_ExitsTwoNamingTheField(string type, string hours, string field)
    {
        var result = await Infrastructure.Cli.RunAsync(_server.Database, null, "services", "response-hours", "--type", type, "--hours", hours);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(field, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }
}
