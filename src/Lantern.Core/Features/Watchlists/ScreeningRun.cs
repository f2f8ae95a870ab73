using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// A hit as one screening produced it: the list, the item, the engine's hit, and the alert it raised (new or reopened),
/// updated (an open alert whose entry version or score moved) or was suppressed by.
/// </summary>
internal sealed record ScreenedHit(Watchlist List, WatchlistItem Item, WatchlistHit Hit, ScreeningAlert? Alert, bool Suppressed, bool Raised, bool Updated = false);

/// <summary>
/// What single names, batches and re-screening share: checking an input, choosing the lists, screening a recorded
/// subject against built indexes, and raising alerts with suppression (one alert per organisation, input and entry).
/// </summary>
internal static class ScreeningRun
{
    /// <summary>The matching algorithm named in every alert and audit entry (raise it when scores change meaning).</summary>
    public const string AlgorithmVersion = "lantern-names/1";

    public const int MaxNameLength = 200;

    /// <summary>Checks an input (errors name the field, prefixed for batch lines) and returns it trimmed.</summary>
    public static ScreeningSubject Validated(string? name, string? birthDate, string? nationality, string? nationalId, string? passport, string prefix = "")
    {
        var n = TextRules.FreeText(name, prefix + "name", MaxNameLength) ?? throw new ValidationException(prefix + "name", "Give the name to screen.");
        var birth = DetailRules.BirthDate(birthDate, prefix + "birth_date");
        var nat = DetailRules.Nationality(nationality, prefix + "nationality");
        return new ScreeningSubject("", n, birth, nat,
            TextRules.FreeText(nationalId, prefix + "national_id", 40), TextRules.FreeText(passport, prefix + "passport", 40));
    }

    /// <summary>A keyed hash of the input, so the same input screened again meets its earlier alerts.</summary>
    public static string SubjectKey(BlindIndex blind, string? externalId, ScreeningSubject s) =>
        blind.Hash(SearchKeyKind.NameExact, string.Join('|', "screening-subject",
            externalId?.Trim() ?? "", s.Name.Trim().ToLowerInvariant(), Standardise.Date(s.BirthDate) ?? "", s.Nationality ?? "",
            Standardise.Document(s.NationalId) ?? "", Standardise.Document(s.Passport) ?? ""));

    /// <summary>
    /// The lists <paramref name="organisation"/> may screen now, narrowed to <paramref name="profile"/>'s lists.
    /// Reads past the tenant filter only to apply <see cref="Watchlist.MayScreen"/> for that organisation.
    /// </summary>
    public static async Task<List<Watchlist>> ListsAsync(AppDbContext db, OrganisationId organisation, ScreeningProfile? profile, CancellationToken ct)
    {
        var lists = await WatchlistVisibility.ScreenableByAsync(db, organisation, ct);
        return [.. lists.Where(l => l.Version > 0 && (profile is null || profile.Covers(l.Id)))];
    }

    /// <summary>Screens a recorded subject against the lists' current indexes and raises or updates its alerts.</summary>
    public static async Task<List<ScreenedHit>> ScreenAsync(AppDbContext db, WatchlistIndexes indexes, ScreenedSubject subject, IReadOnlyList<Watchlist> lists, DateTime now, CancellationToken ct)
    {
        var query = subject.ToSubject();
        var found = new List<(Watchlist List, WatchlistHit Hit)>();
        foreach (var list in lists)
        {
            var built = await indexes.GetAsync(list, ct);
            found.AddRange(built.Index.Screen(query, subject.Threshold, explain: true).Select(h => (list, h)));
        }
        var hits = await RaiseAsync(db, subject, found, now, ct);
        subject.Screened(hits.Select(ToSubjectHit), now);
        return hits;
    }

    /// <summary>Turns engine hits into alerts (new, updated, reopened or suppressed), best first.</summary>
    public static async Task<List<ScreenedHit>> RaiseAsync(AppDbContext db, ScreenedSubject subject, IReadOnlyList<(Watchlist List, WatchlistHit Hit)> found, DateTime now, CancellationToken ct) =>
        found.Count == 0 ? [] : (await RaiseManyAsync(db, [(subject, found)], now, ct))[0];

