using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Features.Pprl;

/// <summary>One encoded field: the label its features are keyed with, and how many bit positions each feature sets.</summary>
public sealed record ClkField(string Label, LinkageField Field, int HashCount);

/// <summary>
/// What both parties must share for two sets of cryptographic long-term keys (CLKs) to be comparable: the format
/// version, the filter length and hardening, the encoded fields with their weights, and a key-check value derived
/// from the secret (ADR 0015). Written as the first line of a <c>.clk</c> file; two files are matched only when
/// their schemas are equal.
/// </summary>
public sealed record ClkSchema(IReadOnlyList<ClkField> Fields, string KeyCheck)
{
    public const string Format = "lantern-clk/1";

    /// <summary>Bits per encoding: a balanced filter of <see cref="BaseBits"/> bits and its complement, permuted.</summary>
    public const int Bits = 1024;

    public const int BaseBits = Bits / 2;

    /// <summary>64-bit words per encoding.</summary>
    public const int Words = Bits / 64;

    /// <summary>The shortest secret accepted (128 bits).</summary>
    public const int MinimumSecretBytes = 16;

    /// <summary>
    /// Positions set per feature of a field (per-field weighting): identifying fields weigh more than those many
    /// people share. Chosen on FEBRL (docs/benchmarks.md, "Privacy-preserving linkage").
    /// </summary>
    public static int DefaultHashCount(LinkageField field) => field switch
    {
        LinkageField.GivenName or LinkageField.FamilyName or LinkageField.FullName => 6,
        LinkageField.BirthDate => 5,
        LinkageField.NationalId or LinkageField.Passport or LinkageField.Phone => 5,
        LinkageField.Address or LinkageField.Locality => 2,
        LinkageField.Postcode or LinkageField.StreetNumber => 2,
        LinkageField.Region or LinkageField.Sex or LinkageField.Other => 2,
    };

    /// <summary>The schema for a dataset's columns with the default weights, keyed by <paramref name="secret"/>.</summary>
    public static ClkSchema For(IReadOnlyList<LinkageColumn> columns, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return new ClkSchema([.. columns.Select(c => new ClkField(Label(c), c.Field, DefaultHashCount(c.Field)))], KeyCheckOf(secret));
    }

    /// <summary>A field's label: its <c>lantern link</c> name, or <c>other:column</c> for free columns.</summary>
    public static string Label(LinkageColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = LinkageFields.Name(column.Field);
        return column.Field == LinkageField.Other ? name + ":" + column.Name.ToLowerInvariant() : name;
    }

    /// <summary>
    /// Eight bytes of HMAC-SHA256(secret, a fixed label), in hex: equal for equal secrets, and telling nothing about a
    /// secret of at least 128 random bits. It lets the matcher refuse files encoded under different secrets.
    /// </summary>
    public static string KeyCheckOf(ReadOnlySpan<byte> secret)
    {
        CheckSecret(secret);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secret, "lantern-clk/1 key check"u8, mac);
        return Convert.ToHexStringLower(mac[..8]);
    }

    public static void CheckSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ValidationException("--secret-file", $"the secret has {secret.Length} bytes; at least {MinimumSecretBytes} random bytes are required (e.g. head -c 32 /dev/urandom | base64 > KEY).");
        }
    }

    /// <summary>The header line: <c>lantern-clk/1 bits=1024 hardening=balanced-permuted hashing=hmac-sha256-random ngram=2 fields=given_name:6,... key-check=HEX</c>.</summary>
    public string Header() =>
        string.Join(' ', Format, "bits=" + Bits.ToString(CultureInfo.InvariantCulture), "hardening=balanced-permuted", "hashing=hmac-sha256-random", "ngram=2",
            "fields=" + string.Join(',', Fields.Select(f => f.Label + ":" + f.HashCount.ToString(CultureInfo.InvariantCulture))), "key-check=" + KeyCheck);

    /// <summary>Reads a header line written by <see cref="Header"/>; <paramref name="option"/> names the file in errors.</summary>
    public static ClkSchema Parse(string line, string option)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0] != Format)
        {
            throw new ValidationException(option, $"not a {Format} file (its first line must start with '{Format}').");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ValidationException(option, $"header item '{part}' is not NAME=VALUE.");
            }
            values[part[..eq]] = part[(eq + 1)..];
        }
        Expect(values, "bits", Bits.ToString(CultureInfo.InvariantCulture), option);
        Expect(values, "hardening", "balanced-permuted", option);
        Expect(values, "hashing", "hmac-sha256-random", option);
        Expect(values, "ngram", "2", option);
        if (!values.TryGetValue("key-check", out var keyCheck) || keyCheck.Length != 16)
        {
            throw new ValidationException(option, "the header has no key-check.");
        }
        if (!values.TryGetValue("fields", out var fieldList) || fieldList.Length == 0)
        {
            throw new ValidationException(option, "the header names no fields.");
        }
        var fields = new List<ClkField>();
        foreach (var item in fieldList.Split(','))
        {
            var colon = item.LastIndexOf(':');
            var label = colon > 0 ? item[..colon] : "";
            var fieldName = label.Split(':')[0];
            if (colon <= 0 || !int.TryParse(item[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k is < 1 or > 32
                || !LinkageFields.TryParse(fieldName, out var field))
            {
                throw new ValidationException(option, $"header field '{item}' is not FIELD:HASHES.");
            }
            fields.Add(new ClkField(label, field, k));
        }
        return new ClkSchema(fields, keyCheck);
    }

    private static void Expect(Dictionary<string, string> values, string name, string expected, string option)
    {
        if (!values.TryGetValue(name, out var value) || value != expected)
        {
            throw new ValidationException(option, $"header {name}={value ?? "(missing)"}; this Lantern reads {name}={expected}.");
        }
    }

    /// <summary>Refuses to compare encodings made under another secret or another schema: their similarities mean nothing.</summary>
    public void EnsureComparableWith(ClkSchema other, string option)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (KeyCheck != other.KeyCheck)
        {
            throw new ValidationException(option, "the files were encoded with different secrets (key-check values differ); both parties must encode with the same secret file.");
        }
        var mine = string.Join(',', Fields.Select(f => f.Label + ":" + f.HashCount.ToString(CultureInfo.InvariantCulture)));
        var theirs = string.Join(',', other.Fields.Select(f => f.Label + ":" + f.HashCount.ToString(CultureInfo.InvariantCulture)));
        if (mine != theirs)
        {
            throw new ValidationException(option, $"the files encode different fields or weights ({mine} against {theirs}); both parties must map the same fields.");
        }
    }
}

