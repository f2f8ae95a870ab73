using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lantern.Core.Features.Administration;
using Lantern.Core.Persistence;

namespace Lantern.Benchmarks;

/// <summary>
/// Measures Lantern through its REST API on Kestrel (loopback) at fixed request rates, for SQLite and PostgreSQL:
/// case reads, case creation, and name search over the demo data and over a large synthetic data set.
/// See docs/benchmarks.md for the figures and how to read them.
/// </summary>
public static class Program
{
    private const string FallbackOrganisation = "Benchmark Organisation";
    private const int FallbackCases = 2_000;
    private const int ProbeSearches = 20;
    private static readonly TimeSpan ProbeBudget = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMinutes(2);

    public static async Task<int> Main(string[] args)
    {
        if (args is ["networks", .. var rest])
        {
            return NetworkBench.Run(rest);
        }
        if (args is ["name-rescreen", .. var rescreen])
        {
            return await NameRescreenBench.RunAsync(rescreen);
        }
        if (args is ["annual-report", .. var annual])
        {
            return await AnnualReportBench.RunAsync(annual);
        }
        if (args is ["name-screening", .. var screening])
        {
            return await NameScreeningBench.RunAsync(screening);
        }
        BenchOptions? options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        if (options is null)
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (!cancel.IsCancellationRequested)
            {
                e.Cancel = true;
                Console.Error.WriteLine("Stopping once the requests in flight are answered; press Ctrl-C again to stop at once.");
                cancel.Cancel();
            }
        };

        var report = new Report();
        PostgresThrowaway? throwaway = null;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => throwaway?.StopNow();
        var exit = 0;
        var started = Stopwatch.StartNew();
        try
        {
            foreach (var provider in options.Providers)
            {
                string? postgres = null;
                if (provider == "postgres")
                {
                    if (options.Postgres is null && throwaway is null)
                    {
                        Console.Error.WriteLine("Starting a throwaway PostgreSQL (scripts/postgres-throwaway.sh)...");
                        throwaway = await PostgresThrowaway.StartAsync(cancel.Token);
                    }
                    postgres = options.Postgres ?? throwaway!.Connection;
                }
                await RunProviderAsync(provider, postgres, options, report, cancel.Token);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Stopped; the results so far follow.");
            exit = 130;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException or HttpRequestException or IOException)
        {
            await Console.Error.WriteLineAsync("The benchmark failed: " + e);
            exit = 1;
        }
        finally
        {
            if (throwaway is not null)
            {
                await throwaway.DisposeAsync();
            }
        }
        report.Note(Report.Invariant($"Total run time {started.Elapsed.TotalMinutes:0.0} min."));
        Console.WriteLine(report.ToMarkdown(options));
        return exit;
    }

