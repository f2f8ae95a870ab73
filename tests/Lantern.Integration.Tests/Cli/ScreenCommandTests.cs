using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary>
/// <c>lantern names score</c> and <c>lantern screen</c> in their own process, held to the contract of issue 6 §3:
/// columns kept in order with their quoting, score and match appended, the hits header, best-first order per input,
/// and one-line errors with a non-zero exit. They touch no database.
/// </summary>
public sealed class ScreenCommandTests : IAsyncLifetime
{
    private const string List = """
        id,name,aliases,birth_date,nationality,national_id,passport
        W1,Zia ul Haq Qureshi,ضياء الحق قريشي;Ziaulhaq Qureshi,1970-08-17,PK,35202-1234567-1,
        W2,Zia-ul-Haq Qureshi,,1965-01-01,,,
        W3,Imran Butt,,,,,
        """;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string Output(string name) => Path.Combine(_database.DataFolder, $"{Guid.NewGuid():N}-{name}");

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Output(name);
        await File.WriteAllTextAsync(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private Task<CliResult> RunAsync(params string[] args) => Infrastructure.Cli.RunAsync(_database, null, args);

    [Fact]
    public async Task NamesScore_PairsWithOtherColumns_KeepsThemAndAppendsScoreAndMatch()
    {
        var pairs = await WriteAsync("pairs.csv", """"
            note,name1,id,name2
            "a, quoted ""note""",Zia ul Haq,1,Ziaulhaq
            plain,Muhammad Imran,2,Muhammad Kamran
            """");

        var result = await RunAsync("names", "score", "--pairs", pairs);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("note,name1,id,name2,score,match", lines[0]);
        Assert.StartsWith("\"a, quoted \"\"note\"\"\",Zia ul Haq,1,Ziaulhaq,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",true", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("plain,Muhammad Imran,2,Muhammad Kamran,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",false", lines[2], StringComparison.Ordinal);
        var score = double.Parse(lines[1].Split(',')[^2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(score, 0.75, 1);
    }

    [Fact]
    public async Task NamesScore_WithOut_WritesTheFile()
    {
        var pairs = await WriteAsync("pairs.csv", "name1,name2\nAsad Mehmood,Mehmood Asad");
        var output = Output("scored.csv");

        var result = await RunAsync("names", "score", "--pairs", pairs, "--out", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Equal("name1,name2,score,match", File.ReadLines(output).First());
    }

    [Fact]
    public async Task NamesScore_MissingColumn_FailsWithOneLine()
    {
        var pairs = await WriteAsync("pairs.csv", "first,name2\na,b");

        var result = await RunAsync("names", "score", "--pairs", pairs);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("--pairs", line, StringComparison.Ordinal);
        Assert.Contains("name1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_ListAndMappedInput_WritesHitsBestFirstPerInput()
    {
        var list = await WriteAsync("list.csv", List);
        var input = await WriteAsync("input.csv", """
            passenger,full_name,dob
            P1,Ziaulhaq Qureshi,17/08/1970
            P2,Fatima Bibi,
            P3,Imran Butt,
            """);
        var hits = Output("hits.csv");

        var result = await RunAsync("screen", "--list", list, "--input", input, "--out", hits, "--map", "passenger=id", "--map", "full_name=name", "--map", "dob=birth_date");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("screen: ", result.Stderr, StringComparison.Ordinal);
        var lines = File.ReadAllLines(hits);
        Assert.Equal("input_id,list_id,score,explanation", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',', 4)).ToList();
        Assert.Equal(["P1", "P1", "P3"], rows.Select(r => r[0]));
        Assert.Equal(["W1", "W2", "W3"], rows.Select(r => r[1]));
        Assert.True(double.Parse(rows[0][2], System.Globalization.CultureInfo.InvariantCulture) > double.Parse(rows[1][2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("birth_date agrees", rows[0][3], StringComparison.Ordinal);
        Assert.Contains("list ", rows[0][3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_HigherThreshold_ReportsFewerHits()
    {
        var list = await WriteAsync("list.csv", List);
        var input = await WriteAsync("input.csv", "id,name\nP1,Zia ul Haq Qureshy");
        var low = Output("low.csv");
        var high = Output("high.csv");

        var a = await RunAsync("screen", "--list", list, "--input", input, "--out", low, "--threshold", "0.5");
        var b = await RunAsync("screen", "--list", list, "--input", input, "--out", high, "--threshold", "0.99");

        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a.Stderr + b.Stderr);
        Assert.True(File.ReadAllLines(low).Length > 1);
        Assert.Single(File.ReadAllLines(high));
    }

    [Theory]
    [InlineData("--threshold", "1.5", "--threshold")]
    [InlineData("--threshold", "abc", "--threshold")]
    [InlineData("--map", "name", "--map")]
    [InlineData("--map", "nosuch=name", "--map")]
    [InlineData("--map", "name=colour", "--map")]
    public async Task Screen_BadOption_FailsWithOneLineNamingIt(string option, string value, string named)
    {
        var list = await WriteAsync("list.csv", List);
        var input = await WriteAsync("input.csv", "id,name\nP1,Imran Butt");

        var result = await RunAsync("screen", "--list", list, "--input", input, "--out", Output("hits.csv"), option, value);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_MissingColumnOrUnreadableFile_FailsWithOneLineNamingIt()
    {
        var list = await WriteAsync("list.csv", "id,aliases\nW1,x");
        var input = await WriteAsync("input.csv", "id,name\nP1,Imran Butt");

        var missing = await RunAsync("screen", "--list", list, "--input", input, "--out", Output("hits.csv"));
        var unreadable = await RunAsync("screen", "--list", await WriteAsync("l.csv", List), "--input", Output("absent.csv"), "--out", Output("hits.csv"));

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--list", Assert.Single(missing.Stderr.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
        Assert.Contains("'name'", missing.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, unreadable.ExitCode);
        Assert.Contains("--input", Assert.Single(unreadable.Stderr.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }
}
