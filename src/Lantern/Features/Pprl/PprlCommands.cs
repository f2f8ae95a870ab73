using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;
using Lantern.Core.Features.Pprl;
using Lantern.Features.Linkage;

namespace Lantern.Features.Pprl;

/// <summary>
/// <c>lantern pprl encode|match</c>: privacy-preserving record linkage between two parties holding a shared secret
/// (ADR 0015). Needs no database. Encodings carry no names; the pairs file carries no similarity.
/// </summary>
internal static class PprlCommands
{
    public static Command Create()
    {
        var command = new Command("pprl", "Privacy-preserving record linkage: encode records as keyed Bloom filters (CLKs) and match two parties' encodings without exchanging names.");
        command.Subcommands.Add(Encode());
        command.Subcommands.Add(Match());
        return command;
    }

    private static Command Encode()
    {
        var input = new Option<string>("--input") { Description = "A CSV file with a header line (as for `lantern link`)." };
        var id = new Option<string>("--id-column") { Description = "The column holding each record's id; ids are written in the clear, so use ids that mean nothing outside your agency." };
        var map = new Option<string[]>("--map")
        {
            Description = $"COLUMN=FIELD, repeatable, as for `lantern link`. Fields: {string.Join(", ", LinkageFields.All)}. Both parties must map the same fields.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var secret = new Option<string>("--secret-file") { Description = "The secret shared by the two parties only (at least 16 bytes; e.g. head -c 32 /dev/urandom | base64 > KEY). Never send it with the encodings." };
        var output = new Option<string>("--out") { Description = "Encodings to write (.clk: a header line, then id,base64 per record)." };
        var command = new Command("encode", "Encode each record of a CSV file as a 1,024-bit cryptographic long-term key (CLK) under the shared secret.")
        {
            input, id, map, secret, output,
        };
        command.SetAction(parse =>
        {
            try
            {
                var inputPath = Required(parse.GetValue(input), "--input", "Name the CSV file to encode.");
                var idColumn = Required(parse.GetValue(id), "--id-column", "Name the column holding each record's id.");
                var secretPath = Required(parse.GetValue(secret), "--secret-file", "Name the file holding the shared secret.");
                var outPath = Required(parse.GetValue(output), "--out", "Name the .clk file to write.");
                var key = ReadSecret(LinkageCommands.FromCaller(secretPath));
                var mappings = LinkageInput.ParseMappings(parse.GetValue(map) ?? []);
                var clock = Stopwatch.StartNew();
                var dataset = LinkageInput.Read([LinkageCommands.FromCaller(inputPath)], idColumn, mappings, Progress);
                Progress($"read {dataset.Count:N0} records in {clock.Elapsed.TotalSeconds:0.00} s");
                var encodeClock = Stopwatch.StartNew();
                var encodings = ClkEncoder.Encode(dataset, key, Progress);
                var seconds = encodeClock.Elapsed.TotalSeconds;
                Progress($"encoded {encodings.Count:N0} records in {seconds:0.00} s ({encodings.Count / Math.Max(seconds, 1e-6):N0} records/s)");
                var file = LinkageCommands.FromCaller(outPath);
                Write(file, "--out", encodings.Write);
                Progress($"wrote {file} ({encodings.Schema.Header()})");
                return 0;
            }
            catch (Exception e)
            {
                return LocalCommand.Fail(e);
            }
        });
        return command;
    }

    private static Command Match()
    {
        var left = new Option<string>("--left") { Description = "Encodings of the first party (.clk)." };
        var right = new Option<string>("--right") { Description = "Encodings of the second party (.clk), made with the same secret and fields." };
        var output = new Option<string>("--out") { Description = "Pairs CSV to write: left_id,right_id and nothing else." };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Dice similarity at or above which two encodings may be one person (0..1].",
            DefaultValueFactory = _ => ClkMatchSettings.DefaultThreshold,
        };
        var exhaustive = new Option<bool>("--exhaustive") { Description = "Compare every pair instead of blocking by bit sampling (no recall lost to blocking; slower)." };
        var tables = new Option<int>("--lsh-tables") { Description = "Blocking tables (more: higher recall, more pairs compared).", DefaultValueFactory = _ => new ClkMatchSettings().Tables };
        var bits = new Option<int>("--lsh-bits") { Description = "Bits sampled per blocking table, 1-20 (more: fewer pairs compared, lower recall).", DefaultValueFactory = _ => new ClkMatchSettings().BitsPerTable };
        var command = new Command("match", "Match two parties' encodings: Dice similarity with blocking, one-to-one, writing only the matched id pairs.")
        {
            left, right, output, threshold, exhaustive, tables, bits,
        };
        command.SetAction(parse =>
        {
            try
            {
                var leftPath = Required(parse.GetValue(left), "--left", "Name the first party's .clk file.");
                var rightPath = Required(parse.GetValue(right), "--right", "Name the second party's .clk file.");
                var outPath = Required(parse.GetValue(output), "--out", "Name the pairs file to write.");
                var t = parse.GetValue(threshold);
                if (double.IsNaN(t) || t is <= 0 or > 1)
                {
                    throw new ValidationException("--threshold", "must be above 0 and at most 1.");
                }
                var clock = Stopwatch.StartNew();
                var a = ClkSet.Read(LinkageCommands.FromCaller(leftPath), "--left");
                var b = ClkSet.Read(LinkageCommands.FromCaller(rightPath), "--right");
                a.Schema.EnsureComparableWith(b.Schema, "--right");
                Progress($"read {a.Count:N0} and {b.Count:N0} encodings in {clock.Elapsed.TotalSeconds:0.00} s");
                var matchClock = Stopwatch.StartNew();
                var settings = new ClkMatchSettings
                {
                    Threshold = t,
                    Blocking = parse.GetValue(exhaustive) ? ClkBlocking.Exhaustive : ClkBlocking.BitSampling,
                    Tables = parse.GetValue(tables),
                    BitsPerTable = parse.GetValue(bits),
                };
                var pairs = ClkMatcher.Match(a, b, settings, out var statistics, Progress);
                var seconds = matchClock.Elapsed.TotalSeconds;
                Progress($"matched in {seconds:0.00} s: {statistics.Compared / Math.Max(seconds, 1e-6):N0} pairs/s, {pairs.Count:N0} one-to-one pairs");
                var text = new StringBuilder("left_id,right_id\n");
                foreach (var (l, r) in pairs.OrderBy(p => a.Ids[p.Left], StringComparer.Ordinal))
                {
                    text.Append(Csv(a.Ids[l])).Append(',').Append(Csv(b.Ids[r])).Append('\n');
                }
                var file = LinkageCommands.FromCaller(outPath);
                Write(file, "--out", w => w.Write(text.ToString()));
                Progress($"wrote {pairs.Count:N0} pairs to {file}");
                return 0;
            }
            catch (Exception e)
            {
                return LocalCommand.Fail(e);
            }
        });
        return command;
    }

    private static string Required(string? value, string option, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(option, message) : value;

    /// <summary>The secret's bytes; a trailing line break is not part of it (echo and editors add one).</summary>
    private static byte[] ReadSecret(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ValidationException("--secret-file", $"cannot read {path}: {e.Message}");
        }
        var length = bytes.Length;
        while (length > 0 && bytes[length - 1] is (byte)'\n' or (byte)'\r')
        {
            length--;
        }
        var secret = bytes[..length];
        ClkSchema.CheckSecret(secret);
        return secret;
    }

    private static void Write(string path, string option, Action<TextWriter> write)
    {
        try
        {
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
            write(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ValidationException(option, $"cannot write {path}: {e.Message}");
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine("pprl: " + message);

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
