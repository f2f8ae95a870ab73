using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Cli;

/// <summary>
/// <c>lantern link</c> in its own process, held to the contract a benchmark harness depends on: options, column
/// mapping, pairs.csv and clusters.csv formats, id order, threshold, and one-line errors. It touches no database.
/// </summary>
public sealed class LinkCommandTests : IAsyncLifetime
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

    private Task<CliResult> LinkAsync(params string[] args) => Infrastructure.Cli.RunAsync(_database, null, ["link", .. args]);

    private static List<string[]> Rows(string path) => [.. File.ReadAllLines(path).Skip(1).Select(l => l.Split(','))];

    /// <summary>The FEBRL dataset1 records with the ids of persons 0-99, as a smaller file in FEBRL's own format.</summary>
    private async Task<string> FebrlSubsetAsync(Func<string, bool> keep, string name)
    {
        var lines = await File.ReadAllLinesAsync(Febrl("dataset1.csv"));
        return await WriteAsync(name, string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Where(l => keep(l.Split(',')[0])))) + "\n");
    }

    [Fact]
    public async Task Link_FebrlDataset1WithMap_WritesOrderedPairsAndClusters()
    {
        var pairs = Output("pairs.csv");
        var clusters = Output("clusters.csv");

        var result = await LinkAsync(["--input", Febrl("dataset1.csv"), "--id-column", "rec_id", .. FebrlMap, "--out", pairs, "--clusters", clusters]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Contains("address_2", result.Stderr.Split('\n').Single(l => l.Contains("ignored", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("left_id,right_id,probability", File.ReadLines(pairs).First());
        var rows = Rows(pairs);
        Assert.InRange(rows.Count, 495, 505);
        Assert.All(rows, r =>
        {
            Assert.Equal(3, r.Length);
            Assert.True(string.CompareOrdinal(r[0], r[1]) < 0, $"{r[0]} >= {r[1]}");
            Assert.InRange(double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture), 0.5, 1);
        });
        var correct = rows.Count(r => r[0].Split('-')[1] == r[1].Split('-')[1]);
        Assert.True(correct >= 495, $"{correct} of {rows.Count} pairs are the same person");

        Assert.Equal("id,cluster_id", File.ReadLines(clusters).First());
        var persons = Rows(clusters);
        Assert.Equal(1000, persons.Count);
        Assert.Equal(1000, persons.Select(p => p[0]).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(persons.Single(p => p[0] == r[0])[1], persons.Single(p => p[0] == r[1])[1]));
    }

    [Fact]
    public async Task Link_HigherThreshold_ReportsOnlyPairsAtOrAboveIt()
    {
        var low = Output("low.csv");
        var high = Output("high.csv");

        var first = await LinkAsync(["--input", Febrl("dataset1.csv"), "--id-column", "rec_id", .. FebrlMap, "--out", low, "--threshold", "0.01"]);
        var second = await LinkAsync(["--input", Febrl("dataset1.csv"), "--id-column", "rec_id", .. FebrlMap, "--out", high, "--threshold", "0.999999"]);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        var highRows = Rows(high);
        Assert.All(highRows, r => Assert.True(double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture) >= 0.999999, r[2]));
        Assert.True(highRows.Count < Rows(low).Count, $"{highRows.Count} pairs at 0.999999, {Rows(low).Count} at 0.01");
    }

    [Fact]
    public async Task Link_TwoInputs_LinksAcrossWithLeftIdsFromTheFirst()
    {
        var originals = await FebrlSubsetAsync(id => id.EndsWith("-org", StringComparison.Ordinal), "org.csv");
        var duplicates = await FebrlSubsetAsync(id => id.Contains("-dup-", StringComparison.Ordinal), "dup.csv");
        var pairs = Output("pairs.csv");

        // several mappings after one --map, as "--map COLUMN=FIELD ..." also reads
        var result = await LinkAsync(["--input", duplicates, "--input", originals, "--id-column", "rec_id", "--map", .. FebrlMap.Where(m => m != "--map"), "--out", pairs]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var rows = Rows(pairs);
        Assert.InRange(rows.Count, 495, 505);
        Assert.All(rows, r =>
        {
            Assert.Contains("-dup-", r[0], StringComparison.Ordinal);
            Assert.EndsWith("-org", r[1], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Link_ColumnsNamedLikeFields_AreMappedWithoutMap()
    {
        var lines = await File.ReadAllLinesAsync(Febrl("dataset1.csv"));
        var header = "id,given_name,family_name,street_number,address,address_2,locality,postcode,region,birth_date,national_id";
        var input = await WriteAsync("named.csv", string.Join('\n', [header, .. lines.Skip(1)]) + "\n");
        var pairs = Output("pairs.csv");

        var result = await LinkAsync("--input", input, "--id-column", "id", "--out", pairs);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("compared: given_name=given_name, family_name=family_name", result.Stderr, StringComparison.Ordinal);
        Assert.InRange(Rows(pairs).Count, 495, 505);
    }

    [Fact]
    public async Task Link_QuotedCellsAndUnicodeNames_AreRead()
    {
        var input = await WriteAsync("quoted.csv", "ID,full_name,birth_date,national_id\n" +
            "a1,\"Muhammad Aslam, Haji\",1985-03-12,35202-1234567-1\n" +
            "a2,محمد اسلم,12/03/1985,3520212345671\n" +
            "a3,Fatima Bibi,1990-07-01,61101-7654321-3\n");
        var pairs = Output("pairs.csv");
        var explain = Output("explain.jsonl");

        var result = await LinkAsync("--input", input, "--id-column", "ID", "--out", pairs, "--explain", explain);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var rows = Rows(pairs);
        var pair = Assert.Single(rows);
        Assert.Equal(["a1", "a2"], pair[..2]);
        var line = Assert.Single(File.ReadAllLines(explain));
        var json = System.Text.Json.Nodes.JsonNode.Parse(line)!;
        Assert.Equal("a1", json["leftId"]!.GetValue<string>());
        var fields = json["fields"]!.AsArray();
        Assert.Equal(["full_name", "birth_date", "national_id"], fields.Select(f => f!["field"]!.GetValue<string>()));
        Assert.Equal("transliteration variant or word order", fields[0]!["level"]!.GetValue<string>());
        Assert.Equal(double.Parse(pair[2], System.Globalization.CultureInfo.InvariantCulture), json["probability"]!.GetValue<double>(), 5);
    }

    [Fact]
    public async Task Link_PakistaniRecordsAcrossSpellingsScriptsAndPlaces_FindsThePersons()
    {
        // one man as Muhammad Aslam Butt / Mohd Aslam / M. Aslam Butt (CNIC with two digits swapped, phone with +92);
        // three other Muhammad Alis; one of them again in Urdu script; Lyallpur is Faisalabad, DG Khan is Dera Ghazi Khan
        var input = await WriteAsync("pk.csv", """
            id,full_name,birth_date,sex,cnic,phone,district
            fir-1,Muhammad Aslam Butt,1985-03-12,M,35202-1234567-1,0300-1234567,Lahore
            ngo-7,Mohd Aslam,12/03/1985,male,35202-1243567-1,+92 300 1234567,LHR
            shelter-3,M. Aslam Butt,1985,M,,0321-7654321,Lahore
            fir-2,Muhammad Ali,1991-07-05,M,42101-7654321-3,0333-1112223,Karachi
            fir-3,Muhammad Ali,1978-01-20,M,17301-5556667-9,0345-9998887,Peshawar
            fir-4,Muhammad Ali,2001-09-11,M,61101-9998887-5,0312-4445556,Islamabad
            ngo-9,محمد علی,1991-07-05,M,4210176543213,,Karachi
            fir-5,Rashida Parveen,1993-02-15,F,36302-1112223-4,0301-5556667,Multan
            shelter-8,Perveen Rasheeda,1993,female,,0301-5556667,Multan
            fir-6,Fatima Bibi,1999-05-05,F,33100-2223334-2,0302-1231231,Faisalabad
            ngo-2,Fatema Bibi,1999-05-05,F,,,Lyallpur
            fir-7,Ayesha Bibi,1999-06-06,F,33100-9998887-8,0302-9999999,Faisalabad
            fir-8,Hussain Khan,1980-10-10,M,17101-3334445-1,0315-1010101,DG Khan
            ngo-4,Husain Khaan,1980-10-10,M,17101-3334445-1,,Dera Ghazi Khan
            fir-9,Imran Khan,1975-04-04,M,35201-4445556-7,0300-4444444,Lahore
            fir-10,Zubair Ahmed Qureshi,1988-08-08,M,35202-5556667-3,0322-8888888,Lahore
            ngo-11,Zubayr Ahmad Kureshi,1988-08-08,M,,0322-8888888,Lahore
            """);
        var pairs = Output("pairs.csv");
        var clusters = Output("clusters.csv");

        var result = await LinkAsync("--input", input, "--id-column", "id", "--map", "cnic=national_id", "--map", "district=locality", "--out", pairs, "--clusters", clusters);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(
            ["fir-1,ngo-7", "fir-1,shelter-3", "fir-10,ngo-11", "fir-2,ngo-9", "fir-5,shelter-8", "fir-6,ngo-2", "fir-8,ngo-4", "ngo-7,shelter-3"],
            Rows(pairs).Select(r => r[0] + "," + r[1]));
        Assert.Equal(10, Rows(clusters).Select(r => r[1]).Distinct().Count());
    }

    [Fact]
    public async Task Link_MissingIdColumn_ExitsTwoWithOneLine()
    {
        var result = await LinkAsync("--input", Febrl("dataset1.csv"), "--id-column", "ID", "--out", Output("pairs.csv"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --id-column:", line, StringComparison.Ordinal);
        Assert.Contains("'ID'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_UnreadableFile_ExitsTwoWithOneLine()
    {
        var result = await LinkAsync("--input", Path.Combine(_database.DataFolder, "absent.csv"), "--id-column", "rec_id", "--out", Output("pairs.csv"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --input: cannot read", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("surname=lastname", "'lastname' is not a field")]
    [InlineData("surname", "is not COLUMN=FIELD")]
    [InlineData("maiden_name=family_name", "No input has a column 'maiden_name'")]
    public async Task Link_BadMapping_ExitsTwoWithOneLine(string map, string message)
    {
        var pairs = Output("pairs.csv");

        var result = await LinkAsync("--input", Febrl("dataset1.csv"), "--id-column", "rec_id", "--map", map, "--out", pairs);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --map:", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.False(File.Exists(pairs), "nothing is written on bad input");
    }

    [Fact]
    public async Task Link_RepeatedId_ExitsTwoNamingIt()
    {
        var input = await WriteAsync("repeated.csv", "id,full_name\na1,Muhammad Aslam\na2,Fatima Bibi\na1,Mohd Aslam\n");

        var result = await LinkAsync("--input", input, "--id-column", "id", "--out", Output("pairs.csv"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal("error: --id-column: The id 'a1' appears more than once in input 1.", line);
    }

    [Fact]
    public async Task Link_ThresholdOutOfRange_ExitsTwo()
    {
        var result = await LinkAsync("--input", Febrl("dataset1.csv"), "--id-column", "rec_id", "--out", Output("pairs.csv"), "--threshold", "1.5");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --threshold:", result.Stderr, StringComparison.Ordinal);
    }
}
