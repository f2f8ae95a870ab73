using System.Text.Json.Nodes;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary>
/// The shipped executable in its own process, one smoke test per kind of outcome: success, bad input, stdin, a parse
/// error. The other command-line tests run the same entry point inside the test process (<see cref="Infrastructure.Cli.RunAsync"/>);
/// these also check that both ways give the same exit code and the same output.
/// </summary>
public sealed class ExecutableTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Process_Success_ExitsZeroWithTheSameOutputAsInProcess()
    {
        var process = await Infrastructure.Cli.RunProcessAsync(_database, null, "offences", "list", "--format", "json");
        var inProcess = await Infrastructure.Cli.RunAsync(_database, null, "offences", "list", "--format", "json");

        Assert.True(process.ExitCode == 0, process.Stderr);
        Assert.NotEmpty(JsonNode.Parse(process.Stdout)!.AsArray());
        Assert.Equal(process, inProcess);
    }

    [Fact]
    public async Task Process_BadInput_ExitsTwoWithOneLineNamingTheOption_AsInProcess()
    {
        string[] args = ["generate", "people", "--count", "-5"];
        var process = await Infrastructure.Cli.RunProcessAsync(_database, null, args);
        var inProcess = await Infrastructure.Cli.RunAsync(_database, null, args);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(process.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --count:", line, StringComparison.Ordinal);
        Assert.Equal("", process.Stdout);
        Assert.Equal(process, inProcess);
    }

    [Fact]
    public async Task Process_UnknownCommand_FailsAsInProcess()
    {
        var process = await Infrastructure.Cli.RunProcessAsync(_database, null, "no-such-command");
        var inProcess = await Infrastructure.Cli.RunAsync(_database, null, "no-such-command");

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("no-such-command", process.Stderr, StringComparison.Ordinal);
        Assert.Equal(process.ExitCode, inProcess.ExitCode);
        Assert.Equal(process.Stderr, inProcess.Stderr);
        // The usage line names the running executable: lantern in its own process, the test host in-process.
        Assert.Contains("lantern [command] [options]", process.Stdout, StringComparison.Ordinal);
        var hostName = System.CommandLine.RootCommand.ExecutableName;
        Assert.Equal(process.Stdout, inProcess.Stdout.Replace($"{hostName} [command]", "lantern [command]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Process_UsersAdd_ReadsThePasswordFromStdin()
    {
        var organisation = await Infrastructure.Cli.RunProcessAsync(_database, null, "organisations", "add", "--name", "Smoke Test Office Multan", "--city", "Multan");
        Assert.True(organisation.ExitCode == 0, organisation.Stderr);

        var weak = await Infrastructure.Cli.RunProcessAsync(_database, "password12345\n", "users", "add", "--username", "smoke.weak", "--organisation", "Smoke Test Office Multan", "--role", "caseworker");
        Assert.Equal(2, weak.ExitCode);
        Assert.StartsWith("error: password:", weak.Stderr.Trim(), StringComparison.Ordinal);

        var missing = await Infrastructure.Cli.RunProcessAsync(_database, null, "users", "add", "--username", "smoke.none", "--organisation", "Smoke Test Office Multan", "--role", "caseworker");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("error: password: No password on stdin.", missing.Stderr.Trim());

        var ok = await Infrastructure.Cli.RunProcessAsync(_database, "Multan intake desk 2026\n", "users", "add", "--username", "smoke.caseworker", "--organisation", "Smoke Test Office Multan", "--role", "caseworker");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        var users = await Infrastructure.Cli.RunAsync(_database, null, "users", "list");
        Assert.Contains("smoke.caseworker", users.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("smoke.weak", users.Stdout, StringComparison.Ordinal);
    }
}
