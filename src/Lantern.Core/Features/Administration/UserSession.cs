using Lantern.Core.Common;

namespace Lantern.Core.Features.Administration;

public enum SessionStage { PendingSecondFactor, Active }

/// <summary>A server-side browser session; the cookie carries only a random token whose SHA-256 is stored here.</summary>
public sealed class UserSession
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan PendingTimeout = TimeSpan.FromMinutes(5);

    private UserSession()
    {
    }

    public UserSession(UserId user, string tokenHash, SessionStage stage, DateTime now)
    {
        Id = SequentialGuid.Next();
        UserId = user;
        TokenHash = tokenHash;
        Stage = stage;
        CreatedAt = now;
        LastSeenAt = now;
    }

    public Guid Id { get; private set; }
    public UserId UserId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public SessionStage Stage { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime LastSeenAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    public bool IsLive(DateTime now) => EndedAt is null
        && now - LastSeenAt < (Stage == SessionStage.Active ? IdleTimeout : PendingTimeout);

    public void Touch(DateTime now) => LastSeenAt = now;

    public void End(DateTime now) => EndedAt ??= now;
}

/// <summary>A personal access token for API clients, stored as its SHA-256; expiring and revocable.</summary>
public sealed class AccessToken
{
    private AccessToken()
    {
    }

    public AccessToken(UserId user, string name, string tokenHash, string prefix, DateTime now, DateTime expiresAt)
    {
        Id = SequentialGuid.Next();
        UserId = user;
        Name = name;
        TokenHash = tokenHash;
        Prefix = prefix;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public UserId UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public bool IsValid(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public void MarkUsed(DateTime now) => LastUsedAt = now;
}
