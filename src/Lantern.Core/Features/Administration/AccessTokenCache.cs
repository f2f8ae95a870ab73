using System.Collections.Concurrent;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Administration;

/// <summary>
/// Bearer tokens already checked against the database, by the token's SHA-256, so that an API request does not read
/// the token and its owner on every call (ADR 0024). An entry is trusted only while
/// <see cref="ChangeSignals.AccountsGeneration"/> is the one read before the check: any saved change to any user or
/// token, by this process or the command line on the same database (a revocation, a disabled account, a new role),
/// ends every entry at once. Past the token's expiry or the account's lock-out an entry is not trusted either, and
/// after <see cref="Lifetime"/> the token is read again whatever happened.
/// </summary>
internal sealed class AccessTokenCache(ChangeSignals signals)
{
    /// <summary>How long a checked token is trusted without reading it again, even when nothing signalled a change.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // A bound on memory for a server handed many distinct tokens; clearing is cheap, the next request reads again.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(UserId User, string Username, OrganisationId Organisation, Role Role, DateTime ExpiresAt, DateTime? LockedUntil, long Generation, DateTime CheckedAt);

    /// <summary>The actor of a token checked recently and unchanged since, or null (then read the database).</summary>
    public Actor? Find(string tokenHash, string? remoteAddress, DateTime now)
    {
        if (!signals.CachesAllowed || !_entries.TryGetValue(tokenHash, out var e))
        {
            return null;
        }
        if (e.Generation != signals.AccountsGeneration || now - e.CheckedAt >= Lifetime || now < e.CheckedAt
            || e.ExpiresAt <= now || e.LockedUntil > now)
        {
            _entries.TryRemove(KeyValuePair.Create(tokenHash, e));
            return null;
        }
        return new Actor(e.User, e.Username, e.Organisation, e.Role, remoteAddress);
    }

    /// <summary>Read before a token is looked up in the database; passed to <see cref="Keep"/>.</summary>
    public long Begin() => signals.AccountsGeneration;

    /// <summary>
    /// Remembers a token just found valid, unless some account changed since <paramref name="begun"/> (then what was
    /// read may already be out of date).
    /// </summary>
    public void Keep(string tokenHash, AccessToken token, User user, long begun, DateTime now)
    {
        if (!signals.CachesAllowed || signals.AccountsGeneration != begun)
        {
            return;
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[tokenHash] = new Entry(user.Id, user.Username, user.OrganisationId, user.Role, token.ExpiresAt, user.LockedUntil, begun, now);
    }
}
