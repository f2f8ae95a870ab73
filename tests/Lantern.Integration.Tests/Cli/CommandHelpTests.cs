using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary>The help of each command. Help reads no database, so these need no running server (a server per test
/// used to be started for each of them).</summary>
public sealed class CommandHelpTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("serve")]
    [InlineData("db", "migrate")]
    [InlineData("cases", "import")]
    [InlineData("cases", "export")]
    [InlineData("cases", "list")]
    [InlineData("identify")]
    [InlineData("link")]
    [InlineData("names", "score")]
    [InlineData("screen")]
    [InlineData("generate", "people")]
    [InlineData("offences", "list")]
    [InlineData("proceedings", "stage")]
    [InlineData("proceedings", "figures")]
    [InlineData("cases", "timeline")]
    [InlineData("hearings", "upcoming")]
    [InlineData("deadlines", "overdue")]
    [InlineData("evidence", "verify")]
    [InlineData("intelligence", "add")]
    [InlineData("stats", "routes")]
    [InlineData("screening", "catalogue", "show")]
    [InlineData("screening", "catalogue", "import")]
    [InlineData("referrals", "overdue")]
    [InlineData("services", "list")]
    [InlineData("services", "response-hours")]
    [InlineData("organisations", "add")]
    [InlineData("users", "add")]
    [InlineData("users", "disable")]
    [InlineData("tokens", "create")]
    [InlineData("tokens", "revoke")]
    [InlineData("keys", "rotate")]
    [InlineData("audit", "verify")]
    public async Task Help_OfEachCommand_DescribesIt(params string[] command)
    {
        var result = await Infrastructure.Cli.RunAsync(_database, null, [.. command, "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Description:", result.Stdout, StringComparison.Ordinal);
    }
}