/// <summary>Encodings of one party's records: ids and <see cref="ClkSchema.Words"/> 64-bit words per record.</summary>
public sealed class ClkSet
{
    public ClkSet(ClkSchema schema, IReadOnlyList<string> ids, ulong[] filters)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Length != ids.Count * ClkSchema.Words)
        {
            throw new ArgumentException($"{ids.Count} ids need {ids.Count * ClkSchema.Words} words; {filters.Length} given.", nameof(filters));
        }
        Schema = schema;
        Ids = ids;
        Filters = filters;
    }

    public ClkSchema Schema { get; }
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Record r's encoding is <c>Filters[r * Words .. (r + 1) * Words]</c>.</summary>
    public ulong[] Filters { get; }

    public int Count => Ids.Count;

    public ReadOnlySpan<ulong> Filter(int record) => Filters.AsSpan(record * ClkSchema.Words, ClkSchema.Words);

    /// <summary>Writes the <c>.clk</c> text: the schema's header line, then <c>id,base64</c> per record (ids quoted as CSV when needed).</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Schema.Header());
        writer.Write('\n');
        Span<byte> bytes = stackalloc byte[ClkSchema.Bits / 8];
        for (var r = 0; r < Count; r++)
        {
            var filter = Filter(r);
            for (var w = 0; w < ClkSchema.Words; w++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes[(w * 8)..], filter[w]);
            }
            writer.Write(Csv(Ids[r]));
            writer.Write(',');
            writer.Write(Convert.ToBase64String(bytes));
            writer.Write('\n');
        }
    }

    /// <summary>Reads a <c>.clk</c> file; errors are <see cref="ValidationException"/>s naming <paramref name="option"/>.</summary>
    public static ClkSet Read(string path, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ValidationException(option, $"cannot read {path}: {e.Message}");
        }
        return FromLines(lines, path, option);
    }

    /// <summary>Reads <c>.clk</c> text held in memory (e.g. received in a sharing package); <paramref name="source"/> names it in errors.</summary>
    public static ClkSet Parse(string text, string source, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromLines(text.Split('\n'), source, option);
    }

    private static ClkSet FromLines(string[] lines, string path, string option)
    {
        if (lines.Length == 0 || lines[0].Length == 0)
        {
            throw new ValidationException(option, $"{path} is empty.");
        }
        var schema = ClkSchema.Parse(lines[0], option);
        var ids = new List<string>(lines.Length - 1);
        var filters = new ulong[(lines.Length - 1) * ClkSchema.Words];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Span<byte> bytes = stackalloc byte[ClkSchema.Bits / 8];
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }
            var comma = line.LastIndexOf(',');
            if (comma <= 0 || !Convert.TryFromBase64String(line[(comma + 1)..], bytes, out var written) || written != bytes.Length)
            {
                throw new ValidationException(option, $"{path}: line {i + 1} is not id,base64 of {ClkSchema.Bits} bits.");
            }
            var id = Uncsv(line[..comma]);
            if (!seen.Add(id))
            {
                throw new ValidationException(option, $"{path}: the id '{id}' appears more than once.");
            }
            var r = ids.Count;
            ids.Add(id);
            for (var w = 0; w < ClkSchema.Words; w++)
            {
                filters[(r * ClkSchema.Words) + w] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[(w * 8)..]);
            }
        }
        return new ClkSet(schema, ids, filters[..(ids.Count * ClkSchema.Words)]);
    }

    internal static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Uncsv(string cell) =>
        cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"' ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;
}
