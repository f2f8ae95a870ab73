using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// Replaces a list's entries with a validated set (an import or a refresh from records): in one list version, entries
/// new to the list are added, entries whose details differ change (a new item version with history), entries absent
/// from the set are removed (kept, with history), the rest are counted unchanged. Nothing is saved here: the caller
/// records the import and saves once, so the replacement commits whole or not at all.
/// </summary>
internal static class WatchlistReplacement
{
    public static async Task<ReplacementCounts> ReplaceAsync(AppDbContext db, Watchlist list, IReadOnlyList<ListedRecord> records, Actor by, DateTime now, Action<int, int>? progress, CancellationToken ct)
    {
        if (list.IsRetired)
        {
            throw new ConflictException("list", "A retired list does not change.");
        }
        var existing = await db.WatchlistItems.Where(i => i.WatchlistId == list.Id).ToDictionaryAsync(i => i.ExternalId, StringComparer.Ordinal, ct);
        var listVersion = list.Version + 1;
        int added = 0, changed = 0, removed = 0, unchanged = 0, done = 0;
        // A 100,000-entry import tracks 200,000 objects: detecting changes once, before saving, instead of on every Add.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var inFile = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in records)
            {
                inFile.Add(r.ExternalId);
                if (existing.TryGetValue(r.ExternalId, out var item))
                {
                    if (WatchlistEditing.Change(db, item, listVersion, r.Details, by, now))
                    {
                        changed++;
                    }
                    else
                    {
                        unchanged++;
                    }
                }
                else
                {
                    WatchlistEditing.Add(db, list, listVersion, r.ExternalId, r.Details, by, now, person: r.Person);
                    added++;
                }
                if (++done % 10_000 == 0)
                {
                    progress?.Invoke(done, records.Count);
                }
            }
            foreach (var item in existing.Values.Where(i => !inFile.Contains(i.ExternalId)))
            {
                if (WatchlistEditing.Remove(db, item, listVersion, by, now))
                {
                    removed++;
                }
            }
            if (added + changed + removed > 0 && list.NextVersion(now) != listVersion)
            {
                throw new InvalidOperationException("The list version moved during a replacement.");
            }
            db.ChangeTracker.DetectChanges();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        progress?.Invoke(records.Count, records.Count);
        return new ReplacementCounts(added, changed, removed, unchanged);
    }
}
