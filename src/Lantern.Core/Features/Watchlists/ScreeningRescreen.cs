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

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
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

        public async Task<Response> Handle(Actor actor, CancellationToken ct)
        {
            RequireSystem(actor);
            _db.ScopeTo(actor);
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
            var organisations = list.Screeners.Select(s => s.OrganisationId).Append(list.OwnerOrganisationId).ToList();
            var profiles = await _db.ScreeningProfiles.AsNoTracking().Where(p => organisations.Contains(p.OrganisationId)).ToDictionaryAsync(p => p.Id, ct);
            int subjects = 0, hits = 0, raised = 0, updated = 0, closed = 0;
            using (var index = WatchlistIndex.Build([.. listed.Select(i => i.ToEntry())], tag, NameMatcher.Bundled))
            {
                Guid? after = null;
                while (true)
                {
                    var page = await _db.ScreenedSubjects
                        .Where(s => s.ScreenedAt != null && organisations.Contains(s.OrganisationId) && (after == null || s.Id.CompareTo(after.Value) > 0))
                        .OrderBy(s => s.Id).Take(Page).ToListAsync(ct);
                    if (page.Count == 0)
                    {
                        break;
                    }
                    after = page[^1].Id;
                    foreach (var subject in page)
                    {
                        if (subject.ProfileId is { } p && profiles.TryGetValue(p, out var profile) && !profile.Covers(list.Id))
                        {
                            continue;
                        }
                        subjects++;
                        var found = listed.Count == 0 ? [] : index.Screen(subject.ToSubject(), subject.Threshold, explain: true);
                        if (found.Count == 0)
                        {
                            if (subject.HitList.Any(h => changedIds.Contains(h.ItemId)))
                            {
                                subject.Rescreened(changedIds, [], now);
                            }
                            continue;
                        }
                        var result = await ScreeningRun.RaiseAsync(_db, subject, [.. found.Select(h => (list, h))], now, ct);
                        hits += result.Count;
                        raised += result.Count(r => r.Raised);
                        updated += result.Count(r => r.Updated);
                        subject.Rescreened(changedIds, result.Select(ScreeningRun.ToSubjectHit), now);
                    }
                    await _db.SaveChangesAsync(ct);
                    _db.ChangeTracker.Clear();
                }
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
        }
    }
}
