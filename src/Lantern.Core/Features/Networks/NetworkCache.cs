using System.Collections.Concurrent;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// Keeps each actor's built network for a short while: building it reads and decrypts every visible person (2.7 s for
/// the whole demo data set, docs/benchmarks.md), and the network page asks again at every click. An entry is keyed by
/// the scope of the tenant filters (organisation, user, system or not), so nothing built for one scope is served to
/// another; it is used only while a stamp of what that scope sees (counts and last changes of its cases, persons,
/// participants, events and relations, read through the same filters) is unchanged, and never after <see cref="Lifetime"/>.
/// The labels are plaintext in memory for that time, as they are during any request that shows them.
/// </summary>
internal sealed class NetworkCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    public const int MaxEntries = 64;

    private readonly ConcurrentDictionary<(OrganisationId, UserId, bool), Entry> _entries = new();

    private sealed record Entry(string Stamp, DateTime BuiltAt, ActorNetwork Network);

    public async Task<ActorNetwork> GetAsync(AppDbContext db, Actor actor, Func<Task<ActorNetwork>> build, CancellationToken ct)
    {
        var key = (actor.OrganisationId, actor.UserId, actor.IsSystem);
        var stamp = await StampAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(key, out var entry) && entry.Stamp == stamp && now - entry.BuiltAt < Lifetime)
        {
            return entry.Network;
        }
        var network = await build();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var old in _entries.OrderBy(e => e.Value.BuiltAt).Take(_entries.Count - MaxEntries + 1))
            {
                _entries.TryRemove(old.Key, out _);
            }
        }
        _entries[key] = new Entry(stamp, now, network);
        return network;
    }

    /// <summary>What the scoped context sees, in a few aggregate queries (the context is already scoped to the actor).</summary>
    private static async Task<string> StampAsync(AppDbContext db, CancellationToken ct)
    {
        var cases = await db.Cases.CountAsync(ct);
        var casesChanged = await db.Cases.MaxAsync(c => (DateTime?)c.UpdatedAt, ct);
        var participants = await db.Participants.CountAsync(ct);
        var persons = await db.Persons.CountAsync(ct);
        var personsChanged = await db.Persons.MaxAsync(p => (DateTime?)p.UpdatedAt, ct);
        var events = await db.Cases.SelectMany(c => c.Events).CountAsync(ct);
        var relations = await db.CaseRelations.CountAsync(ct);
        var identities = await db.DuplicateCandidates.CountAsync(d => d.Status == Features.Duplicates.DuplicateStatus.Confirmed, ct);
        var identitiesChanged = await db.DuplicateCandidates.MaxAsync(d => d.DecidedAt, ct);
        return FormattableString.Invariant($"{cases}|{casesChanged:O}|{participants}|{persons}|{personsChanged:O}|{events}|{relations}|{identities}|{identitiesChanged:O}");
    }
}
