using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Features.Linkage;

namespace Lantern.Features.Watchlists;

/// <summary>
/// <c>lantern names score</c> and <c>lantern screen</c>: name matching and watchlist screening over CSV files, without
/// the database. Their options and file formats are a contract that a benchmark harness depends on (issue 6 §3).
/// </summary>
internal static class WatchlistCommands
{
    private const int Chunk = 20_000;

    public static Command Names()
    {
        var pairs = new Option<string>("--pairs") { Description = "CSV with at least the columns name1,name2 (other columns are kept).", Required = true };
        var output = new Option<string?>("--out") { Description = "CSV to write (default: standard output): the same rows with score and match appended." };
        var score = new Command("score", $"Score pairs of names in [0,1]; match is true at or above the default threshold {NameMatcher.DefaultThreshold.ToString(CultureInfo.InvariantCulture)}.") { pairs, output };
        score.SetAction(parse =>
        {
            try
            {
                var path = LinkageCommands.FromCaller(parse.GetValue(pairs)!);
                var records = WatchlistCsv.ReadRecords(path, "--pairs");
                if (records.Count == 0)
                {
                    throw new ValidationException("--pairs", $"{path} is empty: a header line is required.");
                }
                var header = records[0].Cells;
                var left = WatchlistCsv.Column(header, "name1");
                var right = WatchlistCsv.Column(header, "name2");
                if (left < 0 || right < 0)
                {
                    throw new ValidationException("--pairs", $"{path} has no column '{(left < 0 ? "name1" : "name2")}' (columns: {string.Join(", ", header)}).");
                }
                var matcher = NameMatcher.Bundled;
                var scores = new double[records.Count];
                Parallel.For(1, records.Count, r =>
                {
                    var cells = records[r].Cells;
                    scores[r] = NameMatcher.Score(matcher.Prepare(left < cells.Length ? cells[left] : null), matcher.Prepare(right < cells.Length ? cells[right] : null), explain: false).Score;
                });
                var text = new StringBuilder(records.Sum(r => r.Raw.Length + 16));
                text.Append(records[0].Raw).Append(",score,match\n");
                for (var r = 1; r < records.Count; r++)
                {
                    text.Append(records[r].Raw).Append(',').Append(Format(scores[r])).Append(',').Append(scores[r] >= NameMatcher.DefaultThreshold ? "true" : "false").Append('\n');
                }
                if (parse.GetValue(output) is { } o)
                {
                    Write(LinkageCommands.FromCaller(o), "--out", text.ToString());
                    Console.Error.WriteLine($"names score: scored {records.Count - 1:N0} pairs");
                }
                else
                {
                    Console.Out.Write(text.ToString());
                }
                return 0;
            }
            catch (Exception e)
            {
                return LocalCommand.Fail(e);
            }
        });
        return new Command("names", "Name matching: transliteration, cross-script, word order, initials, particles.") { score };
    }

