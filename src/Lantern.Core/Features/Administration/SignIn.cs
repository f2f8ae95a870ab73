using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Administration;

public enum SignInStage { Failed, SecondFactorRequired, EnrolmentRequired, SignedIn }

/// <summary>The outcome of a sign-in step; <see cref="SessionToken"/> is the cookie value (never stored in clear).</summary>
public sealed record SignInResult(SignInStage Stage, string? SessionToken);

/// <summary>
/// Password, then second factor. Every failure looks the same whether the username exists, the password is
/// wrong, the account is locked or disabled; a password is always hashed so timings match. Six failures
/// (passwords or codes) lock the account for 30 minutes. Each success starts a new server-side session.
/// </summary>
public sealed class SignIn
{
    private readonly AppDbContext _db;
    private readonly AuditLog _audit;
    private readonly TimeProvider _clock;

    internal SignIn(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        _db = db;
        _audit = audit;
        _clock = clock;
    }

    public async Task<SignInResult> PasswordAsync(string? username, string? password, string? remoteAddress, CancellationToken ct)
    {
        var now = Now;
        var name = (username ?? "").Trim().ToLowerInvariant();
        var user = name.Length is > 0 and <= 64 ? await _db.Users.FirstOrDefaultAsync(u => u.Username == name, ct) : null;
        var passwordOk = PasswordHasher.Verify(password ?? "", user?.PasswordHash);
        if (user is null)
        {
            await _audit.WriteAnonymousAsync("session.login-failed", remoteAddress, AuditOutcome.Failed, "unknown username", ct);
            return Failed;
        }
        var actor = ActorFor(user, remoteAddress);
        if (user.Disabled || user.IsLocked(now) || !passwordOk)
        {
            if (!user.Disabled && !user.IsLocked(now))
            {
                user.RecordFailedAttempt(now);
            }
            _audit.Add(actor, "session.login-failed", "user", user.Id.ToString(), AuditOutcome.Failed,
                user.Disabled ? "account disabled" : user.IsLocked(now) ? "account locked" : "wrong password");
            await _db.SaveChangesAsync(ct);
            return Failed;
        }
        if (!user.RequiresSecondFactor)
        {
            user.RecordSuccessfulAttempt();
            return await StartSessionAsync(user, SessionStage.Active, actor, "session.login", ct);
        }
        return await StartSessionAsync(user, SessionStage.PendingSecondFactor, actor, "session.password-ok", ct);
    }

    /// <summary>Checks a TOTP code for a session that passed the password step; on success the session is replaced by a full one.</summary>
    public async Task<SignInResult> SecondFactorAsync(string? pendingToken, string? code, string? remoteAddress, CancellationToken ct)
    {
        var now = Now;
        var (session, user) = await FindAsync(pendingToken, SessionStage.PendingSecondFactor, ct);
        if (session is null || user is null)
        {
            return Failed;
        }
        var actor = ActorFor(user, remoteAddress);
        if (user.Disabled || user.IsLocked(now) || user.TotpSecret is null || !user.TryUseCode(code ?? "", now))
        {
            if (!user.Disabled && !user.IsLocked(now))
            {
                user.RecordFailedAttempt(now);
            }
            _audit.Add(actor, "session.second-factor-failed", "user", user.Id.ToString(), AuditOutcome.Failed);
            await _db.SaveChangesAsync(ct);
            return new SignInResult(SignInStage.Failed, pendingToken);
        }
        var enrolled = user.TotpEnrolled;
        user.RecordSuccessfulAttempt();
        session.End(now);
        return await StartSessionAsync(user, SessionStage.Active, actor, enrolled ? "session.login" : "session.login", ct);
    }

