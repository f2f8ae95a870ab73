using System.Collections.Concurrent;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// One built <see cref="WatchlistIndex"/> per watchlist and list version, kept in memory so that screening one name
/// answers in milliseconds. A list whose version moved on is rebuilt at the next request (the old index serves the
/// requests already under way). Names are plaintext in memory while an index lives, as they are during any request
/// that screens against them; nothing of it is written anywhere.
/// </summary>
/// <remarks>
/// Building reads every listed item of the list past the tenant filter (the list itself having been checked by the
/// caller through <see cref="WatchlistVisibility"/>), so only handlers that already hold the visible list call it.
/// </remarks>
internal sealed class WatchlistIndexes(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<Guid, Built> _built = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _building = new();

    /// <summary>A list's index at a version, and which of its entries are missing children.</summary>
    public sealed record Built(Guid ListId, int ListVersion, WatchlistIndex Index, IReadOnlySet<string> ChildEntryIds);

    /// <summary>The index of <paramref name="list"/> at its current version, built on first use.</summary>
    public async Task<Built> GetAsync(Watchlist list, CancellationToken ct)
    {
        if (_built.TryGetValue(list.Id, out var built) && built.ListVersion == list.Version)
        {
            return built;
        }
        var gate = _building.GetOrAdd(list.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_built.TryGetValue(list.Id, out built) && built.ListVersion == list.Version)
            {
                return built;
            }
            built = await BuildAsync(list.Id, ct);
            _built[list.Id] = built;
            return built;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets a list's index (retired or deleted lists).</summary>
    public void Forget(Guid listId) => _built.TryRemove(listId, out _);

    /// <summary>
    /// The version tag carried into hits: the random end of the list's id (its start is a timestamp shared by lists
    /// created together, so it would not tell them apart) and its version.
    /// </summary>
    public static string VersionTag(Guid listId, int version) => $"{listId.ToString("N")[^8..]}.v{version}";

    private async Task<Built> BuildAsync(Guid listId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (list, items) = await WatchlistVisibility.ListedEntriesAsync(db, listId, ct);
        var index = WatchlistIndex.Build(items.Select(i => i.ToEntry()).ToList(), VersionTag(list.Id, list.Version), NameMatcher.Bundled);
        var children = items.Where(i => i.IsChild).Select(i => i.Id.ToString()).ToHashSet(StringComparer.Ordinal);
        return new Built(list.Id, list.Version, index, children);
    }
}
