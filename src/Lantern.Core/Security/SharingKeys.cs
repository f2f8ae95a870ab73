using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using NSec.Cryptography;

namespace Lantern.Core.Security;

/// <summary>
/// This installation's own key pairs for sharing packages (docs/decisions/0016-signed-sharing-packages.md): an Ed25519
/// key that signs what it sends and an X25519 key that packages sent to it are encrypted to. Kept beside the key ring,
/// in <c>./data/keys/sharing.json</c> (mode 0600), made on first use; the private halves never enter the database or a log.
/// </summary>
internal sealed class SharingKeys
{
    private readonly byte[] _signingPrivate;
    private readonly byte[] _agreementPrivate;

    private SharingKeys(byte[] signingPrivate, byte[] agreementPrivate)
    {
        _signingPrivate = signingPrivate;
        _agreementPrivate = agreementPrivate;
        using var signing = SigningKey();
        using var agreement = AgreementKey();
        SigningPublicKey = signing.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        EncryptionPublicKey = agreement.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The Ed25519 public key partners verify this installation's packages with (32 bytes).</summary>
    public byte[] SigningPublicKey { get; }

    /// <summary>The X25519 public key partners encrypt their packages to (32 bytes).</summary>
    public byte[] EncryptionPublicKey { get; }

    /// <summary>The Ed25519 private key, for one signature; the caller disposes it.</summary>
    public Key SigningKey() => Key.Import(SignatureAlgorithm.Ed25519, _signingPrivate, KeyBlobFormat.RawPrivateKey);

    /// <summary>The X25519 private key, for one key agreement; the caller disposes it.</summary>
    public Key AgreementKey() => Key.Import(KeyAgreementAlgorithm.X25519, _agreementPrivate, KeyBlobFormat.RawPrivateKey);

    private static readonly Lock FileLock = new();

    /// <summary>Opens the installation's sharing keys in <paramref name="folder"/>, making them on first use.</summary>
    public static SharingKeys OpenOrCreate(string folder)
    {
        var path = Path.Combine(folder, "sharing.json");
        lock (FileLock)
        {
            if (File.Exists(path))
            {
                var file = JsonSerializer.Deserialize(File.ReadAllText(path), SharingKeysJson.Default.SharingKeysFile)
                    ?? throw new CryptographicException($"The sharing key file {path} is empty.");
                return new SharingKeys(Convert.FromBase64String(file.SigningKey), Convert.FromBase64String(file.AgreementKey));
            }
            Directory.CreateDirectory(folder);
            var export = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
            using var signing = Key.Create(SignatureAlgorithm.Ed25519, export);
            using var agreement = Key.Create(KeyAgreementAlgorithm.X25519, export);
            var created = new SharingKeysFile
            {
                SigningKey = Convert.ToBase64String(signing.Export(KeyBlobFormat.RawPrivateKey)),
                AgreementKey = Convert.ToBase64String(agreement.Export(KeyBlobFormat.RawPrivateKey)),
                CreatedUtc = DateTime.UtcNow,
            };
            var temp = path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(created, SharingKeysJson.Default.SharingKeysFile));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.Move(temp, path, overwrite: false);
            return new SharingKeys(Convert.FromBase64String(created.SigningKey), Convert.FromBase64String(created.AgreementKey));
        }
    }

    /// <summary>
    /// The fingerprint people compare out of band (read over the telephone, printed on a letter): the SHA-256 of the
    /// raw public key in sixteen groups of four hexadecimal digits.
    /// </summary>
    public static string Fingerprint(byte[] publicKey)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(publicKey));
        return string.Join(' ', Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(i * 4, 4)));
    }
}

internal sealed record SharingKeysFile
{
    public string SigningKey { get; init; } = "";
    public string AgreementKey { get; init; } = "";
    public DateTime CreatedUtc { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SharingKeysFile))]
internal sealed partial class SharingKeysJson : JsonSerializerContext;
