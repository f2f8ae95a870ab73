using System.Diagnostics;
using System.Globalization;
using Lantern.Core;
using Lantern.Core.Common;
using Lantern.Core.Features.Demo;
using Lantern.Core.Features.Reports;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lantern.Benchmarks;

/// <summary>
/// Rendering the annual report (issue 7 §2, ADR 0022) on a realistic database: the demo data set (seeded into
/// DATABASE when the file does not exist yet), the report generated RUNS times in one process as the CLI and the
/// server generate it — statistics read, tables, charts and maps built, PDF drawn, audit written. Prints, per run,
/// the wall time, the CPU time of this process and the time of each step; then the peak working set of the process.
/// </summary>
/// <remarks>Usage: <c>annual-report DATABASE KEYS [YEAR=2025] [RUNS=3] [FROM TO]</c> (FROM TO: a free period instead of the year).</remarks>
internal static class AnnualReportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: annual-report DATABASE KEYS [YEAR=2025] [RUNS=3] [FROM TO]");
            return 2;
        }
        var year = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2025;
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var (from, to) = args.Length > 5 ? (args[4], args[5]) : ((string?)null, (string?)null);
        var ct = CancellationToken.None;
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFilter(_ => false));
        var fresh = !File.Exists(args[0]);
        services.AddLanternCore(new LanternOptions { ConnectionString = LanternOptions.NormaliseConnectionString(args[0]), KeyFolder = args[1] });
        await using var provider = services.BuildServiceProvider();

        var organisation = default(OrganisationId);
        await using (var scope = provider.CreateAsyncScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
            await setup.PrepareForServingAsync(ct);
            organisation = (await setup.FirstOrganisationAsync(ct))?.Id ?? default;
            if (fresh)
            {
                var seeding = Stopwatch.StartNew();
                var seeded = await scope.ServiceProvider.GetRequiredService<SeedDemoData.Handler>().Handle(Actor.LocalOperator(organisation), ct,
                    new Progress<string>(line => Console.Error.WriteLine("demo: " + line)));
                Console.Error.WriteLine(Report.Invariant($"annual-report: seeded {seeded.Cases:N0} cases and {seeded.Persons:N0} people in {seeding.Elapsed.TotalSeconds:0} s"));
                organisation = (await setup.FirstOrganisationAsync(ct))?.Id ?? default;
            }
        }

        var process = Process.GetCurrentProcess();
        Console.WriteLine(from is null ? $"annual report {year}, {args[0]}" : $"report {from} to {to}, {args[0]}");
        Console.WriteLine("run  wall s  cpu s  pages  steps (s)");
        for (var run = 1; run <= runs; run++)
        {
            // A fresh scope per run, as each CLI call and each request gets: no tracked entities carried over.
            await using var scope = provider.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<GenerateAnnualReport.Handler>();
            var steps = new List<(string Step, TimeSpan At)>();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var report = await handler.Handle(Actor.LocalOperator(organisation), new GenerateAnnualReport.Request(from is null ? year : null, From: from, To: to), ct,
                new StepClock(step => steps.Add((step, wall.Elapsed))));
            var elapsed = wall.Elapsed;
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            var marks = steps.Select(s => s.At).Append(elapsed).ToList();
            var times = string.Join(", ", steps.Select((s, i) => Report.Invariant($"{s.Step} {(marks[i + 1] - s.At).TotalSeconds:0.00}")));
            Console.WriteLine(Report.Invariant($"{run,3}  {elapsed.TotalSeconds,6:0.00}  {used.TotalSeconds,5:0.00}  {report.Pages,5}  {times}"));
        }
        process.Refresh();
        Console.WriteLine(Report.Invariant($"peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB; allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MiB in all; {Environment.ProcessorCount} processors"));
        return 0;
    }

    /// <summary>Notes each step as it starts, on the caller's thread (System.Progress would post it later).</summary>
    private sealed class StepClock(Action<string> note) : IProgress<string>
    {
        public void Report(string value) => note(value);
    }
}
