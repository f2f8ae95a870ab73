using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Benchmarks;

/// <summary>
/// Single-name screening through the API (issue 6 §5: p99 under 5 ms): Kestrel on loopback over SQLite, a list loaded
/// through the model (WatchlistEditing), then REQUESTS sequential <c>POST /api/v1/name-screening/names</c> with names
/// from the input file; each request records its subject and raises alerts as in production. Prints p50/p95/p99 and
/// CPU per request of REQUESTS requests as Lantern runs and REQUESTS without its caches and with a synced commit,
/// interleaved in blocks of 50 so that both meet the same load (ADR 0024).
/// </summary>
/// <remarks>Usage: <c>name-screening LIST.csv NAMES.csv [REQUESTS=1000]</c> (files as <c>bench/screening/generate.py</c> writes them).</remarks>
internal static class NameScreeningBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: name-screening LIST.csv NAMES.csv [REQUESTS=1000]");
            return 2;
        }
        var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        var ct = CancellationToken.None;
        var (entries, _) = WatchlistCsv.ReadList(args[0]);
        var subjects = WatchlistCsv.ReadSubjects(args[1], new Dictionary<string, string>());
        await using var server = await BenchServer.StartAsync(DatabaseProvider.Sqlite, null, "", ct);
        var organisation = await server.AddOrganisationAsync("Benchmark FIA Lahore", ct);
        var token = await server.AddBenchUserAsync(organisation, ct);
        var load = Stopwatch.StartNew();
        await server.AsOperatorAsync(new OrganisationId(organisation.Id), async (sp, actor) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            AddList(db, entries, new OrganisationId(organisation.Id), actor, DateTime.UtcNow);
            await db.SaveChangesAsync(ct);
            return 0;
        });
        Console.Error.WriteLine($"name-screening: {entries.Count:N0} entries loaded through the model in {load.Elapsed.TotalSeconds:0.0} s");

        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var first = Stopwatch.StartNew();
        (await client.PostAsJsonAsync("/api/v1/name-screening/names", new { name = subjects[0].Name }, ct)).EnsureSuccessStatusCode();
        Console.Error.WriteLine($"name-screening: first request (builds the index) {first.Elapsed.TotalMilliseconds:0} ms");
        for (var i = 0; i < 50; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/name-screening/names", new { name = subjects[(i + 1) % subjects.Count].Name }, ct)).EnsureSuccessStatusCode();
        }
        // Blocks of 50 requests alternate between Lantern as it runs (token and list caches, answer before the disk sync)
        // and the same server reading token and lists every time and syncing every commit, so both see the same load.
        var signals = server.App.Services.GetRequiredService<ChangeSignals>();
        var sync = server.App.Services.GetRequiredService<DeferredSync>();
        var budget = server.App.Services.GetRequiredService<CommitBudget>();
        var modes = new[]
        {
            (Name: "as shipped (answer goes first when the commit overruns 2 ms)", Caches: true, Defers: true, Early: true),
            (Name: "answer after the commit (cached, deferred sync)", Caches: true, Defers: true, Early: false),
            (Name: "no caches, synced commit", Caches: false, Defers: false, Early: false),
        };
        var times = modes.Select(_ => new List<double>()).ToArray();
        var inside = modes.Select(_ => new List<double>()).ToArray();
        var cpu = new TimeSpan[modes.Length];
        var hits = new int[modes.Length];
        // per request: did a garbage collection happen during it, and did it raise hits (the tail's two suspects)
        var collected = modes.Select(_ => new List<bool>()).ToArray();
        var withHits = modes.Select(_ => new List<bool>()).ToArray();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < modes.Length * requests; i++)
        {
            var m = i / 50 % modes.Length;
            signals.CachesAllowed = modes[m].Caches;
            sync.Defers = modes[m].Defers;
            budget.AnswersEarly = modes[m].Early;
            var s = subjects[(i / modes.Length * 7919) % subjects.Count];
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var gcBefore = GC.CollectionCount(0);
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/v1/name-screening/names", new { name = s.Name, birthDate = s.BirthDate, nationality = s.Nationality }, ct);
            response.EnsureSuccessStatusCode();
            var result = await response.Content.ReadFromJsonAsync<ScreeningResult>(ct);
            times[m].Add(watch.Elapsed.TotalMilliseconds);
            collected[m].Add(GC.CollectionCount(0) != gcBefore);
            withHits[m].Add(result!.Hits.Count > 0);
            process.Refresh();
            cpu[m] += process.TotalProcessorTime - cpuBefore;
            hits[m] += result!.Hits.Count;
            inside[m].Add(result.Milliseconds);
        }
        signals.CachesAllowed = true;
        sync.Defers = true;
        budget.AnswersEarly = true;
        static double P(List<double> values, double q)
        {
            var sorted = values.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        }
        for (var m = 0; m < modes.Length; m++)
        {
            var n = times[m].Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"single-name screening through the API, {modes[m].Name}: {n} requests, {hits[m]} hits; p50 {P(times[m], 0.50):0.00} ms, p95 {P(times[m], 0.95):0.00} ms, p99 {P(times[m], 0.99):0.00} ms, max {times[m].Max():0.00} ms; CPU {cpu[m].TotalMilliseconds / n:0.00} ms per request (client and server, one process)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  of which in the handler (lists, screening, recording, audit): p50 {P(inside[m], 0.50):0.00} ms, p95 {P(inside[m], 0.95):0.00} ms, p99 {P(inside[m], 0.99):0.00} ms"));
        }
        for (var m = 0; m < modes.Length; m++)
        {
            var slow = Enumerable.Range(0, times[m].Count).Where(i => times[m][i] > 5).ToList();
            var quiet = Enumerable.Range(0, times[m].Count).Where(i => !collected[m][i]).Select(i => times[m][i]).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {modes[m].Name}: {collected[m].Count(c => c)} requests saw a collection, {withHits[m].Count(h => h)} had hits; of the {slow.Count} over 5 ms, {slow.Count(i => collected[m][i])} saw a collection and {slow.Count(i => withHits[m][i])} had hits; p99 of requests without a collection {(quiet.Count > 0 ? P(quiet, 0.99) : 0):0.00} ms"));
        }
        Console.WriteLine("load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown"));
        return 0;
    }

    /// <summary>A suspects list of <paramref name="entries"/> (version 1), added through the model as an import adds it.</summary>
    internal static Watchlist AddList(AppDbContext db, IReadOnlyList<WatchlistEntry> entries, OrganisationId organisation, Actor actor, DateTime now)
    {
        var list = new Watchlist("Benchmark suspects", "Benchmark of name screening.", WatchlistKind.Suspects, WatchlistSource.Import, organisation, actor.UserId, now);
        db.Watchlists.Add(list);
        var v = list.NextVersion(now);
        foreach (var e in entries)
        {
            WatchlistEditing.Add(db, list, v, e.Id, new ListedDetails(e.Names[0], [.. e.Names.Skip(1).Take(ListedDetails.MaxAliases)], e.BirthDate, e.Nationality, e.NationalId, e.Passport, null), actor, now);
        }
        return list;
    }
}
