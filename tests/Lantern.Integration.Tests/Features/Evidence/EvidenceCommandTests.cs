using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Evidence;

/// <summary><c>lantern evidence</c> and <c>lantern intelligence</c> through the real executable.</summary>
public sealed class EvidenceCommandTests : IAsyncLifetime
{
    private LanternServer _server = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        _folder = Path.Combine(_server.Database.DataFolder, "files");
        Directory.CreateDirectory(_folder);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Verify_AllIntact_ExitsZero_AfterTampering_ExitsNonZeroNamingTheExhibit()
    {
        var caseId = await EvidenceScenario.CaseOfAAsync(_server);
        var pdf = Path.Combine(_folder, "fir.pdf");
        await File.WriteAllBytesAsync(pdf, EvidenceSamples.Pdf());
        var jpg = Path.Combine(_folder, "kiln.jpg");
        await File.WriteAllBytesAsync(jpg, EvidenceSamples.JpegWithGps());
        var added = await Infrastructure.Cli.RunAsync(_server.Database, null, "evidence", "add", caseId.ToString(), pdf, "--title", "FIR 112/2026");
        Assert.True(added.ExitCode == 0, added.Stderr);
        var second = await Infrastructure.Cli.RunAsync(_server.Database, null, "evidence", "add", caseId.ToString(), jpg, "--title", "Kiln gate");
        Assert.True(second.ExitCode == 0, second.Stderr);
        var firstId = Guid.Parse(added.Stdout.Split('\t')[0]);

        var intact = await Infrastructure.Cli.RunAsync(_server.Database, null, "evidence", "verify", caseId.ToString());
        await EvidenceScenario.TamperAsync(_server, firstId);
        var tampered = await Infrastructure.Cli.RunAsync(_server.Database, null, "evidence", "verify", caseId.ToString());
        var get = await Infrastructure.Cli.RunAsync(_server.Database, null, "evidence", "get", firstId.ToString(), "--out", Path.Combine(_folder, "out.pdf"));

        Assert.True(intact.ExitCode == 0, intact.Stderr);
        Assert.Equal(2, intact.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("\tintact\t", StringComparison.Ordinal)));
        Assert.NotEqual(0, tampered.ExitCode);
        Assert.Contains("E-1\tMISMATCH", tampered.Stdout, StringComparison.Ordinal);
        Assert.Contains("E-2\tintact", tampered.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, get.ExitCode);
        Assert.False(File.Exists(Path.Combine(_folder, "out.pdf")));
    }

    [Fact]
    public async Task Add_RenamedExecutable_ExitsTwoWithOneLineNamingTheFile()
    {
        var caseId = await EvidenceScenario.CaseOfAAsync(_server);
        var exe = Path.Combine(_folder, "statement.pdf");
        await File.WriteAllBytesAsync(exe, EvidenceSamples.WindowsProgram());

        var result = await Infrastructure.Cli.RunAsync(_server.Database, null, "evidence", "add", caseId.ToString(), exe, "--title", "Statement");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: file:", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task CustodyAndIntelligence_FromTheCommandLine_ShowTheLogAndTheGrading()
    {
        var caseId = await EvidenceScenario.CaseOfAAsync(_server);
        var added = await Infrastructure.Cli.RunAsync(_server.Database, null, "evidence", "add", caseId.ToString(), "--title", "Mobile phone", "--kind", "physical-item", "--seal", "S-1");
        Assert.True(added.ExitCode == 0, added.Stderr);
        var id = added.Stdout.Split('\t')[0];

        var custody = await Infrastructure.Cli.RunAsync(_server.Database, null, "evidence", "custody", id, "--to", "Ayesha Malik", "--role", "forensic examiner", "--reason", "Extraction");
        var intel = await Infrastructure.Cli.RunAsync(_server.Database, null, "intelligence", "add", caseId.ToString(), "--text", "Uses a second SIM.", "--source", "A", "--accuracy", "3", "--handling", "H2");
        var list = await Infrastructure.Cli.RunAsync(_server.Database, null, "intelligence", "list", caseId.ToString());

        Assert.True(custody.ExitCode == 0, custody.Stderr);
        Assert.Equal(2, custody.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Ayesha Malik (forensic examiner)", custody.Stdout, StringComparison.Ordinal);
        Assert.True(intel.ExitCode == 0, intel.Stderr);
        Assert.Contains("A3 · H2", list.Stdout, StringComparison.Ordinal);
    }
}
