using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Core.Common;
using NSec.Cryptography;

namespace Lantern.Core.Features.Sharing;

/// <summary>What a package says, signed by its sender: the <c>lantern-share/1</c> manifest and its items.</summary>
public sealed record PackageManifest(
    string Format,
    Guid PackageId,
    string Kind,
    long Sequence,
    string SenderName,
    string SenderSigningKey,
    string RecipientEncryptionKey,
    DateTime CreatedAt,
    IReadOnlyList<PackageItem> Items,
    IReadOnlyList<Guid> Revoked)
{
    /// <summary>
    /// A <c>linkage-agreement</c> package's agreements to share details on possible common persons (ADR 0025). Absent
    /// from other kinds, so their bytes are what they were before linkage.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LinkageAgreement>? Agreements { get; init; }
}

/// <summary>
/// "We agree to share details on pair <paramref name="Pair"/>". <paramref name="YourReference"/> is the recipient's own
/// encoding reference, sent when the recipient does not know the pair yet (the sender matched the recipient's encodings).
/// </summary>
public sealed record LinkageAgreement(Guid Pair, Guid? YourReference);

/// <summary>
/// One shared record with its codes: the handling code (H0-H3, and H3's conditions), source reliability, information
/// accuracy and, for personal data, the basis it is shared on.
/// </summary>
public sealed record PackageItem(
    string Kind,
    Guid OriginalId,
    string HandlingCode,
    string? HandlingConditions,
    string SourceReliability,
    int InformationAccuracy,
    string? ConsentBasis,
    string Title,
    string Content);

/// <summary>The part of the file read before decrypting; all of it is bound to the ciphertext as associated data.</summary>
internal sealed record PackageHeader(Guid PackageId, string Recipient, string EphemeralKey, string Nonce);

internal sealed record PackageEnvelope(string Format, string Header, string Ciphertext);

internal sealed record SignedManifest(string Manifest, string Signature);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PackageManifest))]
[JsonSerializable(typeof(LinkageAgreement))]
[JsonSerializable(typeof(PackageHeader))]
[JsonSerializable(typeof(PackageEnvelope))]
[JsonSerializable(typeof(SignedManifest))]
internal sealed partial class PackageJson : JsonSerializerContext;

/// <summary>
/// Seals and opens package files (docs/decisions/0016-signed-sharing-packages.md). Sign, then encrypt: the sender signs
/// the manifest with its Ed25519 key (the manifest names the recipient's key, so a recipient cannot pass a package on
/// as if it had been sent to someone else), then encrypts manifest and signature to the recipient's X25519 key with a
/// fresh ephemeral key, HKDF-SHA256 and ChaCha20-Poly1305, the header being associated data. The file is canonical
/// JSON: any byte changed fails the canonical check, the header binding, the authentication tag or the signature.
/// </summary>
internal static class PackageFormat
{
    public const string Format = "lantern-share/1";
    public const string ItemsKind = "items";
    public const string RevocationKind = "revocation";
    public const string LinkageAgreementKind = "linkage-agreement";
    public const int MaxFileBytes = 16 * 1024 * 1024;

    private static readonly byte[] Info = Encoding.ASCII.GetBytes(Format);

    public static byte[] Seal(PackageManifest manifest, Key signingKey, byte[] recipientEncryptionKey)
    {
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, PackageJson.Default.PackageManifest);
        var signature = SignatureAlgorithm.Ed25519.Sign(signingKey, manifestBytes);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(new SignedManifest(Convert.ToBase64String(manifestBytes), Convert.ToBase64String(signature)), PackageJson.Default.SignedManifest);

