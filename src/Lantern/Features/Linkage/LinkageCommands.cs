using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;

namespace Lantern.Features.Linkage;

/// <summary>
/// <c>lantern link</c>: deduplicate one CSV file or link two, unsupervised, and write the pairs (and persons). Needs
/// no database. The options and output formats are a contract that benchmark harnesses depend on.
/// </summary>
internal static class LinkageCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Link()
    {
        var input = new Option<string[]>("--input")
        {
            Description = "A CSV file with a header line; once to deduplicate it, twice to link the first with the second. Required unless --database is given alone.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var id = new Option<string>("--id-column") { Description = "The column holding each record's id (with --input)." };
        var map = new Option<string[]>("--map")
        {
            Description = $"COLUMN=FIELD, repeatable (--map a=b --map c=d, or --map a=b c=d). Fields: {string.Join(", ", LinkageFields.All)}. Columns named like a field (or a common synonym: surname, date_of_birth, cnic...) are mapped without it.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out") { Description = "Pairs CSV to write: left_id,right_id,probability (with --input)." };
        var threshold = new Option<double>("--threshold") { Description = "Report pairs with a probability at or above this (0..1).", DefaultValueFactory = _ => 0.5 };
        var clusters = new Option<string?>("--clusters") { Description = "Persons CSV to write: id,cluster_id (every record)." };
        var explain = new Option<string?>("--explain") { Description = "Explanations to write, one JSON line per reported pair: each column's level, weight and term-frequency adjustment." };
        var command = new Command("link", "Find records of the same person in one CSV file (deduplication) or across two (linkage), without labels; or, with --database and no --input, every person in Lantern's database (the possible-duplicates queue).")
        {
            input, id, map, output, threshold, clusters, explain,
        };
        command.SetAction((parse, ct) =>
        {
            // ---- Possible duplicates: `lantern link --database` links the persons in the database (Features/Duplicates) ----
            if (parse.GetResult(input) is null && parse.GetResult(LocalCommand.Database) is not null)
            {
                return Duplicates.DuplicatesCommands.LinkDatabaseAsync(parse, ct);
            }
            // ---- end ----
            return Task.FromResult(LinkFiles(parse, input, id, map, output, threshold, clusters, explain));
        });
        return command;
    }

    private static int LinkFiles(ParseResult parse, Option<string[]> input, Option<string> id, Option<string[]> map, Option<string> output,
        Option<double> threshold, Option<string?> clusters, Option<string?> explain)
    {
        try
        {
            if (parse.GetResult(input) is null)
            {
                throw new ValidationException("--input", "Give --input FILE (with --id-column and --out) to link CSV files, or --database to link the persons in Lantern's database.");
            }
            if (parse.GetValue(id) is null)
            {
                throw new ValidationException("--id-column", "Name the column holding each record's id.");
            }
            if (parse.GetValue(output) is null)
            {
                throw new ValidationException("--out", "Name the pairs file to write.");
            }
            var inputs = (parse.GetValue(input) ?? []).Select(FromCaller).ToArray();
            var p = parse.GetValue(threshold);
            if (double.IsNaN(p) || p is < 0 or > 1)
            {
                throw new ValidationException("--threshold", "must be between 0 and 1.");
            }
            if (inputs.Length is < 1 or > 2)
            {
                throw new ValidationException("--input", "Give one input to deduplicate or two to link.");
            }
            var mappings = LinkageInput.ParseMappings(parse.GetValue(map) ?? []);
            var dataset = LinkageInput.Read(inputs, parse.GetValue(id)!, mappings, Progress);
            Progress($"read {dataset.Count:N0} records from {inputs.Length} input(s): {(dataset.IsLinkage ? "linkage" : "deduplication")}");
            var result = RecordLinkage.Link(dataset, new LinkageSettings { Threshold = p }, Progress);
            var pairsFile = new FileInfo(FromCaller(parse.GetValue(output)!));
            var written = WritePairs(result, pairsFile, parse.GetValue(explain) is { } e ? new FileInfo(FromCaller(e)) : null);
            Progress($"wrote {written:N0} pairs to {pairsFile.FullName}");
            if (parse.GetValue(clusters) is { } c)
            {
                var clusterFile = new FileInfo(FromCaller(c));
                WriteClusters(result, clusterFile);
                Progress($"wrote {dataset.Count:N0} records in {result.Clusters.Max() + 1:N0} persons to {clusterFile.FullName}");
            }
            return 0;
        }
        catch (Exception e)
        {
            return LocalCommand.Fail(e);
        }
    }

    /// <summary>
    /// A relative path as the caller meant it: the <c>./lantern</c> script moves to the repository root (for the
    /// default database) and says where it was called from.
    /// </summary>
    internal static string FromCaller(string path) =>
        Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("LANTERN_CALLER_DIRECTORY") is not { Length: > 0 } caller
            ? path
            : Path.Combine(caller, path);

    private static void Progress(string message) => Console.Error.WriteLine("link: " + message);

    private static int WritePairs(LinkageResult result, FileInfo file, FileInfo? explainFile)
    {
        var dataset = result.Dataset;
        var rows = new List<(string Left, string Right, double Probability, int A, int B)>();
        foreach (var (a, b, probability) in result.Links())
        {
            var left = dataset.Id(a);
            var right = dataset.Id(b);
            rows.Add(!dataset.IsLinkage && string.CompareOrdinal(left, right) > 0 ? (right, left, probability, b, a) : (left, right, probability, a, b));
        }
        rows.Sort((x, y) => string.CompareOrdinal(x.Left, y.Left) is var c && c != 0 ? c : string.CompareOrdinal(x.Right, y.Right));
        var text = new StringBuilder("left_id,right_id,probability\n");
        foreach (var row in rows)
        {
            text.Append(Csv(row.Left)).Append(',').Append(Csv(row.Right)).Append(',')
                .Append(row.Probability.ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
        }
        Write(file, "--out", text.ToString());
        if (explainFile is not null)
        {
            var lines = new StringBuilder();
            foreach (var row in rows)
            {
                lines.Append(JsonSerializer.Serialize(result.Explain(row.A, row.B), JsonOptions)).Append('\n');
            }
            Write(explainFile, "--explain", lines.ToString());
        }
        return rows.Count;
    }

    private static void WriteClusters(LinkageResult result, FileInfo file)
    {
        var text = new StringBuilder("id,cluster_id\n");
        for (var r = 0; r < result.Dataset.Count; r++)
        {
            text.Append(Csv(result.Dataset.Id(r))).Append(',').Append((result.Clusters[r] + 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        Write(file, "--clusters", text.ToString());
    }

    private static void Write(FileInfo file, string option, string text)
    {
        try
        {
            File.WriteAllText(file.FullName, text, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ValidationException(option, $"cannot write {file.FullName}: {e.Message}");
        }
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
