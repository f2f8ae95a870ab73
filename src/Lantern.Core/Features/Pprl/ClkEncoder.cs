using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Features.Pprl;

/// <summary>
/// Encodes records as cryptographic long-term keys (CLKs, ADR 0015): each field's features (bigrams of normalised
/// names and text, transliteration group and consonant skeleton of each name word, date parts, digits of numbers)
/// set <see cref="ClkField.HashCount"/> positions of a 512-bit Bloom filter, each position drawn independently from
/// HMAC-SHA256 under a key derived from the secret and the field ("random hashing", not double hashing). The filter
/// is then balanced (its complement appended, so every encoding has exactly 512 of 1,024 bits set) and the 1,024
/// positions permuted by a secret-keyed permutation.
/// </summary>
public static class ClkEncoder
{
    private const int RecordsPerChunk = 4096;

    /// <summary>Encodes every record of <paramref name="dataset"/> (its columns become the schema's fields).</summary>
    public static ClkSet Encode(LinkageDataset dataset, ReadOnlySpan<byte> secret, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var schema = ClkSchema.For(dataset.Columns, secret);
        return Encode(dataset, secret, schema, progress);
    }

    /// <summary>Encodes with a given schema (its fields follow the dataset's columns, one for one).</summary>
    public static ClkSet Encode(LinkageDataset dataset, ReadOnlySpan<byte> secret, ClkSchema schema, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(schema);
        ClkSchema.CheckSecret(secret);
        if (schema.Fields.Count != dataset.Columns.Count)
        {
            throw new ArgumentException("The schema must have one field per column.", nameof(schema));
        }
        var key = new EncodingKey(secret, schema);
        var names = NameKnowledge.Bundled;
        var count = dataset.Count;
        var filters = new ulong[count * ClkSchema.Words];
        var ids = new string[count];
        for (var r = 0; r < count; r++)
        {
            var id = dataset.Id(r);
            if (id.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                throw new ValidationException("--id-column", $"the id on record {r + 1} holds a line break.");
            }
            ids[r] = id;
        }
        // the base positions a cell sets, once per distinct cell of a column: names and places repeat
        var caches = new ConcurrentDictionary<string, ushort[]>[dataset.Columns.Count];
        for (var c = 0; c < caches.Length; c++)
        {
            caches[c] = new ConcurrentDictionary<string, ushort[]>(StringComparer.Ordinal);
        }
        var chunks = (count + RecordsPerChunk - 1) / RecordsPerChunk;
        var done = 0;
        Parallel.For(0, chunks, chunk =>
        {
            Span<ulong> filter = stackalloc ulong[ClkSchema.Words];
            var end = Math.Min(count, (chunk + 1) * RecordsPerChunk);
            for (var r = chunk * RecordsPerChunk; r < end; r++)
            {
                key.Initial.CopyTo(filter);
                for (var c = 0; c < caches.Length; c++)
                {
                    if (dataset.Value(r, c) is not { } value)
                    {
                        continue;
                    }
                    var positions = caches[c].GetOrAdd(value, static (v, state) => state.key.Positions(state.c, Features(state.field, v, state.names)), (key, c, field: dataset.Columns[c].Field, names));
                    foreach (var p in positions)
                    {
                        var set = key.Permutation[p];
                        var clear = key.Permutation[p + ClkSchema.BaseBits];
                        filter[set >> 6] |= 1UL << (set & 63);
                        filter[clear >> 6] &= ~(1UL << (clear & 63));
                    }
                }
                filter.CopyTo(filters.AsSpan(r * ClkSchema.Words, ClkSchema.Words));
            }
            var finished = Interlocked.Add(ref done, end - (chunk * RecordsPerChunk));
            if (progress is not null && (chunk % 25 == 0 || finished == count))
            {
                progress($"encoded {finished:N0} of {count:N0} records");
            }
        });
        return new ClkSet(schema, ids, filters);
    }

