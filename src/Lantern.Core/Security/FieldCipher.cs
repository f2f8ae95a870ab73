using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lantern.Core.Security;

/// <summary>
/// AES-256-GCM encryption of protected fields. The associated data binds each ciphertext to its table,
/// record id and field name, so a value copied into another row or column fails to decrypt.
/// Stored form: <c>v{keyVersion}:{base64(nonce | ciphertext | tag)}</c>.
/// </summary>
internal sealed class FieldCipher(KeyRing keys)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Encrypt(string plaintext, string table, string recordId, string field)
    {
        var version = keys.CurrentVersion;
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.EncryptionKey(version), TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), AssociatedData(table, recordId, field));
        return string.Create(CultureInfo.InvariantCulture, $"v{version}:{Convert.ToBase64String(output)}");
    }

    public string Decrypt(string stored, string table, string recordId, string field)
    {
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || stored[0] != 'v' || !int.TryParse(stored.AsSpan(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new CryptographicException($"{table}.{field} of {recordId} is not in the encrypted form.");
        }
        var data = Convert.FromBase64String(stored[(colon + 1)..]);
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(keys.EncryptionKey(version), TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, AssociatedData(table, recordId, field));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// As <see cref="Encrypt"/>, for file content (evidence): the same key ring and associated data, but binary, with
    /// the key version returned for its own column instead of a text prefix. Returns nonce | ciphertext | tag.
    /// </summary>
    public (int Version, byte[] Data) EncryptBytes(ReadOnlySpan<byte> plain, string table, string recordId, string field)
    {
        var version = keys.CurrentVersion;
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.EncryptionKey(version), TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), AssociatedData(table, recordId, field));
        return (version, output);
    }

    /// <summary>Reverses <see cref="EncryptBytes"/>; a changed byte or a copy into another record fails with <see cref="CryptographicException"/>.</summary>
    public byte[] DecryptBytes(int version, byte[] data, string table, string recordId, string field)
    {
        if (data.Length < NonceSize + TagSize)
        {
            throw new CryptographicException($"{table}.{field} of {recordId} is too short to be encrypted content.");
        }
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(keys.EncryptionKey(version), TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, AssociatedData(table, recordId, field));
        return plain;
    }

    private static byte[] AssociatedData(string table, string recordId, string field) =>
        Encoding.UTF8.GetBytes($"lantern/1|{table}|{recordId}|{field}");
}
