using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Common;

namespace Lantern.Core.Security;

/// <summary>
/// PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's figure for this algorithm) and a 16-byte salt.
/// Stored form: <c>pbkdf2-sha256${iterations}${salt}${hash}</c>, so the cost can rise later without a migration.
/// </summary>
public static class PasswordHasher
{
    public const int Iterations = 600_000;

    /// <summary>
    /// The cost of new hashes: <see cref="Iterations"/>. Only test assemblies (InternalsVisibleTo) can lower it, for
    /// their own process: the integration tests create hundreds of users and tip phrases, each worth a PBKDF2 run at
    /// full cost. No option, setting or environment variable reaches it, and <see cref="Verify"/> always uses the cost
    /// stored in the hash.
    /// </summary>
    internal static int NewHashIterations { get; set; } = Iterations;
    private const int SaltSize = 16;
    private const int HashSize = 32;

    // Verified against when the username is unknown, so a miss costs the same time as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => Hash("lantern-timing-equaliser"));

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var iterations = NewHashIterations;
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashSize);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha256${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool Verify(string password, string? stored)
    {
        var parts = (stored ?? DummyHash.Value).Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256")
        {
            return false;
        }
        var iterations = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }
}

/// <summary>At least 12 characters, at most 256, and not a common password (nor one followed only by digits or symbols).</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    private static readonly Lazy<FrozenSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Lantern.Core.Reference.passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line.ToLowerInvariant());
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    });

    public static void Validate(string password, string field = "password")
    {
        if (password.Length < MinimumLength)
        {
            throw new ValidationException(field, $"A password needs at least {MinimumLength} characters.");
        }
        if (password.Length > 256)
        {
            throw new ValidationException(field, "A password may have at most 256 characters.");
        }
        var lower = password.ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.?~ ".ToCharArray());
        if (Common.Value.Contains(lower) || (stem.Length >= 6 && Common.Value.Contains(stem)) || lower.Distinct().Count() <= 2)
        {
            throw new ValidationException(field, "This password is too common; choose another.");
        }
    }
}
