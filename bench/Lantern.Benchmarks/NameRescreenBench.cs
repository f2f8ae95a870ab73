using System.Diagnostics;
using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lantern.Benchmarks;

/// <summary>
/// Re-screening inside Lantern on list change (issue 6 §4, §5: 1,000,000 screened names after 1% of the list changes
/// in at most 10 s): a list loaded through the model, NAMES screened subjects recorded in the database (SQLite, field
/// encryption as in production), the population prepared once as the server does at start, then twice FRACTION of the
/// entries change (a new alias each) and the re-screening handler runs as the background service runs it: changed
/// entries read, population screened against them, alerts raised in the database, watermark and audit written.
/// </summary>
/// <remarks>Usage: <c>name-rescreen LIST.csv NAMES.csv [FRACTION=0.01]</c> (files as <c>bench/screening/generate.py</c> writes them).</remarks>
internal static class NameRescreenBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: name-rescreen LIST.csv NAMES.csv [FRACTION=0.01]");
            return 2;
        }
        var fraction = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.01;
        var ct = CancellationToken.None;
        var (entries, _) = WatchlistCsv.ReadList(args[0]);
        var subjects = WatchlistCsv.ReadSubjects(args[1], new Dictionary<string, string>());
        // the benchmark runs the re-screening handler itself, so the server's background screening is left out
        await using var server = await BenchServer.StartAsync(DatabaseProvider.Sqlite, null, "", ct, services =>
        {
            foreach (var d in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "NameScreeningService").ToList())
            {
                services.Remove(d);
            }
        });
        var organisation = await server.AddOrganisationAsync("Benchmark FIA Lahore", ct);
        var org = new OrganisationId(organisation.Id);

        var load = Stopwatch.StartNew();
        var listId = await server.AsOperatorAsync(org, async (sp, actor) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            var list = NameScreeningBench.AddList(db, entries, org, actor, now);
            var mark = new ScreeningWatermark(list.Id);
            mark.Advance(list.Version, now); // the population below was screened against this version already
            db.ScreeningWatermarks.Add(mark);
            await db.SaveChangesAsync(ct);
            return list.Id;
        });
        Console.Error.WriteLine($"name-rescreen: {entries.Count:N0} entries loaded in {load.Elapsed.TotalSeconds:0.0} s");

        load.Restart();
        var blind = server.App.Services.GetRequiredService<BlindIndex>();
        const int Chunk = 10_000;
        for (var start = 0; start < subjects.Count; start += Chunk)
        {
            await server.AsOperatorAsync(org, async (sp, actor) =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var now = DateTime.UtcNow;
                foreach (var s in subjects.Skip(start).Take(Chunk))
                {
                    var subject = new ScreenedSubject(org, null, s.Id, s, ScreeningRun.SubjectKey(blind, s.Id, s), null, NameMatcher.DefaultThreshold, actor.UserId, now);
                    subject.Screened([], now);
                    db.ScreenedSubjects.Add(subject);
                }
                await db.SaveChangesAsync(ct);
                return 0;
            });
            Console.Error.Write($"\r\x1b[Kname-rescreen: {Math.Min(subjects.Count, start + Chunk):N0} of {subjects.Count:N0} screened names recorded");
        }
        Console.Error.WriteLine($" in {load.Elapsed.TotalSeconds:0.0} s");

        load.Restart();
        await server.AsOperatorAsync(org, (sp, actor) => sp.GetRequiredService<ScreeningRescreen.Handler>().PrepareAsync(actor, ct));
        var prepared = load.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"population of {subjects.Count:N0} read and prepared (once, at start): {prepared:0.0} s"));

        var changed = Math.Max(1, (int)(entries.Count * fraction));
        for (var round = 1; round <= 2; round++)
        {
            var r = round;
            await server.AsOperatorAsync(org, async (sp, actor) =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                db.ScopeTo(actor);
                var now = DateTime.UtcNow;
                var list = await db.Watchlists.FirstAsync(w => w.Id == listId, ct);
                var v = list.NextVersion(now);
                var step = entries.Count / changed;
                var ids = Enumerable.Range(0, changed).Select(k => entries[(k * step + r) % entries.Count].Id).ToList();
                var items = await db.WatchlistItems.Where(i => i.WatchlistId == listId && ids.Contains(i.ExternalId)).ToListAsync(ct);
                foreach (var item in items)
                {
                    var d = item.Details;
                    WatchlistEditing.Change(db, item, v, d with { Aliases = [.. d.Aliases.Take(ListedDetails.MaxAliases - 1), d.Name + " Khan"] }, actor, now);
                }
                await db.SaveChangesAsync(ct);
                return 0;
            });
            var watch = Stopwatch.StartNew();
            var run = await server.AsOperatorAsync(org, (sp, actor) => sp.GetRequiredService<ScreeningRescreen.Handler>().Handle(actor, ct));
            var l = run.Lists.Single();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"re-screen {r}: {l.ChangedEntries:N0} changed entries ({fraction:P0}) against {l.Subjects:N0} screened names: {watch.Elapsed.TotalSeconds:0.00} s; {l.Hits:N0} hits, {l.Raised:N0} alerts raised, {l.Updated:N0} updated"));
        }
        Console.WriteLine("peak working set: " + (Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GB");
        Console.WriteLine("load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown"));
        return 0;
    }
}