    /// <summary>For a pending session whose account has no second factor yet: a new secret and its QR code.</summary>
    public async Task<(string Secret, string QrSvg, string Uri)?> BeginEnrolmentAsync(string? pendingToken, CancellationToken ct)
    {
        var (session, user) = await FindAsync(pendingToken, SessionStage.PendingSecondFactor, ct);
        if (session is null || user is null || user.TotpEnrolled)
        {
            return null;
        }
        var secret = user.TotpSecret ?? user.BeginEnrolment();
        await _db.SaveChangesAsync(ct);
        var uri = SecondFactor.ProvisioningUri(secret, user.Username);
        return (secret, SecondFactor.QrCodeSvg(uri), uri);
    }

    /// <summary>Whether the pending session's account still has to enrol its second factor.</summary>
    public async Task<bool?> NeedsEnrolmentAsync(string? pendingToken, CancellationToken ct)
    {
        var (_, user) = await FindAsync(pendingToken, SessionStage.PendingSecondFactor, ct);
        return user is null ? null : !user.TotpEnrolled;
    }

    /// <summary>The actor of a live, full session (touching its idle timer), or null.</summary>
    public async Task<Actor?> ResolveSessionAsync(string? token, string? remoteAddress, CancellationToken ct)
    {
        var (session, user) = await FindAsync(token, SessionStage.Active, ct);
        if (session is null || user is null || user.Disabled)
        {
            return null;
        }
        var now = Now;
        // Write the idle timer at most once a minute; each write costs a transaction.
        if (now - session.LastSeenAt > TimeSpan.FromMinutes(1))
        {
            session.Touch(now);
            await _db.SaveChangesAsync(ct);
        }
        return ActorFor(user, remoteAddress);
    }

    public async Task SignOutAsync(string? token, string? remoteAddress, CancellationToken ct)
    {
        if (token is null)
        {
            return;
        }
        var hash = HashToken(token);
        var session = await _db.Sessions.FirstOrDefaultAsync(s => s.TokenHash == hash && s.EndedAt == null, ct);
        if (session is null)
        {
            return;
        }
        session.End(Now);
        var user = await _db.Users.FirstAsync(u => u.Id == session.UserId, ct);
        _audit.Add(ActorFor(user, remoteAddress), "session.logout", "user", user.Id.ToString());
        await _db.SaveChangesAsync(ct);
    }

    internal static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal static string NewToken(string prefix = "") => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    internal static Actor ActorFor(User user, string? remoteAddress) => new(user.Id, user.Username, user.OrganisationId, user.Role, remoteAddress);

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private static SignInResult Failed => new(SignInStage.Failed, null);

    private async Task<SignInResult> StartSessionAsync(User user, SessionStage stage, Actor actor, string action, CancellationToken ct)
    {
        var token = NewToken();
        _db.Sessions.Add(new UserSession(user.Id, HashToken(token), stage, Now));
        _audit.Add(actor, action, "user", user.Id.ToString());
        await _db.SaveChangesAsync(ct);
        var result = stage == SessionStage.Active ? SignInStage.SignedIn
            : user.TotpEnrolled ? SignInStage.SecondFactorRequired : SignInStage.EnrolmentRequired;
        return new SignInResult(result, token);
    }

    private async Task<(UserSession? Session, User? User)> FindAsync(string? token, SessionStage stage, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return (null, null);
        }
        var hash = HashToken(token);
        var session = await _db.Sessions.FirstOrDefaultAsync(s => s.TokenHash == hash && s.Stage == stage && s.EndedAt == null, ct);
        if (session is null || !session.IsLive(Now))
        {
            return (null, null);
        }
        var user = await _db.Users.FirstOrDefaultAsync(u => u.Id == session.UserId, ct);
        return (session, user);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Personal access tokens for API clients: shown once, stored as SHA-256, expiring, revocable.</summary>
public sealed class AccessTokens
{
    public const string Prefix = "lan_";
    private readonly AppDbContext _db;
    private readonly AuditLog _audit;
    private readonly TimeProvider _clock;
    private readonly AccessTokenCache _cache;

    internal AccessTokens(AppDbContext db, AuditLog audit, TimeProvider clock, AccessTokenCache cache)
    {
        _db = db;
        _audit = audit;
        _clock = clock;
        _cache = cache;
    }

