using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Security;

/// <summary>What a blind-index entry stands for. The kind is part of the HMAC input, so keys of different kinds never collide.</summary>
public enum SearchKeyKind
{
    NameExact = 1,
    NamePhonetic = 2,
    Phone = 3,
    Document = 4,

    /// <summary>The token's transliteration group in the linkage name knowledge (Muhammad / Mohd / محمد).</summary>
    NameVariant = 5,

    /// <summary>The first letter of every Latin name token: a query "M. Aslam" finds "Muhammad Aslam".</summary>
    NameInitial = 6,

    /// <summary>A name recorded only as an initial ("M. Aslam"): a query "Muhammad Aslam" finds it.</summary>
    NameBareInitial = 7,
}

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

    /// <summary>
    /// The version of the name keys below. Raise it whenever <see cref="NameKeys"/> or the name knowledge it reads
    /// changes: persons indexed under an older version are re-indexed when the database is prepared.
    /// </summary>
    public const int NameKeysVersion = 3;

    /// <summary>
    /// The hashes a stored name contributes: each token exactly, its phonetic key (for an Arabic-script token, the key
    /// of its Latin spelling, so the two scripts meet), its transliteration group in the linkage name knowledge, its
    /// initial, and, for a token that is only an initial, that bare initial.
    /// </summary>
    public IEnumerable<(SearchKeyKind Kind, string Hash)> NameKeys(IEnumerable<string?> nameParts)
    {
        foreach (var token in NameTokens.Tokens(nameParts).Distinct(StringComparer.Ordinal))
        {
            yield return (SearchKeyKind.NameExact, Hash(SearchKeyKind.NameExact, token));
            var phonetic = Phonetic(token);
            if (phonetic.Length > 0)
            {
                yield return (SearchKeyKind.NamePhonetic, Hash(SearchKeyKind.NamePhonetic, phonetic));
            }
            if (Variant(token) is { } variant)
            {
                yield return (SearchKeyKind.NameVariant, Hash(SearchKeyKind.NameVariant, variant));
            }
            if (char.IsAsciiLetterLower(token[0]))
            {
                var initial = token[..1];
                yield return (SearchKeyKind.NameInitial, Hash(SearchKeyKind.NameInitial, initial));
                if (token.Length == 1)
                {
                    yield return (SearchKeyKind.NameBareInitial, Hash(SearchKeyKind.NameBareInitial, initial));
                }
            }
        }
    }

    /// <summary>
    /// For each token of a query, the hashes that match it. Every token must match (the caller intersects), so
    /// honorifics (Haji, Syed, Mst) are left out of the query: a record need not carry them. A one-letter token
    /// matches any name with that initial; a longer token matches the same spelling, the same phonetic key, the same
    /// transliteration group (in either script), or a name recorded only by its initial.
    /// </summary>
    public IReadOnlyList<string[]> QueryKeys(string query)
    {
        var knowledge = NameKnowledge.Bundled;
        var tokens = NameTokens.Tokens([query]).Distinct(StringComparer.Ordinal).ToList();
        var significant = tokens.Where(t => !knowledge.IsHonorific(Folded(t))).ToList();
        var keys = new List<string[]>();
        // A search for an honorific alone ("Syed") still looks for it.
        foreach (var token in significant.Count > 0 ? significant : tokens)
        {
            if (token.Length == 1 && char.IsAsciiLetterLower(token[0]))
            {
                keys.Add([Hash(SearchKeyKind.NameInitial, token)]);
                continue;
            }
            var hashes = new List<string>(4) { Hash(SearchKeyKind.NameExact, token) };
            var phonetic = Phonetic(token);
            if (phonetic.Length > 0)
            {
                hashes.Add(Hash(SearchKeyKind.NamePhonetic, phonetic));
            }
            if (Variant(token) is { } variant)
            {
                hashes.Add(Hash(SearchKeyKind.NameVariant, variant));
            }
            if (LatinInitial(token) is { } initial)
            {
                hashes.Add(Hash(SearchKeyKind.NameBareInitial, initial));
            }
            keys.Add([.. hashes]);
        }
        return keys;
    }

    // The search tokens fold Arabic-script letters to their Urdu forms; the name knowledge folds them to Arabic ones.
    private static string Folded(string token) =>
        token.Length > 0 && NameKnowledge.IsArabicScript(token[0]) ? NameKnowledge.NormaliseArabic(token) : token;

    // The initial a Latin record would write for the token: its first letter, or for an Arabic-script token the first
    // consonant of its skeleton (محمد → m). None for an Arabic token opening with a vowel letter (ا, ع: A, U, I, O...).
    private static string? LatinInitial(string token)
    {
        if (char.IsAsciiLetterLower(token[0]))
        {
            return token[..1];
        }
        var skeleton = NameKnowledge.Skeleton(Folded(token));
        return skeleton.Length > 0 && char.IsAsciiLetterLower(skeleton[0]) && skeleton[0] != 'a' ? skeleton[..1] : null;
    }

    // Version 3: an Arabic-script token's phonetic key is that of its Latin spelling (نسرین → nasreen → nsrn), so a
    // Latin query finds a name typed in Urdu and an Urdu query a name typed in Latin, group or no group.
    private static string Phonetic(string token) =>
        token.Length > 0 && NameKnowledge.IsArabicScript(token[0])
            ? NameTokens.PhoneticKey(Transliteration.WordToLatin(token).ToLowerInvariant())
            : NameTokens.PhoneticKey(token);

    private static string? Variant(string token) => NameKnowledge.Bundled.Canonical(Folded(token));
}
