using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Networks;

/// <summary><c>lantern network</c> through the real executable.</summary>
public sealed class NetworkCommandTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync() => _server = await LanternServer.StartAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RelationsAdd_ThenNeighbourhoodAndPath_FollowTheVehicleAcrossTwoCases()
    {
        var (case1, _, suspect1) = await NetworkScenario.CaseAsync(_server, LanternServer.OrganisationA, NetworkScenario.NewPhone());
        var (case2, victim2, _) = await NetworkScenario.CaseAsync(_server, LanternServer.OrganisationA, NetworkScenario.NewPhone());

        var owns = await Infrastructure.Cli.RunAsync(_server.Database, null, "network", "relations", "add", case1.ToString(),
            "--from-type", "person", "--from", suspect1.ToString(), "--to-type", "vehicle", "--to", "LES-4471", "--relation", "owns", "--valid-from", "2025-03-01");
        var rode = await Infrastructure.Cli.RunAsync(_server.Database, null, "network", "relations", "add", case2.ToString(),
            "--from-type", "person", "--from", victim2.ToString(), "--to-type", "vehicle", "--to", "les 4471", "--relation", "other", "--note", "Driven to Lahore in this van.");
        var list = await Infrastructure.Cli.RunAsync(_server.Database, null, "network", "relations", "list", case2.ToString());
        var around = await Infrastructure.Cli.RunAsync(_server.Database, null, "network", "neighbourhood", "vehicle:LES-4471", "--hops", "2");
        var path = await Infrastructure.Cli.RunAsync(_server.Database, null, "network", "path", "case:" + case1, "case:" + case2);

        Assert.True(owns.ExitCode == 0, owns.Stderr);
        Assert.True(rode.ExitCode == 0, rode.Stderr);
        Assert.Equal(owns.Stdout.Split('\t')[3].Trim(), rode.Stdout.Split('\t')[3].Trim());
        Assert.Contains("Driven to Lahore in this van.", list.Stdout, StringComparison.Ordinal);
        Assert.True(around.ExitCode == 0, around.Stderr);
        Assert.Contains("case:" + case1, around.Stdout, StringComparison.Ordinal);
        Assert.Contains("case:" + case2, around.Stdout, StringComparison.Ordinal);
        Assert.True(path.ExitCode == 0, path.Stderr);
        Assert.Contains("LES-4471", path.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_GraphMl_WritesTheFile_AndAnUnknownEntityExitsThreeWithOneLine()
    {
        var phone = NetworkScenario.NewPhone();
        await NetworkScenario.CaseAsync(_server, LanternServer.OrganisationA, phone);
        var file = Path.Combine(_server.Database.DataFolder, "network.graphml");

        var export = await Infrastructure.Cli.RunAsync(_server.Database, null, "network", "export", "--format", "graphml", "--out", file);
        var unknown = await Infrastructure.Cli.RunAsync(_server.Database, null, "network", "neighbourhood", "phone:+923009999999");
        var bad = await Infrastructure.Cli.RunAsync(_server.Database, null, "network", "neighbourhood", "phone:+923009999999", "--hops", "7");

        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Contains(phone, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Equal(3, unknown.ExitCode);
        Assert.Single(unknown.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("error: hops:", bad.Stderr, StringComparison.Ordinal);
    }
}