    /// <summary>
    /// The features of one cell, normalised as <c>lantern link</c> normalises the field, so that spellings the linkage
    /// treats as one name share most features. Each feature is prefixed by its kind, so a bigram and a whole value never collide.
    /// </summary>
    public static IReadOnlyList<string> Features(LinkageField field, string value, NameKnowledge names)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(names);
        var features = new List<string>(24);
        switch (field)
        {
            case LinkageField.GivenName or LinkageField.FamilyName or LinkageField.FullName:
                foreach (var token in names.Tokens(value))
                {
                    // the word's bigrams carry typing slips; its transliteration group and consonant skeleton carry
                    // Muhammad / Mohammad / محمد, which share few bigrams
                    Bigrams(features, token);
                    if (names.Canonical(token) is { } group)
                    {
                        features.Add("g:" + group);
                    }
                    var skeleton = NameKnowledge.Skeleton(token);
                    if (skeleton.Length >= 2)
                    {
                        features.Add("s:" + skeleton);
                    }
                }
                break;
            case LinkageField.BirthDate:
                if (Standardise.Date(value) is { } date)
                {
                    if (date.Length == 8)
                    {
                        // digit by position carries one typing slip; year, month and day carry the parts; the unordered
                        // month and day carry a day/month swap. Unknown parts ("00") add nothing.
                        var (year, month, day) = (date[..4], date[4..6], date[6..]);
                        features.Add("y:" + year);
                        for (var i = 0; i < 4; i++)
                        {
                            features.Add("d" + i.ToString(CultureInfo.InvariantCulture) + ":" + year[i]);
                        }
                        if (month != "00")
                        {
                            features.Add("m:" + month);
                        }
                        if (day != "00")
                        {
                            features.Add("dd:" + day);
                        }
                        if (month != "00" && day != "00")
                        {
                            features.Add("md:" + (string.CompareOrdinal(month, day) < 0 ? month + day : day + month));
                        }
                    }
                    else
                    {
                        Bigrams(features, date);
                    }
                }
                break;
            case LinkageField.NationalId or LinkageField.Passport:
                if (Standardise.Document(value) is { } document)
                {
                    Bigrams(features, document);
                }
                break;
            case LinkageField.Phone:
                if (Standardise.Phone(value) is { } phone)
                {
                    Bigrams(features, phone);
                }
                break;
            case LinkageField.StreetNumber or LinkageField.Postcode:
                if (Standardise.Text(value) is { } code)
                {
                    Bigrams(features, code);
                }
                break;
            case LinkageField.Address:
                if (Standardise.Text(value) is { } address)
                {
                    foreach (var word in address.Split(' '))
                    {
                        Bigrams(features, word);
                    }
                }
                break;
            case LinkageField.Locality:
                if (Standardise.Text(value) is { } place)
                {
                    foreach (var word in names.Place(place).Split(' '))
                    {
                        Bigrams(features, word);
                    }
                }
                break;
            case LinkageField.Region:
                if (Standardise.Text(value) is { } region)
                {
                    features.Add("v:" + names.Place(region));
                }
                break;
            case LinkageField.Sex:
                if (Standardise.Sex(value) is { } sex)
                {
                    features.Add("v:" + sex);
                }
                break;
            case LinkageField.Other:
                if (Standardise.Text(value) is { } other)
                {
                    features.Add("v:" + other);
                }
                break;
        }
        return features;
    }

    /// <summary>Bigrams of the word padded with a space at each end ("ali" → " a", "al", "li", "i ").</summary>
    private static void Bigrams(List<string> features, string word)
    {
        if (word.Length == 0)
        {
            return;
        }
        var padded = " " + word + " ";
        for (var i = 0; i + 1 < padded.Length; i++)
        {
            features.Add(string.Concat("b:", padded.AsSpan(i, 2)));
        }
    }

    /// <summary>The keys derived from the secret: one HMAC key per field, the permutation, and the all-complement start filter.</summary>
    private sealed class EncodingKey
    {
        private readonly byte[][] _fieldKeys;
        private readonly int[] _hashCounts;
        private readonly ConcurrentDictionary<string, ushort[]>[] _featureCache;

        public EncodingKey(ReadOnlySpan<byte> secret, ClkSchema schema)
        {
            _fieldKeys = new byte[schema.Fields.Count][];
            for (var f = 0; f < _fieldKeys.Length; f++)
            {
                _fieldKeys[f] = Derive(secret, "lantern-clk/1 field " + schema.Fields[f].Label);
            }
            _hashCounts = [.. schema.Fields.Select(f => f.HashCount)];
            _featureCache = [.. schema.Fields.Select(_ => new ConcurrentDictionary<string, ushort[]>(StringComparer.Ordinal))];
            Permutation = KeyedPermutation(Derive(secret, "lantern-clk/1 permutation"));
            Initial = new ulong[ClkSchema.Words];
            for (var p = ClkSchema.BaseBits; p < ClkSchema.Bits; p++)
            {
                Initial[Permutation[p] >> 6] |= 1UL << (Permutation[p] & 63);
            }
        }

        /// <summary>Where base bit b lands (<c>[b]</c>) and where its complement lands (<c>[b + 512]</c>).</summary>
        public ushort[] Permutation { get; }

        public ulong[] Initial { get; }

        /// <summary>The distinct base positions (0..511) the features set.</summary>
        public ushort[] Positions(int column, IReadOnlyList<string> features)
        {
            Span<ulong> seen = stackalloc ulong[ClkSchema.BaseBits / 64];
            var positions = new List<ushort>(features.Count * _hashCounts[column]);
            foreach (var feature in features)
            {
                foreach (var p in _featureCache[column].GetOrAdd(feature, static (f, state) => state.Self.FeaturePositions(state.Column, f), (Self: this, Column: column)))
                {
                    if ((seen[p >> 6] & (1UL << (p & 63))) == 0)
                    {
                        seen[p >> 6] |= 1UL << (p & 63);
                        positions.Add(p);
                    }
                }
            }
            return [.. positions];
        }

        /// <summary>
        /// The k positions of one feature: each HMAC yields 16 independent 9-bit positions; a second round (counter
        /// byte) for k > 16. Features repeat (bigrams of digits and words), so each is computed once per run.
        /// </summary>
        private ushort[] FeaturePositions(int column, string feature)
        {
            var key = _fieldKeys[column];
            var k = _hashCounts[column];
            var positions = new ushort[k];
            Span<byte> mac = stackalloc byte[32];
            var data = Encoding.UTF8.GetBytes(feature + "\0");
            for (var round = 0; round * 16 < k; round++)
            {
                data[^1] = (byte)round;
                HMACSHA256.HashData(key, data, mac);
                for (var j = 0; j < 16 && (round * 16) + j < k; j++)
                {
                    positions[(round * 16) + j] = (ushort)(((mac[2 * j] << 8) | mac[(2 * j) + 1]) & (ClkSchema.BaseBits - 1));
                }
            }
            return positions;
        }

        private static byte[] Derive(ReadOnlySpan<byte> secret, string label) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(label));

        /// <summary>Fisher-Yates over the 1,024 positions driven by HMAC-SHA256 in counter mode.</summary>
        private static ushort[] KeyedPermutation(byte[] key)
        {
            var permutation = new ushort[ClkSchema.Bits];
            for (var i = 0; i < permutation.Length; i++)
            {
                permutation[i] = (ushort)i;
            }
            var block = new byte[32];
            var used = 32;
            var counter = 0;
            for (var i = permutation.Length - 1; i > 0; i--)
            {
                if (used + 8 > block.Length)
                {
                    var counterBytes = new byte[4];
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(counterBytes, counter++);
                    block = HMACSHA256.HashData(key, counterBytes);
                    used = 0;
                }
                var random = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(block.AsSpan(used));
                used += 8;
                var j = (int)(random % (ulong)(i + 1));
                (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
            }
            return permutation;
        }
    }
}