    private static async Task RunProviderAsync(string provider, string? postgres, BenchOptions options, Report report, CancellationToken ct)
    {
        Console.Error.WriteLine($"== {provider} ==");
        var databaseProvider = provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        await using var server = await BenchServer.StartAsync(databaseProvider, postgres, options.PostgresExtra, ct);
        if (databaseProvider == DatabaseProvider.Postgres && options.PostgresExtra.Trim(';', ' ').Length > 0)
        {
            provider += " (" + options.PostgresExtra.Trim(';', ' ') + ")";
        }
        Console.Error.WriteLine($"Lantern listening on {server.Address} ({provider}).");

        // Demo data first: the seeder only fills an empty database.
        var clock = Stopwatch.StartNew();
        var demo = await server.SeedDemoAsync(ct);
        Organisations.View organisation;
        var readIds = new List<Guid>();
        string data;
        if (demo.Cases > 0)
        {
            report.AddSetup(provider, "demo seeder", demo.Cases, clock.Elapsed.TotalSeconds);
            // Searches and reads are scoped to the user's organisation: measure as a member of the one with most cases.
            var counts = new List<(Organisations.View Organisation, int Cases)>();
            foreach (var o in await server.OrganisationsAsync(ct))
            {
                counts.Add((o, (await server.CasesOfAsync(o.Id, 1, ct)).Total));
            }
            (organisation, var visible) = counts.MaxBy(c => c.Cases);
            data = Report.Invariant($"demo ({visible:N0} of {demo.Cases:N0} cases visible)");
        }
        else
        {
            // Until the demo seeder exists, the same amount of synthetic data stands in for it.
            report.Note(Report.Invariant($"{provider}: the demo seeder seeded no cases; {FallbackCases:N0} synthetic cases stand in for the demo data."));
            organisation = await server.AddOrganisationAsync(FallbackOrganisation, ct);
            clock.Restart();
            readIds.AddRange(await ImportSyntheticAsync(server, organisation.Name, FallbackCases, options.Batch, options.Seed + 1, "DEMO", ct));
            report.AddSetup(provider, "synthetic stand-in for demo data", FallbackCases, clock.Elapsed.TotalSeconds);
            data = Report.Invariant($"{FallbackCases:N0} synthetic (no demo seeder)");
        }
        var token = await server.AddBenchUserAsync(organisation, ct);
        if (readIds.Count == 0)
        {
            readIds.AddRange((await server.CasesOfAsync(organisation.Id, 20_000, ct)).Ids);
        }

        using var load = new OpenLoad(server.Address, token, TimeSpan.FromSeconds(options.Timeout), options.MaxInFlight);
        var random = new Random(options.Seed);
        if (options.Runs("reads"))
        {
            await ReadsAsync(load, provider, data, readIds, random, options, report, ct);
        }
        if (options.Runs("search"))
        {
            await SearchAsync(load, provider, data, random, options, report, ct);
        }

        // Creations last: they add cases to the organisation searched above.
        if (options.Runs("creates"))
        {
            foreach (var rate in options.Rates)
            {
                var generator = new SyntheticCases(options.Seed + rate);
                var plan = Enumerable.Range(0, rate * (options.Warmup + options.Seconds))
                    .Select(i => new PlannedRequest(HttpMethod.Post, "/api/v1/cases", generator.NextJson(Report.Invariant($"BENCH-{rate}-{i:D6}"))))
                    .ToList();
                report.Add(provider, data, "create", await StepAsync(load, rate, plan, null, options, ct));
            }
        }
        if (options.Cases == 0)
        {
            return;
        }
        Console.Error.WriteLine(Report.Invariant($"Importing {options.Cases:N0} synthetic cases in batches of {options.Batch}..."));
        clock.Restart();
        var imported = await ImportSyntheticAsync(server, organisation.Name, options.Cases, options.Batch, options.Seed + 2, "SYN", ct);
        report.AddSetup(provider, Report.Invariant($"import, {options.Batch} cases per call"), imported.Count, clock.Elapsed.TotalSeconds);
        readIds.AddRange(imported);
        var total = (await server.CasesOfAsync(organisation.Id, 1, ct)).Total;
        var large = Report.Invariant($"{(demo.Cases > 0 ? "demo" : "stand-in")} + {options.Cases:N0} synthetic ({total:N0} cases visible)");
        if (options.Runs("reads"))
        {
            await ReadsAsync(load, provider, large, readIds, random, options, report, ct);
        }
        if (options.Runs("search"))
        {
            await SearchAsync(load, provider, large, random, options, report, ct);
        }
    }

    private static async Task ReadsAsync(OpenLoad load, string provider, string data, List<Guid> ids, Random random, BenchOptions options, Report report, CancellationToken ct)
    {
        foreach (var rate in options.Rates)
        {
            var plan = Enumerable.Range(0, rate * (options.Warmup + options.Seconds))
                .Select(_ => new PlannedRequest(HttpMethod.Get, "/api/v1/cases/" + ids[random.Next(ids.Count)].ToString()))
                .ToList();
            report.Add(provider, data, "read", await StepAsync(load, rate, plan, null, options, ct));
        }
    }

