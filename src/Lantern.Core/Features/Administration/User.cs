using Lantern.Core.Common;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Administration;

/// <summary>A staff account. Every account but a demo account must enrol a TOTP second factor before its first full session.</summary>
public sealed class User
{
    public const int MaxFailedAttempts = 6;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(30);

    private User()
    {
    }

    public User(string username, OrganisationId organisation, Role role, string passwordHash, bool isDemo, DateTime now)
    {
        Id = UserId.New();
        Username = username;
        OrganisationId = organisation;
        Role = role;
        PasswordHash = passwordHash;
        IsDemo = isDemo;
        CreatedAt = now;
    }

    public UserId Id { get; private set; }
    public string Username { get; private set; } = "";
    public OrganisationId OrganisationId { get; private set; }
    public Role Role { get; private set; }
    public string PasswordHash { get; private set; } = "";
    public string? TotpSecret { get; private set; }
    public bool TotpEnrolled { get; private set; }
    public long LastTotpStep { get; private set; }
    public int FailedAttempts { get; private set; }
    public DateTime? LockedUntil { get; private set; }
    public bool Disabled { get; private set; }
    public bool IsDemo { get; private set; }
    public DateTime CreatedAt { get; private set; }

    // ---- Language of the interface (docs/decisions/0020-urdu-and-right-to-left.md) ----
    /// <summary>The language the user chose for the interface ("en" or "ur"); null until they choose, when the browser's preference applies.</summary>
    public string? Language { get; private set; }

    public void ChooseLanguage(string language)
    {
        if (!Languages.IsSupported(language))
        {
            throw new ValidationException("language", "Choose English (en) or Urdu (ur).");
        }
        Language = language;
    }
    // ---- end ----

    public bool RequiresSecondFactor => !IsDemo;

    public bool IsLocked(DateTime now) => LockedUntil is { } until && until > now;

    public void RecordFailedAttempt(DateTime now)
    {
        FailedAttempts++;
        if (FailedAttempts >= MaxFailedAttempts)
        {
            LockedUntil = now + LockoutPeriod;
            FailedAttempts = 0;
        }
    }

    public void RecordSuccessfulAttempt()
    {
        FailedAttempts = 0;
        LockedUntil = null;
    }

    public string BeginEnrolment()
    {
        TotpSecret = SecondFactor.NewSecret();
        TotpEnrolled = false;
        return TotpSecret;
    }

    /// <summary>Accepts a code only for the current step and only once; records the step so a replay fails.</summary>
    public bool TryUseCode(string code, DateTime now)
    {
        if (TotpSecret is null)
        {
            return false;
        }
        var step = SecondFactor.Verify(TotpSecret, code, LastTotpStep, now);
        if (step is null)
        {
            return false;
        }
        LastTotpStep = step.Value;
        TotpEnrolled = true;
        return true;
    }

    public void SetPassword(string passwordHash) => PasswordHash = passwordHash;

    public void ChangeRole(Role role) => Role = role;

    public void Disable() => Disabled = true;

    public void Enable()
    {
        Disabled = false;
        FailedAttempts = 0;
        LockedUntil = null;
    }
}
