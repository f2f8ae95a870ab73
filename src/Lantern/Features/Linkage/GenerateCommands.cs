using System.CommandLine;
using System.Text;
using Lantern.Cli;
using Lantern.Core.Features.Linkage;

namespace Lantern.Features.Linkage;

/// <summary>
/// <c>lantern generate people</c>: synthetic South Asian and Middle Eastern person records with duplicates and their
/// truth, for measuring <c>lantern link</c> (bench/linkage/million.sh). Needs no database.
/// </summary>
internal static class GenerateCommands
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = $"How many records (1-{SyntheticPeople.MaxCount:N0}).", Required = true };
        var rate = new Option<double>("--duplicates-rate")
        {
            Description = $"Share of the records that are duplicates of another record's person (0-{SyntheticPeople.MaxDuplicatesRate}).",
            DefaultValueFactory = _ => 0.2,
        };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed, count and rate write the same records.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Records CSV to write (standard output without it)." };
        var truth = new Option<string?>("--truth") { Description = "Truth CSV to write: id,person_id (records of one person share a person_id)." };
        var people = new Command("people", "Write synthetic person records (Pakistani, Afghan, Bangladeshi, Arab) with spelling variants, slips, partial dates and missing fields, and their truth.")
        {
            count, rate, seed, output, truth,
        };
        people.SetAction(parse =>
        {
            var outPath = parse.GetValue(output) is { } o ? LinkageCommands.FromCaller(o) : null;
            var truthPath = parse.GetValue(truth) is { } t ? LinkageCommands.FromCaller(t) : null;
            try
            {
                var settings = new SyntheticPeopleSettings(parse.GetValue(count), parse.GetValue(rate), parse.GetValue(seed));
                // check the settings before a file is created, so bad input leaves nothing behind
                SyntheticPeople.Validate(settings);
                using var records = outPath is null ? null : Open(outPath, "--out");
                using var truthWriter = truthPath is null ? null : Open(truthPath, "--truth");
                var stdout = records is null ? new StreamWriter(StandardStreams.OpenOutput(), new UTF8Encoding(false), 1 << 16) : null;
                var summary = SyntheticPeople.Write(settings, records ?? stdout!, truthWriter, m => Console.Error.WriteLine("generate: " + m));
                stdout?.Flush();
                Console.Error.WriteLine($"generate: wrote {summary.Records:N0} records of {summary.Persons:N0} persons ({summary.Duplicates:N0} duplicates)"
                    + (outPath is null ? "" : " to " + Path.GetFullPath(outPath)));
                return 0;
            }
            catch (Exception e)
            {
                return LocalCommand.Fail(e);
            }
        });
        return new Command("generate", "Generate synthetic data for benchmarks and tests.") { people };
    }

    private static StreamWriter Open(string path, string option)
    {
        try
        {
            return new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Core.Common.ValidationException(option, $"cannot write {Path.GetFullPath(path)}: {e.Message}");
        }
    }
}
