using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Auditing;

/// <summary>
/// Records audit entries. <see cref="Add"/> stages an entry that is written, chained, with the caller's
/// next SaveChanges (so the change and its record commit together); <see cref="WriteAsync"/> writes one now.
/// Callers pass identifiers and action names only, never a protected value.
/// </summary>
public sealed class AuditLog
{
    private readonly AppDbContext _db;
    private readonly TimeProvider _clock;

    internal AuditLog(AppDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public void Add(Actor actor, string action, string entityType, string? entityId, AuditOutcome outcome = AuditOutcome.Success, string? detail = null) =>
        _db.AuditEntries.Add(new AuditEntry(_clock.GetUtcNow().UtcDateTime, actor.UserId.Value, actor.Username, actor.OrganisationId.Value,
            action, entityType, entityId, outcome, actor.RemoteAddress, detail));

    public async Task WriteAsync(Actor actor, string action, string entityType, string? entityId, AuditOutcome outcome = AuditOutcome.Success, string? detail = null, CancellationToken ct = default)
    {
        Add(actor, action, entityType, entityId, outcome, detail);
        await _db.SaveChangesAsync(ct);
    }

    /// <summary>For events without a known actor (a failed login for an unknown or wrong username).</summary>
    public async Task WriteAnonymousAsync(string action, string? remoteAddress, AuditOutcome outcome, string? detail, CancellationToken ct = default)
    {
        _db.AuditEntries.Add(new AuditEntry(_clock.GetUtcNow().UtcDateTime, Guid.Empty, "anonymous", null, action, "session", null, outcome, remoteAddress, detail));
        await _db.SaveChangesAsync(ct);
    }
}
