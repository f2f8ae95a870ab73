using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// Re-screening on list change: for each list whose version moved past its watermark, the population already screened
/// by organisations allowed to screen the list is screened again against the changed entries only (an index of just
/// those entries), raising only new or changed hits: a new alert, an open alert updated with the new version and score,
/// a dismissed alert on a changed entry reopened; open alerts on entries removed from the list are closed.
/// </summary>
public static class ScreeningRescreen
{
    public const int Page = 1_000;

    public sealed record ListRun(Guid ListId, string ListVersion, int ChangedEntries, int RemovedEntries, int Subjects, int Hits, int Raised, int Updated, int Closed);

    public sealed record Response(IReadOnlyList<ListRun> Lists);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;
        private readonly ScreenedPopulations _populations;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock, ScreenedPopulations populations)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
            _populations = populations;
        }

        /// <summary>Whether any list moved past its watermark (cheap: the hosted service polls it).</summary>
        public async Task<bool> PendingAsync(Actor actor, CancellationToken ct)
        {
            RequireSystem(actor);
            _db.ScopeTo(actor);
            var versions = await _db.Watchlists.Where(w => w.RetiredAt == null && w.Version > 0).Select(w => new { w.Id, w.Version }).ToListAsync(ct);
            var marks = await _db.ScreeningWatermarks.ToDictionaryAsync(m => m.WatchlistId, m => m.ListVersion, ct);
            return versions.Any(v => v.Version > marks.GetValueOrDefault(v.Id));
        }

        /// <summary>Reads and prepares the screened population before the first list change (the server does it at start).</summary>
        public async Task<int> PrepareAsync(Actor actor, CancellationToken ct)
        {
            RequireSystem(actor);
            _db.ScopeTo(actor);
            return await _populations.WithAsync(_db, segments => Task.FromResult(segments.Sum(s => s.Facts.Length)), ct);
        }

        public async Task<Response> Handle(Actor actor, CancellationToken ct)
        {
            RequireSystem(actor);
            _db.ScopeTo(actor);
            return await _populations.ExclusiveAsync(() => RunAsync(actor, ct), ct);
        }

        private async Task<Response> RunAsync(Actor actor, CancellationToken ct)
        {
            var lists = await _db.Watchlists.AsNoTracking().Where(w => w.RetiredAt == null && w.Version > 0).OrderBy(w => w.Id).ToListAsync(ct);
            var marks = await _db.ScreeningWatermarks.AsNoTracking().ToDictionaryAsync(m => m.WatchlistId, m => m.ListVersion, ct);
            var runs = new List<ListRun>();
            foreach (var list in lists.Where(l => l.Version > marks.GetValueOrDefault(l.Id)))
            {
                runs.Add(await RescreenAsync(actor, list, marks.GetValueOrDefault(list.Id), ct));
            }
            return new Response(runs);
        }

        // Re-screening crosses organisations (every screener of a list); only the system does it.
        private static void RequireSystem(Actor actor)
        {
            actor.Require(Permissions.WatchlistsManage);
            if (!actor.IsSystem)
            {
                throw new Common.ForbiddenException("system");
            }
        }

        private async Task<ListRun> RescreenAsync(Actor actor, Watchlist list, int since, CancellationToken ct)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            var tag = WatchlistIndexes.VersionTag(list.Id, list.Version);
            var changed = await _db.WatchlistItems.AsNoTracking().Where(i => i.WatchlistId == list.Id && i.ListVersion > since).ToListAsync(ct);
            var changedIds = changed.Select(i => i.Id).ToHashSet();
            var listed = changed.Where(i => i.Status == WatchlistItemStatus.Listed).ToList();
            var removed = changed.Where(i => i.Status == WatchlistItemStatus.Removed).Select(i => i.Id).ToList();
            var organisations = list.Screeners.Select(s => s.OrganisationId).Append(list.OwnerOrganisationId).ToHashSet();
            var profiles = await _db.ScreeningProfiles.AsNoTracking().Where(p => organisations.Contains(p.OrganisationId)).ToDictionaryAsync(p => p.Id, ct);

            // the population kept in memory, screened against the changed entries only
            var (subjects, found) = await _populations.WithAsync(_db, segments => Task.FromResult(Screen(segments, listed, tag, ThresholdOf)), ct);

            // plus the subjects whose earlier hits were on a changed entry (they may hit no more): every hit raised an
            // alert for its organisation and input, so the alerts on the changed entries name them
            var keys = await _db.ScreeningAlerts.Where(a => changedIds.Contains(a.ItemId)).Select(a => a.SubjectKey).Distinct().ToListAsync(ct);
            var earlier = new List<Guid>();
            foreach (var chunk in keys.Chunk(Page))
            {
                var rows = await _db.ScreenedSubjects.Where(s => chunk.Contains(s.SubjectKey) && s.ScreenedAt != null).Select(s => new { s.Id, s.OrganisationId }).ToListAsync(ct);
                earlier.AddRange(rows.Where(r => organisations.Contains(r.OrganisationId)).Select(r => r.Id));
            }
            var affected = found.Keys.Union(earlier).Order().ToList();

            int hits = 0, raised = 0, updated = 0, closed = 0;
            foreach (var chunk in affected.Chunk(Page))
            {
                var page = await _db.ScreenedSubjects.Where(s => chunk.Contains(s.Id)).ToListAsync(ct);
                var work = page.Select(s => (s, (IReadOnlyList<(Watchlist, WatchlistHit)>)(found.TryGetValue(s.Id, out var h) ? [.. h.Select(x => (list, x))] : []))).ToList();
                var results = await ScreeningRun.RaiseManyAsync(_db, work, now, ct);
                for (var k = 0; k < page.Count; k++)
                {
                    var result = results[k];
                    hits += result.Count;
                    raised += result.Count(r => r.Raised);
                    updated += result.Count(r => r.Updated);
                    if (result.Count > 0 || page[k].HitList.Any(h => changedIds.Contains(h.ItemId)))
                    {
                        page[k].Rescreened(changedIds, result.Select(ScreeningRun.ToSubjectHit), now);
                    }
                }
                await _db.SaveChangesAsync(ct);
                _db.ChangeTracker.Clear();
            }

            if (removed.Count > 0)
            {
                var alerts = await _db.ScreeningAlerts.Where(a => removed.Contains(a.ItemId) && a.Status == AlertStatus.Open).ToListAsync(ct);
                closed = alerts.Count(a => a.EntryWasRemoved(tag, now));
            }
            var mark = await _db.ScreeningWatermarks.FirstOrDefaultAsync(m => m.WatchlistId == list.Id, ct);
            if (mark is null)
            {
                mark = new ScreeningWatermark(list.Id);
                _db.ScreeningWatermarks.Add(mark);
            }
            mark.Advance(list.Version, now);
            var run = new ListRun(list.Id, tag, listed.Count, removed.Count, subjects, hits, raised, updated, closed);
            _audit.Add(actor, "name-screening.rescreen", "watchlist", list.Id.ToString(), detail: string.Create(CultureInfo.InvariantCulture,
                $"list {tag} since v{since}; changed entries {listed.Count}; removed {removed.Count}; subjects {subjects}; hits {hits}; alerts raised or reopened {raised}; updated {updated}; closed {closed}; algorithm {ScreeningRun.AlgorithmVersion}"));
            await _db.SaveChangesAsync(ct);
            return run;

            // a subject's threshold against this list: null when another organisation screened it, or under a profile not covering the list
            double? ThresholdOf(ScreenedPopulations.SubjectFacts f) =>
                !organisations.Contains(f.Organisation) ? null
                : f.Profile is { } p && profiles.TryGetValue(p, out var profile) && !profile.Covers(list.Id) ? null
                : f.Threshold;
        }

        /// <summary>Each segment of the population against the changed entries: the number of subjects screened, and the hits by subject.</summary>
        private static (int Subjects, Dictionary<Guid, List<WatchlistHit>> Found) Screen(IReadOnlyList<ScreenedPopulations.Segment> segments, List<WatchlistItem> listed, string tag, Func<ScreenedPopulations.SubjectFacts, double?> thresholdOf)
        {
            var subjects = 0;
            var found = new Dictionary<Guid, List<WatchlistHit>>();
            var entries = listed.Select(i => i.ToEntry()).ToList();
            foreach (var segment in segments)
            {
                var thresholds = Array.ConvertAll(segment.Facts, f => thresholdOf(f));
                subjects += thresholds.Count(t => t is not null);
                foreach (var rescreen in segment.Population.Rescreen(entries, tag, i => thresholds[i]))
                {
                    foreach (var hit in rescreen.Hits)
                    {
                        var id = Guid.Parse(hit.SubjectId, CultureInfo.InvariantCulture);
                        if (!found.TryGetValue(id, out var list))
                        {
                            found[id] = list = [];
                        }
                        list.Add(hit);
                    }
                }
            }
            return (subjects, found);
        }
    }
}
