namespace Lantern.Core.Auditing;

public enum AuditOutcome { Success, Denied, Failed }

/// <summary>
/// One entry of the append-only, hash-chained audit log. It names who, which organisation, what, which record,
/// when (UTC, millisecond precision), from where and the outcome; it never holds a protected value.
/// <see cref="Hash"/> is an HMAC (audit key from the key ring) over the entry and <see cref="PreviousHash"/>.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    internal AuditEntry(DateTime at, Guid actorId, string actorName, Guid? organisationId, string action, string entityType, string? entityId, AuditOutcome outcome, string? remoteAddress, string? detail)
    {
        Id = Common.SequentialGuid.Next();
        At = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        ActorId = actorId;
        ActorName = actorName;
        OrganisationId = organisationId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Outcome = outcome;
        RemoteAddress = remoteAddress;
        Detail = detail;
    }

    /// <summary>Row identity only; the chain is ordered by <see cref="Sequence"/>, assigned when the entry is saved.</summary>
    public Guid Id { get; private set; }
    public long Sequence { get; private set; }
    public DateTime At { get; private set; }
    public Guid ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public Guid? OrganisationId { get; private set; }
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string? EntityId { get; private set; }
    public AuditOutcome Outcome { get; private set; }
    public string? RemoteAddress { get; private set; }
    public string? Detail { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal void Chain(long sequence, string previousHash, byte[] key)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash(key);
    }

    internal string ComputeHash(byte[] key)
    {
        var canonical = string.Join('\n',
            Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture),
            ActorId.ToString(), ActorName, OrganisationId?.ToString() ?? "", Action, EntityType, EntityId ?? "",
            Outcome.ToString(), RemoteAddress ?? "", Detail ?? "", PreviousHash);
        return Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(canonical)));
    }
}