    public static Command Screen()
    {
        var list = new Option<string>("--list") { Description = "Watchlist CSV: id,name,aliases,birth_date,nationality,national_id,passport (aliases separated by ';').", Required = true };
        var input = new Option<string>("--input") { Description = "Names to screen, CSV: id,name and optionally birth_date,nationality,national_id,passport.", Required = true };
        var output = new Option<string>("--out") { Description = "Hits CSV to write: input_id,list_id,score,explanation, best first per input.", Required = true };
        var threshold = new Option<string?>("--threshold") { Description = $"Report entries scoring at or above this (0..1, default {NameMatcher.DefaultThreshold.ToString(CultureInfo.InvariantCulture)})." };
        var map = new Option<string[]>("--map")
        {
            Description = $"COLUMN=FIELD for input columns named otherwise, repeatable. Fields: {string.Join(", ", WatchlistCsv.SubjectFields)}.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        // for bench/screening/rescreen.sh only: not part of the command's contract
        var rescreen = new Option<string?>("--rescreen-bench") { Description = "Measure re-screening: change this fraction of the list's entries and re-screen the input against them.", Hidden = true };
        var command = new Command("screen", "Screen names against a watchlist CSV and write the hits with their explanations.") { list, input, output, threshold, map, rescreen };
        command.SetAction(parse =>
        {
            try
            {
                var t = NameMatcher.DefaultThreshold;
                if (parse.GetValue(threshold) is { } given && (!double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out t) || double.IsNaN(t) || t is < 0 or > 1))
                {
                    throw new ValidationException("--threshold", $"'{given}' is not a number between 0 and 1.");
                }
                var mappings = WatchlistCsv.ParseMappings(parse.GetValue(map) ?? []);
                var listPath = LinkageCommands.FromCaller(parse.GetValue(list)!);
                var inputPath = LinkageCommands.FromCaller(parse.GetValue(input)!);
                var outPath = LinkageCommands.FromCaller(parse.GetValue(output)!);
                var clock = Stopwatch.StartNew();
                var (entries, version) = WatchlistCsv.ReadList(listPath);
                var benchFraction = 0.0;
                if (parse.GetValue(rescreen) is { } fraction && (!double.TryParse(fraction, NumberStyles.Float, CultureInfo.InvariantCulture, out benchFraction) || double.IsNaN(benchFraction) || benchFraction is <= 0 or > 1))
                {
                    throw new ValidationException("--rescreen-bench", $"'{fraction}' is not a fraction in (0, 1].");
                }
                if (benchFraction > 0)
                {
                    var population = WatchlistCsv.ReadSubjects(inputPath, mappings);
                    Progress($"read {entries.Count:N0} list entries (version {version}) and {population.Count:N0} names in {clock.Elapsed.TotalSeconds:0.0} s");
                    RescreenBench(entries, version, population, benchFraction, t, outPath);
                    return 0;
                }
                // the index is built while the names are read
                var building = Task.Run(() =>
                {
                    var build = Stopwatch.StartNew();
                    return (Index: WatchlistIndex.Build(entries, version, NameMatcher.Bundled), Seconds: build.Elapsed.TotalSeconds);
                });
                List<ScreeningSubject> subjects;
                try
                {
                    subjects = WatchlistCsv.ReadSubjects(inputPath, mappings);
                }
                catch
                {
                    building.GetAwaiter().GetResult().Index.Dispose();
                    throw;
                }
                Progress($"read {entries.Count:N0} list entries (version {version}) and {subjects.Count:N0} names in {clock.Elapsed.TotalSeconds:0.0} s");
                var (built, seconds) = building.GetAwaiter().GetResult();
                using var index = built;
                Progress($"index of {index.NameCount:N0} names and aliases built in {seconds:0.00} s (while the names were read)");
                var hits = Run(index, subjects, t, outPath);
                var total = clock.Elapsed.TotalSeconds;
                Progress($"retrieval: {index.Work.Touched / Math.Max(1.0, subjects.Count):N1} names reached by the postings walks and {index.Work.Scored / Math.Max(1.0, subjects.Count):N1} scored in full per name screened");
                Progress($"wrote {hits:N0} hits for {subjects.Count:N0} names to {outPath} in {total:0.0} s ({subjects.Count / Math.Max(total, 1e-3):N0} names/s; peak memory {Environment.WorkingSet / 1048576.0:N0} MB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB peak)");
                return 0;
            }
            catch (Exception e)
            {
                return LocalCommand.Fail(e);
            }
        });
        return command;
    }

