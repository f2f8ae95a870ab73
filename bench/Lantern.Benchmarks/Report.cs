using System.Globalization;
using System.Text;

namespace Lantern.Benchmarks;

/// <summary>The results so far, printed as markdown tables.</summary>
internal sealed class Report
{
    private sealed record LoadRow(string Provider, string Data, string Operation, StepResult Result);

    private sealed record SetupRow(string Provider, string What, int Cases, double Seconds);

    private readonly List<LoadRow> _load = [];
    private readonly List<SetupRow> _setup = [];
    private readonly List<string> _notes = [];

    public void Add(string provider, string data, string operation, StepResult result)
    {
        _load.Add(new LoadRow(provider, data, operation, result));
        var r = result;
        Console.Error.WriteLine(Invariant($"  {operation,-7} {(r.TargetRate == 0 ? "1-by-1" : r.TargetRate.ToString(CultureInfo.InvariantCulture)),6} req/s -> {r.AchievedPerSecond,7:0.0} req/s, ok {r.Ok}, errors {r.ErrorSummary}, p50 {r.P50:0.0} p95 {r.P95:0.0} p99 {r.P99:0.0} max {r.Max:0.0} ms, send lag p99 {r.SendLagP99:0.0} ms, cpu {r.Cpu.ThisProcess:P0} lantern / {r.Cpu.Postgres:P0} postgres / {r.Cpu.Machine:P0} machine{(r.Disturbed ? " DISTURBED" : "")}"));
    }

    public void AddSetup(string provider, string what, int cases, double seconds)
    {
        _setup.Add(new SetupRow(provider, what, cases, seconds));
        Console.Error.WriteLine(Invariant($"  {what}: {cases:N0} cases in {seconds:0.0} s ({(seconds > 0 ? cases / seconds : 0):0} cases/s)"));
    }

    public void Note(string note) => _notes.Add(note);

    public string ToMarkdown(BenchOptions options)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant($"## Lantern benchmark results ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)"));
        md.AppendLine();
        md.AppendLine(Invariant($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {options.Seconds} s measured per rate after {options.Warmup} s warm-up; latency from when each request was due (open loop). Arguments: `{options.CommandLine}`"));
        md.AppendLine();
        foreach (var operation in new[] { "read", "create", "search" })
        {
            var rows = _load.Where(r => r.Operation == operation).ToList();
            if (rows.Count == 0)
            {
                continue;
            }
            md.AppendLine(operation switch
            {
                "read" => "### Case reads: `GET /api/v1/cases/{id}`",
                "create" => "### Case creation: `POST /api/v1/cases` (one lantern-case/1 document each)",
                _ => "### Name search: `GET /api/v1/cases?q=<name>` (spelling variants and typing slips)",
            });
            md.AppendLine();
            var hits = operation == "search";
            md.AppendLine("| Provider | Data | Target req/s | Achieved req/s | OK | Errors | p50 ms | p95 ms | p99 ms | max ms |" + (hits ? " mean hits |" : "") + " CPU % Lantern / PostgreSQL / machine |");
            md.AppendLine("|---|---|---:|---:|---:|---|---:|---:|---:|---:|" + (hits ? "---:|" : "") + "---:|");
            foreach (var row in rows)
            {
                var r = row.Result;
                md.AppendLine(Invariant($"| {row.Provider} | {row.Data} | {(r.TargetRate == 0 ? "one at a time" : r.TargetRate)} | {r.AchievedPerSecond:0.0} | {r.Ok} | {r.ErrorSummary} | {Ms(r.P50)} | {Ms(r.P95)} | {Ms(r.P99)} | {Ms(r.Max)} |")
                    + (hits ? Invariant($" {r.MeanHits:0.0} |") : "")
                    + Invariant($" {r.Cpu.ThisProcess * 100:0} / {r.Cpu.Postgres * 100:0} / {r.Cpu.Machine * 100:0}{(r.Disturbed ? Invariant($" (disturbed: others {r.OtherCpu * 100:0}%{(r.QuietBefore ? "" : ", busy before")})") : "")} |"));
            }
            md.AppendLine();
        }
        if (_setup.Count > 0)
        {
            md.AppendLine("### Data set-up (in-process, through Core's handlers)");
            md.AppendLine();
            md.AppendLine("| Provider | Step | Cases | Seconds | Cases/s |");
            md.AppendLine("|---|---|---:|---:|---:|");
            foreach (var s in _setup)
            {
                md.AppendLine(Invariant($"| {s.Provider} | {s.What} | {s.Cases:N0} | {s.Seconds:0.0} | {(s.Seconds > 0 ? s.Cases / s.Seconds : 0):0} |"));
            }
            md.AppendLine();
        }
        foreach (var note in _notes)
        {
            md.AppendLine("- " + note);
        }
        return md.ToString();
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
