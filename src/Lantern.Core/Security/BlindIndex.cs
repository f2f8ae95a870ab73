using System.Security.Cryptography;
using System.Text;

namespace Lantern.Core.Security;

/// <summary>What a blind-index entry stands for. The kind is part of the HMAC input, so keys of different kinds never collide.</summary>
public enum SearchKeyKind { NameExact = 1, NamePhonetic = 2, Phone = 3, Document = 4 }

/// <summary>
/// Keyed blind indexes: HMAC-SHA256 of normalised values, truncated to 128 bits. Exact search on identity
/// numbers and phones, and name search, compare these hashes; the protected columns are never decrypted to search.
/// </summary>
internal sealed class BlindIndex(KeyRing keys)
{
    private readonly byte[] _key = keys.BlindIndexKey;

    public string Hash(SearchKeyKind kind, string normalised)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{(int)kind}|{normalised}"), mac);
        return Convert.ToBase64String(mac[..16]);
    }

    /// <summary>The hashes a stored name contributes: each token exactly, and each token's phonetic key.</summary>
    public IEnumerable<(SearchKeyKind Kind, string Hash)> NameKeys(IEnumerable<string?> nameParts)
    {
        foreach (var token in NameTokens.Tokens(nameParts).Distinct(StringComparer.Ordinal))
        {
            yield return (SearchKeyKind.NameExact, Hash(SearchKeyKind.NameExact, token));
            var phonetic = NameTokens.PhoneticKey(token);
            if (phonetic.Length > 0)
            {
                yield return (SearchKeyKind.NamePhonetic, Hash(SearchKeyKind.NamePhonetic, phonetic));
            }
        }
    }

    /// <summary>For each token of a query, the hashes that match it (exact or phonetic).</summary>
    public IReadOnlyList<string[]> QueryKeys(string query) =>
        NameTokens.Tokens([query]).Distinct(StringComparer.Ordinal).Select(token =>
        {
            var phonetic = NameTokens.PhoneticKey(token);
            return phonetic.Length > 0
                ? new[] { Hash(SearchKeyKind.NameExact, token), Hash(SearchKeyKind.NamePhonetic, phonetic) }
                : [Hash(SearchKeyKind.NameExact, token)];
        }).ToList();
}