    private static async Task SearchAsync(OpenLoad load, string provider, string data, Random random, BenchOptions options, Report report, CancellationToken ct)
    {
        // First one search at a time, with a long timeout, for the plain latency; the same searches for every provider.
        var probe = new SyntheticCases(options.Seed + 7);
        var probePlan = Enumerable.Range(0, ProbeSearches).Select(_ => SearchRequest(probe.NextQuery())).ToList();
        if (options.QuietWait > 0)
        {
            await CpuUse.WaitForQuietAsync(TimeSpan.FromSeconds(options.QuietWait), ct);
        }
        var alone = await load.OneAtATimeAsync(probePlan, ProbeSearches, ProbeBudget, ProbeTimeout, SearchTotal,
            (request, ms, hits) => Console.Error.WriteLine(Report.Invariant($"    {Uri.UnescapeDataString(request.Path[(request.Path.IndexOf('=', StringComparison.Ordinal) + 1)..]),-24} {ms,8:0.0} ms {hits,7} hits")), ct);
        report.Add(provider, data, "search", alone);

        var queries = new SyntheticCases(random.Next());
        foreach (var rate in options.SearchRates)
        {
            // Hopeless rates only queue requests until they time out: skip them, and say so.
            if (alone.Ok == 0 || rate * alone.P50 / 1000 > 4 * Environment.ProcessorCount)
            {
                report.Note(Report.Invariant($"{provider}, {data}: search at {rate} req/s skipped, since one search alone takes {alone.P50 / 1000:0.0} s (p50)."));
                continue;
            }
            var plan = Enumerable.Range(0, rate * (options.Warmup + options.Seconds)).Select(_ => SearchRequest(queries.NextQuery())).ToList();
            report.Add(provider, data, "search", await StepAsync(load, rate, plan, SearchTotal, options, ct));
        }
    }

    private static PlannedRequest SearchRequest(string query) => new(HttpMethod.Get, "/api/v1/cases?q=" + Uri.EscapeDataString(query));

    /// <summary>One fixed-rate step, started once other processes leave the machine quiet (a shared machine skews every figure).</summary>
    private static async Task<StepResult> StepAsync(OpenLoad load, int rate, IReadOnlyList<PlannedRequest> plan, Func<string, double>? hits, BenchOptions options, CancellationToken ct)
    {
        var quiet = options.QuietWait == 0 || await CpuUse.WaitForQuietAsync(TimeSpan.FromSeconds(options.QuietWait), ct);
        return await load.RunAsync(rate, options.Warmup, options.Seconds, plan, hits, ct) with { QuietBefore = quiet };
    }

    private static double SearchTotal(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Imports <paramref name="count"/> synthetic cases through the import use case, with progress on stderr.</summary>
    private static async Task<List<Guid>> ImportSyntheticAsync(BenchServer server, string organisation, int count, int batch, int seed, string prefix, CancellationToken ct)
    {
        var generator = new SyntheticCases(seed);
        var ids = new List<Guid>(count);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (ids.Count < count)
        {
            var n = Math.Min(batch, count - ids.Count);
            var json = "[" + string.Join(',', Enumerable.Range(ids.Count, n).Select(i => generator.NextJson(prefix + "-" + i.ToString("D7", CultureInfo.InvariantCulture)))) + "]";
            var result = await server.ImportAsync(organisation, json, ct);
            ids.AddRange(result.Cases.Select(c => c.Id));
            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(5) || ids.Count == count)
            {
                lastReport = clock.Elapsed;
                Console.Error.WriteLine(Report.Invariant($"  import: {ids.Count:N0} / {count:N0} cases, {ids.Count / clock.Elapsed.TotalSeconds:0} cases/s"));
            }
        }
        return ids;
    }
}
