using System.Collections.Concurrent;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// The lists each organisation may screen, kept between single-name screenings so that a request does not read them
/// (ADR 0024). Any saved change of a watchlist or of who may screen it (a new entry moves the list's version, retiring
/// sets its retirement), by this process or the command line on the same database, moves
/// <see cref="ChangeSignals.WatchlistGeneration"/> and ends every entry at once. On PostgreSQL nothing is kept.
/// </summary>
/// <remarks>
/// The lists are read without tracking and shared between requests: callers only read them (ids, names, versions,
/// owners, screeners) and never attach them to a context.
/// </remarks>
internal sealed class ScreenableLists(ChangeSignals signals, TimeProvider clock)
{
    /// <summary>How long a set of lists is trusted without reading it again, even when nothing signalled a change.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<OrganisationId, Entry> _entries = new();

    private sealed record Entry(IReadOnlyList<Watchlist> Lists, long Generation, long ReadAt);

    /// <summary>The lists <paramref name="organisation"/> may screen now, narrowed to <paramref name="profile"/>'s lists (as <see cref="ScreeningRun.ListsAsync"/>).</summary>
    public async Task<List<Watchlist>> ForAsync(AppDbContext db, OrganisationId organisation, ScreeningProfile? profile, CancellationToken ct)
    {
        var lists = await AllAsync(db, organisation, ct);
        return [.. lists.Where(l => l.Version > 0 && (profile is null || profile.Covers(l.Id)))];
    }

    private async Task<IReadOnlyList<Watchlist>> AllAsync(AppDbContext db, OrganisationId organisation, CancellationToken ct)
    {
        if (!signals.CachesAllowed)
        {
            return await WatchlistVisibility.ScreenableUntrackedAsync(db, organisation, ct);
        }
        var generation = signals.WatchlistGeneration;
        var now = clock.GetTimestamp();
        if (_entries.TryGetValue(organisation, out var e) && e.Generation == generation && clock.GetElapsedTime(e.ReadAt, now) < Lifetime)
        {
            return e.Lists;
        }
        var lists = await WatchlistVisibility.ScreenableUntrackedAsync(db, organisation, ct);
        // Kept only if no list changed while it was read; an entry read across a change would outlive it.
        if (signals.WatchlistGeneration == generation)
        {
            _entries[organisation] = new Entry(lists, generation, now);
        }
        return lists;
    }
}