    private static long Run(WatchlistIndex index, List<ScreeningSubject> subjects, double threshold, string outPath)
    {
        StreamWriter writer;
        try
        {
            writer = new StreamWriter(outPath, append: false, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ValidationException("--out", $"cannot write {outPath}: {e.Message}");
        }
        using (writer)
        {
            writer.Write("input_id,list_id,score,explanation\n");
            long written = 0;
            var clock = Stopwatch.StartNew();
            var lastReport = 0.0;
            var results = new string?[Math.Min(Chunk, subjects.Count)];
            var counts = new int[results.Length];
            for (var from = 0; from < subjects.Count; from += Chunk)
            {
                var count = Math.Min(Chunk, subjects.Count - from);
                var start = from;
                Parallel.For(0, count, i =>
                {
                    var subject = subjects[start + i];
                    var hits = index.Screen(subject, threshold);
                    if (hits.Count == 0)
                    {
                        results[i] = null;
                        return;
                    }
                    var b = new StringBuilder();
                    foreach (var h in hits)
                    {
                        b.Append(CsvText.Quoted(h.SubjectId)).Append(',').Append(CsvText.Quoted(h.EntryId)).Append(',')
                            .Append(Format(h.Score)).Append(',').Append(CsvText.Quoted(h.Explanation())).Append('\n');
                    }
                    results[i] = b.ToString();
                    counts[i] = hits.Count;
                });
                for (var i = 0; i < count; i++)
                {
                    if (results[i] is { } rows)
                    {
                        writer.Write(rows);
                        written += counts[i];
                    }
                }
                var done = from + count;
                if (clock.Elapsed.TotalSeconds - lastReport >= 5 || done == subjects.Count)
                {
                    lastReport = clock.Elapsed.TotalSeconds;
                    Progress($"screened {done:N0} of {subjects.Count:N0} names ({done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0}/s), {written:N0} hits");
                }
            }
            return written;
        }
    }

    /// <summary>
    /// bench/screening/rescreen.sh: prepares the input once as a screened population, then changes every k-th list entry
    /// (k = 1 / fraction: a new alias, another entry's main name, and a new version) and re-screens the whole population
    /// against the changed entries only, twice (two different deltas); writes the second delta's hits to the output.
    /// </summary>
    private static void RescreenBench(List<WatchlistEntry> entries, string version, List<ScreeningSubject> subjects, double fraction, double threshold, string outPath)
    {
        var clock = Stopwatch.StartNew();
        using var population = ScreenedPopulation.Prepare(subjects, NameMatcher.Bundled);
        Progress($"rescreen: population of {population.Count:N0} names prepared in {clock.Elapsed.TotalSeconds:0.00} s ({GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:N0} MB managed memory after)");
        var step = Math.Max(1, (int)Math.Round(1 / fraction));
        IReadOnlyList<EntryRescreen> delta = [];
        for (var round = 0; round < 2; round++)
        {
            var changed = new List<WatchlistEntry>();
            for (var i = round * step / 3; i < entries.Count; i += step)
            {
                var e = entries[i];
                var alias = entries[(i + (step / 2) + 1) % entries.Count].Names[0];
                changed.Add(e with { Names = [.. e.Names, alias], Version = e.Version + 1 });
            }
            clock.Restart();
            delta = population.Rescreen(changed, $"{version}+{round + 1}", threshold);
            var hits = delta.Sum(d => d.Hits.Count);
            Progress($"rescreen: delta {round + 1}: {changed.Count:N0} changed entries ({changed.Count / (double)entries.Count:P1} of the list) re-screened against {population.Count:N0} names in {clock.Elapsed.TotalSeconds:0.00} s: {hits:N0} hits on {delta.Count(d => d.Hits.Count > 0):N0} entries (peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB)");
        }
        var text = new StringBuilder("input_id,list_id,score,explanation\n");
        foreach (var hit in delta.SelectMany(d => d.Hits))
        {
            text.Append(CsvText.Quoted(hit.SubjectId)).Append(',').Append(CsvText.Quoted(hit.EntryId)).Append(',')
                .Append(Format(hit.Score)).Append(',').Append(CsvText.Quoted(hit.Explanation())).Append('\n');
        }
        Write(outPath, "--out", text.ToString());
    }

    private static string Format(double score) => score.ToString("0.####", CultureInfo.InvariantCulture);

    private static void Progress(string message) => Console.Error.WriteLine("screen: " + message);

    private static void Write(string path, string option, string text)
    {
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ValidationException(option, $"cannot write {path}: {e.Message}");
        }
    }
}