    public sealed record TokenView(Guid Id, string Username, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

    public async Task<(string Token, TokenView View)> CreateAsync(Actor actor, string? username, string? name, int days, CancellationToken ct)
    {
        if (days is < 1 or > 366)
        {
            throw new ValidationException("days", "A token lives from 1 to 366 days.");
        }
        var user = await FindUserAsync(actor, username, ct);
        var label = TextRules.Place(name, "name", 100) ?? "api";
        var token = SignIn.NewToken(Prefix);
        var now = _clock.GetUtcNow().UtcDateTime;
        var entity = new AccessToken(user.Id, label, SignIn.HashToken(token), token[..10], now, now.AddDays(days));
        _db.AccessTokens.Add(entity);
        _audit.Add(actor, "token.create", "token", entity.Id.ToString(), detail: "for user " + user.Id);
        await _db.SaveChangesAsync(ct);
        return (token, View(entity, user.Username));
    }

    public async Task<IReadOnlyList<TokenView>> ListAsync(Actor actor, string? username, CancellationToken ct)
    {
        var user = await FindUserAsync(actor, username, ct);
        return (await _db.AccessTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.CreatedAt).ToListAsync(ct))
            .Select(t => View(t, user.Username)).ToList();
    }

    public async Task RevokeAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var token = await _db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("The token");
        var owner = await _db.Users.FirstAsync(u => u.Id == token.UserId, ct);
        if (!actor.IsSystem && owner.Id != actor.UserId && !(actor.Has(Permissions.UsersManage) && owner.OrganisationId == actor.OrganisationId))
        {
            throw new NotFoundException("The token");
        }
        token.Revoke(_clock.GetUtcNow().UtcDateTime);
        _audit.Add(actor, "token.revoke", "token", id.ToString());
        await _db.SaveChangesAsync(ct);
    }

    /// <summary>The actor behind a bearer token, or null when it is unknown, expired, revoked, or its account is disabled.</summary>
    public async Task<Actor?> ResolveAsync(string? token, string? remoteAddress, CancellationToken ct)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        var hash = SignIn.HashToken(token);
        var now = _clock.GetUtcNow().UtcDateTime;
        if (_cache.Find(hash, remoteAddress, now) is { } cached)
        {
            return cached;
        }
        var begun = _cache.Begin();
        // Token and owner in one round trip: this runs on every API request the cache does not answer.
        var found = await _db.AccessTokens.Where(t => t.TokenHash == hash)
            .Join(_db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(ct);
        var entity = found?.Token;
        if (entity is null || !entity.IsValid(now))
        {
            return null;
        }
        var user = found!.User;
        if (user.Disabled || user.IsLocked(now))
        {
            return null;
        }
        if (entity.LastUsedAt is null || now - entity.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            entity.MarkUsed(now);
            await _db.SaveChangesAsync(ct);
        }
        _cache.Keep(hash, entity, user, begun, now);
        return SignIn.ActorFor(user, remoteAddress);
    }

    private async Task<User> FindUserAsync(Actor actor, string? username, CancellationToken ct)
    {
        if (username is null && !actor.IsSystem)
        {
            return await _db.Users.FirstAsync(u => u.Id == actor.UserId, ct);
        }
        var name = (username ?? "").Trim().ToLowerInvariant();
        var user = await _db.Users.FirstOrDefaultAsync(u => u.Username == name, ct) ?? throw new ValidationException("username", $"There is no user '{name}'.");
        var self = user.Id == actor.UserId;
        if (!actor.IsSystem && !self && !(actor.Has(Permissions.UsersManage) && user.OrganisationId == actor.OrganisationId))
        {
            throw new ForbiddenException(Permissions.UsersManage);
        }
        if (self)
        {
            actor.Require(Permissions.TokensOwn);
        }
        return user;
    }

    private static TokenView View(AccessToken t, string username) => new(t.Id, username, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}