    /// <summary>
    /// <see cref="RaiseAsync"/> for many subjects at once: the entries and the existing alerts are read in one query
    /// each, so re-screening a population costs a few queries per page, not per subject.
    /// </summary>
    public static async Task<List<List<ScreenedHit>>> RaiseManyAsync(AppDbContext db, IReadOnlyList<(ScreenedSubject Subject, IReadOnlyList<(Watchlist List, WatchlistHit Hit)> Found)> work, DateTime now, CancellationToken ct)
    {
        var ids = work.SelectMany(w => w.Found).Select(f => Guid.Parse(f.Hit.EntryId, CultureInfo.InvariantCulture)).Distinct().ToList();
        var keys = work.Where(w => w.Found.Count > 0).Select(w => w.Subject.SubjectKey).Distinct().ToList();
        var items = ids.Count == 0 ? [] : await WatchlistVisibility.ItemsByIdAsync(db, ids, ct);
        var existing = keys.Count == 0 ? [] : await WatchlistVisibility.AlertsOfInputsAsync(db, keys, ids, ct);
        // one lookup table of the alerts known to this call: read from the database, or added to the context and not
        // saved yet (a batch chunk screening one input twice); DbSet.Local is read once, as it detects changes each time
        var known = new Dictionary<(OrganisationId, string, Guid), ScreeningAlert>();
        foreach (var a in existing.Concat(db.ScreeningAlerts.Local))
        {
            known.TryAdd((a.OrganisationId, a.SubjectKey, a.ItemId), a);
        }
        var results = new List<List<ScreenedHit>>(work.Count);
        foreach (var (subject, found) in work)
        {
            var result = new List<ScreenedHit>(found.Count);
            results.Add(result);
            foreach (var (list, hit) in found.OrderByDescending(f => f.Hit.Score))
            {
                if (!items.TryGetValue(Guid.Parse(hit.EntryId, CultureInfo.InvariantCulture), out var item))
                {
                    continue;
                }
                if (!known.TryGetValue((subject.OrganisationId, subject.SubjectKey, item.Id), out var alert))
                {
                    alert = new ScreeningAlert(subject, list, item, hit, AlgorithmVersion, now);
                    db.ScreeningAlerts.Add(alert);
                    known[(alert.OrganisationId, alert.SubjectKey, alert.ItemId)] = alert;
                    result.Add(new ScreenedHit(list, item, hit, alert, Suppressed: false, Raised: true));
                    continue;
                }
                var before = alert.Status;
                var updated = before == AlertStatus.Open && (alert.ItemVersion != hit.EntryVersion || Math.Abs(alert.Score - hit.Score) > 1e-9);
                alert.HitAgain(subject, hit, AlgorithmVersion, now);
                result.Add(new ScreenedHit(list, item, hit, alert, Suppressed: alert.Status == AlertStatus.Dismissed, Raised: before != AlertStatus.Open && alert.Status == AlertStatus.Open, Updated: updated));
            }
        }
        return results;
    }

    public static SubjectHit ToSubjectHit(ScreenedHit h) =>
        new(h.List.Id, h.List.Name, h.Item.Id, h.Item.ExternalId, h.Hit.EntryVersion, h.Hit.ListVersion, h.Hit.Score, h.Hit.Explanation(), h.Alert?.IsChild ?? h.Item.IsChild);

    /// <summary>Audit detail without names: counts, profile, list versions, algorithm.</summary>
    public static string Detail(int subjects, int hits, int raised, ScreeningProfile? profile, IEnumerable<Watchlist> lists) =>
        string.Create(CultureInfo.InvariantCulture,
            $"subjects {subjects}; hits {hits}; alerts raised or reopened {raised}; profile {profile?.Id.ToString() ?? "none"}; lists {string.Join(' ', lists.Select(l => WatchlistIndexes.VersionTag(l.Id, l.Version)))}; algorithm {AlgorithmVersion}");
}
