using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lantern.Core.Security;

/// <summary>
/// Versioned secret keys kept outside the database (by default in <c>./data/keys/keyring.json</c>, mode 0600).
/// Holds the AES-256 field-encryption keys (one current, older ones for reading), the blind-index HMAC key,
/// and the audit-chain HMAC key. A database copied without this folder reveals no protected value.
/// </summary>
internal sealed class KeyRing
{
    private readonly string _path;
    private KeyRingFile _file;

    private KeyRing(string path, KeyRingFile file)
    {
        _path = path;
        _file = file;
    }

    public int CurrentVersion => _file.Current;

    public byte[] EncryptionKey(int version)
    {
        var entry = _file.EncryptionKeys.FirstOrDefault(k => k.Version == version);
        if (entry is null)
        {
            // Another process (lantern keys rotate) may have added the key since this one started.
            Reload();
            entry = _file.EncryptionKeys.FirstOrDefault(k => k.Version == version)
                ?? throw new CryptographicException($"Key version {version} is not in the key ring.");
        }
        return Convert.FromBase64String(entry.Key);
    }

    private void Reload()
    {
        lock (FileLock)
        {
            if (File.Exists(_path))
            {
                _file = JsonSerializer.Deserialize(File.ReadAllText(_path), KeyRingJson.Default.KeyRingFile) ?? _file;
            }
        }
    }

    public byte[] BlindIndexKey => Convert.FromBase64String(_file.BlindIndexKey);

    public byte[] AuditKey => Convert.FromBase64String(_file.AuditKey);

    /// <summary>Opens the key ring in <paramref name="folder"/>, creating it with fresh keys on first use.</summary>
    public static KeyRing OpenOrCreate(string folder)
    {
        var path = Path.Combine(folder, "keyring.json");
        lock (FileLock)
        {
            if (File.Exists(path))
            {
                var file = JsonSerializer.Deserialize(File.ReadAllText(path), KeyRingJson.Default.KeyRingFile)
                    ?? throw new CryptographicException($"The key ring {path} is empty.");
                return new KeyRing(path, file);
            }
            Directory.CreateDirectory(folder);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var created = new KeyRingFile
            {
                Current = 1,
                EncryptionKeys = [new KeyRingEntry { Version = 1, Key = NewKey(), CreatedUtc = DateTime.UtcNow }],
                BlindIndexKey = NewKey(),
                AuditKey = NewKey(),
            };
            var ring = new KeyRing(path, created);
            ring.Write();
            return ring;
        }
    }

    /// <summary>Adds a new encryption key and makes it current. Old keys stay so existing ciphertext can be read until re-encrypted.</summary>
    public int AddEncryptionKey()
    {
        lock (FileLock)
        {
            var next = _file.EncryptionKeys.Max(k => k.Version) + 1;
            _file = _file with
            {
                Current = next,
                EncryptionKeys = [.. _file.EncryptionKeys, new KeyRingEntry { Version = next, Key = NewKey(), CreatedUtc = DateTime.UtcNow }],
            };
            Write();
            return next;
        }
    }

    private static readonly Lock FileLock = new();

    private void Write()
    {
        var temp = _path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_file, KeyRingJson.Default.KeyRingFile));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, _path, overwrite: true);
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

internal sealed record KeyRingFile
{
    public int Current { get; init; }
    public List<KeyRingEntry> EncryptionKeys { get; init; } = [];
    public string BlindIndexKey { get; init; } = "";
    public string AuditKey { get; init; } = "";
}

internal sealed record KeyRingEntry
{
    public int Version { get; init; }
    public string Key { get; init; } = "";
    public DateTime CreatedUtc { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(KeyRingFile))]
internal sealed partial class KeyRingJson : JsonSerializerContext;
