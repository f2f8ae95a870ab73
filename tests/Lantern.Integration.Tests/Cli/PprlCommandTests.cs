using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary>
/// <c>lantern pprl encode|match</c> in its own process (ADR 0015): a round trip on FEBRL finds the true pairs, the
/// pairs file holds ids only, encodings hold no names, and bad input fails with one line naming the option.
/// </summary>
public sealed class PprlCommandTests : IAsyncLifetime
{
    private static readonly string[] FebrlMap =
    [
        "--map", "surname=family_name", "--map", "address_1=address", "--map", "suburb=locality", "--map", "state=region",
        "--map", "date_of_birth=birth_date", "--map", "soc_sec_id=national_id",
    ];

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static string Febrl(string file) => Path.Combine(AppContext.BaseDirectory, "data", "febrl", file);

    private string Output(string name) => Path.Combine(_database.DataFolder, $"{Guid.NewGuid():N}-{name}");

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Output(name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private Task<CliResult> PprlAsync(params string[] args) => Infrastructure.Cli.RunAsync(_database, null, ["pprl", .. args]);

    /// <summary>The FEBRL dataset1 records whose id passes <paramref name="keep"/>, in FEBRL's own format.</summary>
    private async Task<string> FebrlSubsetAsync(Func<string, bool> keep, string name)
    {
        var lines = await File.ReadAllLinesAsync(Febrl("dataset1.csv"));
        return await WriteAsync(name, string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Where(l => keep(l.Split(',')[0])))) + "\n");
    }

    private Task<string> SecretAsync(string text = "a secret both agencies hold and nobody else\n") => WriteAsync("key", text);

    private async Task<string> EncodeAsync(string input, string secret)
    {
        var clk = Output("encodings.clk");
        var result = await PprlAsync(["encode", "--input", input, "--id-column", "rec_id", .. FebrlMap, "--secret-file", secret, "--out", clk]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return clk;
    }

    private static string OneErrorLine(CliResult result)
    {
        Assert.Equal(2, result.ExitCode);
        return Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task EncodeMatch_FebrlOriginalsAndDuplicates_FindsTruePairsAndWritesIdsOnly()
    {
        var originals = await FebrlSubsetAsync(id => id.EndsWith("-org", StringComparison.Ordinal) && int.Parse(id.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture) < 300, "org.csv");
        var duplicates = await FebrlSubsetAsync(id => id.Contains("-dup-", StringComparison.Ordinal) && int.Parse(id.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture) < 200, "dup.csv");
        var secret = await SecretAsync();
        var left = await EncodeAsync(duplicates, secret);
        var right = await EncodeAsync(originals, secret);
        var pairs = Output("pairs.csv");

        var result = await PprlAsync("match", "--left", left, "--right", right, "--out", pairs);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stdout);
        var lines = await File.ReadAllLinesAsync(pairs);
        Assert.Equal("left_id,right_id", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r =>
        {
            Assert.Equal(2, r.Length);
            Assert.Contains("-dup-", r[0], StringComparison.Ordinal);
            Assert.EndsWith("-org", r[1], StringComparison.Ordinal);
        });
        var correct = rows.Count(r => r[0].Split('-')[1] == r[1].Split('-')[1]);
        Assert.True(correct >= 180, $"{correct} of 200 true pairs found");
        Assert.True(correct >= rows.Count - 2, $"{correct} of {rows.Count} pairs are one person");
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(rows.Count, rows.Select(r => r[1]).Distinct().Count());
        // no similarity leaves the matcher: no number with a decimal point in the file or on stdout
        Assert.DoesNotMatch(@"\d\.\d", await File.ReadAllTextAsync(pairs));
        // no name reaches the encodings
        var encoded = await File.ReadAllTextAsync(left);
        Assert.StartsWith("lantern-clk/1 bits=1024 ", encoded, StringComparison.Ordinal);
        foreach (var surname in (await File.ReadAllLinesAsync(duplicates)).Skip(1).Select(l => l.Split(',')[2].Trim()).Where(s => s.Length >= 5).Take(50))
        {
            Assert.DoesNotContain(surname, encoded, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Match_EncodedWithDifferentSecrets_FailsNamingRight()
    {
        var originals = await FebrlSubsetAsync(id => id.EndsWith("-org", StringComparison.Ordinal), "org.csv");
        var left = await EncodeAsync(originals, await SecretAsync());
        var right = await EncodeAsync(originals, await SecretAsync("another secret that the first agency does not hold"));
        var pairs = Output("pairs.csv");

        var result = await PprlAsync("match", "--left", left, "--right", right, "--out", pairs);

        Assert.StartsWith("error: --right: the files were encoded with different secrets", OneErrorLine(result), StringComparison.Ordinal);
        Assert.False(File.Exists(pairs));
    }

    [Fact]
    public async Task Encode_ShortSecret_FailsNamingSecretFile()
    {
        var result = await PprlAsync(["encode", "--input", Febrl("dataset1.csv"), "--id-column", "rec_id", .. FebrlMap, "--secret-file", await SecretAsync("short\n"), "--out", Output("a.clk")]);

        Assert.StartsWith("error: --secret-file:", OneErrorLine(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encode_MissingIdColumn_FailsNamingIdColumn()
    {
        var result = await PprlAsync(["encode", "--input", Febrl("dataset1.csv"), "--id-column", "record", .. FebrlMap, "--secret-file", await SecretAsync(), "--out", Output("a.clk")]);

        Assert.StartsWith("error: --id-column:", OneErrorLine(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encode_BadMap_FailsNamingMap()
    {
        var result = await PprlAsync("encode", "--input", Febrl("dataset1.csv"), "--id-column", "rec_id", "--map", "surname=last", "--secret-file", await SecretAsync(), "--out", Output("a.clk"));

        Assert.StartsWith("error: --map:", OneErrorLine(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_NotAClkFile_FailsNamingLeft()
    {
        var result = await PprlAsync("match", "--left", Febrl("dataset1.csv"), "--right", Febrl("dataset1.csv"), "--out", Output("pairs.csv"));

        Assert.StartsWith("error: --left:", OneErrorLine(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_DifferentFieldsMapped_FailsNamingRight()
    {
        var originals = await FebrlSubsetAsync(id => id.EndsWith("-org", StringComparison.Ordinal), "org.csv");
        var secret = await SecretAsync();
        var left = await EncodeAsync(originals, secret);
        var right = Output("right.clk");
        // FEBRL's other columns map themselves by name; the social security number as a free column makes the difference
        var encoded = await PprlAsync(["encode", "--input", originals, "--id-column", "rec_id", "--map", .. FebrlMap.Where(m => m != "soc_sec_id=national_id" && m != "--map"), "soc_sec_id=other", "--secret-file", secret, "--out", right]);
        Assert.True(encoded.ExitCode == 0, encoded.Stderr);

        var result = await PprlAsync("match", "--left", left, "--right", right, "--out", Output("pairs.csv"));

        Assert.StartsWith("error: --right: the files encode different fields", OneErrorLine(result), StringComparison.Ordinal);
    }
}
