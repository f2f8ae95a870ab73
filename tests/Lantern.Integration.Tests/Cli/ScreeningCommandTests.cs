using System.Text.Json;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary><c>lantern screening catalogue show|import</c> in its own process, on the server's database.</summary>
public sealed class ScreeningCommandTests : IAsyncLifetime
{
    private LanternServer _server = null!;
    private string _files = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        _files = Path.Combine(_server.Database.DataFolder, "files");
        Directory.CreateDirectory(_files);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CatalogueShow_Csv_ListsEveryRowWithItsVerification()
    {
        var shown = await Infrastructure.Cli.RunAsync(_server.Database, null, "screening", "catalogue", "show", "--format", "csv");
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        var lines = shown.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("population,exploitation,dimension,indicator,strength,verification", lines[0].TrimEnd('\r'));
        Assert.Equal(265, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("child,sexual,", StringComparison.Ordinal) && l.Contains(",unverified,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CatalogueImport_CorrectedVersion_BecomesCurrentAndBadRowIsNamed()
    {
        var csv = "population,exploitation,dimension,indicator,strength,verification\n"
            + "adult,labour,deceptive recruitment,Deceived about wages,strong,checked\nadult,labour,exploitative conditions of work,No pay,strong,checked\n"
            + "adult,labour,coercion at destination,Locked in,strong,checked\nchild,labour,deceptive recruitment,Deceived about school,strong,checked\n"
            + "child,labour,exploitative conditions of work,No pay,strong,checked\n";
        var bad = Path.Combine(_files, "bad.csv");
        await File.WriteAllTextAsync(bad, csv.Replace("Locked in,strong", "Locked in,huge", StringComparison.Ordinal));
        var refused = await Infrastructure.Cli.RunAsync(_server.Database, null, "screening", "catalogue", "import", bad, "--label", "bad");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("row 4", refused.Stderr, StringComparison.Ordinal);
        Assert.Single(refused.Stderr.Trim().Split('\n'));

        var good = Path.Combine(_files, "good.csv");
        await File.WriteAllTextAsync(good, csv);
        var imported = await Infrastructure.Cli.RunAsync(_server.Database, null, "screening", "catalogue", "import", good, "--label", "Checked catalogue");
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        var version = imported.Stdout.Trim();
        Assert.StartsWith("sha256:", version, StringComparison.Ordinal);
        var shown = await Infrastructure.Cli.RunAsync(_server.Database, null, "screening", "catalogue", "show", "--format", "json");
        using var json = JsonDocument.Parse(shown.Stdout);
        Assert.Equal(version, json.RootElement.GetProperty("version").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("indicators").GetArrayLength());
    }
}