        var recipient = PublicKey.Import(KeyAgreementAlgorithm.X25519, recipientEncryptionKey, KeyBlobFormat.RawPublicKey);
        using var ephemeral = Key.Create(KeyAgreementAlgorithm.X25519);
        var ephemeralPublic = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var nonce = RandomNumberGenerator.GetBytes(AeadAlgorithm.ChaCha20Poly1305.NonceSize);
        var header = new PackageHeader(manifest.PackageId, Convert.ToBase64String(recipientEncryptionKey), Convert.ToBase64String(ephemeralPublic), Convert.ToBase64String(nonce));
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header, PackageJson.Default.PackageHeader);
        using var key = DeriveKey(ephemeral, recipient, ephemeralPublic, recipientEncryptionKey);
        var ciphertext = AeadAlgorithm.ChaCha20Poly1305.Encrypt(key, nonce, headerBytes, plaintext);
        return JsonSerializer.SerializeToUtf8Bytes(new PackageEnvelope(Format, Convert.ToBase64String(headerBytes), Convert.ToBase64String(ciphertext)), PackageJson.Default.PackageEnvelope);
    }

    /// <summary>Reads the header without decrypting (to refuse a replay or a package for another installation early).</summary>
    public static PackageHeader ReadHeader(byte[] file)
    {
        var envelope = ReadEnvelope(file);
        return ParseHeader(Base64(envelope.Header));
    }

    /// <summary>
    /// Decrypts with this installation's X25519 key and returns the manifest and its signature for <see cref="Verify"/>
    /// (the caller finds the sender among the registered partners by the key the manifest names). Throws <see cref="ValidationException"/>
    /// on anything wrong, always with field "package".
    /// </summary>
    public static (PackageManifest Manifest, byte[] ManifestBytes, byte[] Signature) Open(byte[] file, Key agreementKey)
    {
        var envelope = ReadEnvelope(file);
        var headerBytes = Base64(envelope.Header);
        var header = ParseHeader(headerBytes);
        var ownPublic = agreementKey.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        if (!CryptographicOperations.FixedTimeEquals(Base64(header.Recipient), ownPublic))
        {
            throw Refused("This package was encrypted for another installation.");
        }
        if (!PublicKey.TryImport(KeyAgreementAlgorithm.X25519, Base64(header.EphemeralKey), KeyBlobFormat.RawPublicKey, out var ephemeral) || ephemeral is null)
        {
            throw Refused("The package's key is damaged.");
        }
        var ephemeralBytes = Base64(header.EphemeralKey);
        using var key = DeriveKey(agreementKey, ephemeral, ephemeralBytes, ownPublic);
        var nonce = Base64(header.Nonce);
        if (nonce.Length != AeadAlgorithm.ChaCha20Poly1305.NonceSize)
        {
            throw Refused("The package's nonce is damaged.");
        }
        var plaintext = AeadAlgorithm.ChaCha20Poly1305.Decrypt(key, nonce, headerBytes, Base64(envelope.Ciphertext))
            ?? throw Refused("The package was altered or damaged: it does not decrypt.");
        var signed = Parse(plaintext, PackageJson.Default.SignedManifest);
        var manifestBytes = Base64(signed.Manifest);
        var manifest = Parse(manifestBytes, PackageJson.Default.PackageManifest);
        if (manifest.Format != Format || manifest.PackageId != header.PackageId || manifest.RecipientEncryptionKey != header.Recipient)
        {
            throw Refused("The package's manifest does not match its envelope.");
        }
        return (manifest, manifestBytes, Base64(signed.Signature));
    }

    public static bool Verify(byte[] senderSigningKey, byte[] manifestBytes, byte[] signature) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, senderSigningKey, KeyBlobFormat.RawPublicKey, out var key) && key is not null
        && SignatureAlgorithm.Ed25519.Verify(key, manifestBytes, signature);

    private static Key DeriveKey(Key own, PublicKey other, byte[] ephemeralPublic, byte[] recipientPublic)
    {
        using var shared = KeyAgreementAlgorithm.X25519.Agree(own, other) ?? throw Refused("The package's key is damaged.");
        var salt = ephemeralPublic.Concat(recipientPublic).ToArray();
        return KeyDerivationAlgorithm.HkdfSha256.DeriveKey(shared, salt, Info, AeadAlgorithm.ChaCha20Poly1305);
    }

    private static PackageEnvelope ReadEnvelope(byte[] file)
    {
        if (file.Length == 0 || file.Length > MaxFileBytes)
        {
            throw Refused("This is not a Lantern sharing package.");
        }
        var envelope = Parse(file, PackageJson.Default.PackageEnvelope);
        if (envelope.Format != Format)
        {
            throw Refused($"This is not a {Format} package.");
        }
        // Only the exact bytes Lantern writes are accepted, so no byte of the file can change unnoticed (JSON spacing
        // and base64's spare bits would otherwise be free to change).
        var canonical = JsonSerializer.SerializeToUtf8Bytes(envelope, PackageJson.Default.PackageEnvelope);
        if (!canonical.AsSpan().SequenceEqual(TrimFinalNewline(file)))
        {
            throw Refused("The package was altered or damaged.");
        }
        return envelope;
    }

    private static ReadOnlySpan<byte> TrimFinalNewline(byte[] file) => file.Length > 0 && file[^1] == (byte)'\n' ? file.AsSpan(0, file.Length - 1) : file;

    private static PackageHeader ParseHeader(byte[] headerBytes)
    {
        var header = Parse(headerBytes, PackageJson.Default.PackageHeader);
        if (!JsonSerializer.SerializeToUtf8Bytes(header, PackageJson.Default.PackageHeader).AsSpan().SequenceEqual(headerBytes))
        {
            throw Refused("The package was altered or damaged.");
        }
        return header;
    }

    private static T Parse<T>(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw Refused("The package is empty.");
        }
        catch (JsonException)
        {
            throw Refused("The package was altered or damaged: it is not valid JSON.");
        }
    }

    private static byte[] Base64(string value)
    {
        try
        {
            var bytes = Convert.FromBase64String(value);
            if (Convert.ToBase64String(bytes) != value)
            {
                throw Refused("The package was altered or damaged.");
            }
            return bytes;
        }
        catch (FormatException)
        {
            throw Refused("The package was altered or damaged.");
        }
    }

    public static ValidationException Refused(string message) => new("package", message);
}
