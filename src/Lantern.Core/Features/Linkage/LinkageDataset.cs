using Lantern.Core.Common;

namespace Lantern.Core.Features.Linkage;

/// <summary>What a column holds, for comparison and blocking. The names are the <c>lantern link</c> contract.</summary>
public enum LinkageField
{
    GivenName,
    FamilyName,
    FullName,
    BirthDate,
    Sex,
    StreetNumber,
    Address,
    Locality,
    Postcode,
    Region,
    Phone,
    NationalId,
    Passport,
    Other,
}

public static class LinkageFields
{
    private static readonly (LinkageField Field, string Name)[] Names =
    [
        (LinkageField.GivenName, "given_name"), (LinkageField.FamilyName, "family_name"), (LinkageField.FullName, "full_name"),
        (LinkageField.BirthDate, "birth_date"), (LinkageField.Sex, "sex"), (LinkageField.StreetNumber, "street_number"),
        (LinkageField.Address, "address"), (LinkageField.Locality, "locality"), (LinkageField.Postcode, "postcode"),
        (LinkageField.Region, "region"), (LinkageField.Phone, "phone"), (LinkageField.NationalId, "national_id"),
        (LinkageField.Passport, "passport"), (LinkageField.Other, "other"),
    ];

    /// <summary>Column names understood without a mapping besides the field names themselves (FEBRL's and common ones).</summary>
    private static readonly Dictionary<string, LinkageField> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first_name"] = LinkageField.GivenName,
        ["forename"] = LinkageField.GivenName,
        ["given"] = LinkageField.GivenName,
        ["surname"] = LinkageField.FamilyName,
        ["last_name"] = LinkageField.FamilyName,
        ["family"] = LinkageField.FamilyName,
        ["name"] = LinkageField.FullName,
        ["date_of_birth"] = LinkageField.BirthDate,
        ["dob"] = LinkageField.BirthDate,
        ["birthdate"] = LinkageField.BirthDate,
        ["gender"] = LinkageField.Sex,
        ["address_1"] = LinkageField.Address,
        ["street"] = LinkageField.Address,
        ["suburb"] = LinkageField.Locality,
        ["city"] = LinkageField.Locality,
        ["town"] = LinkageField.Locality,
        ["district"] = LinkageField.Locality,
        ["postal_code"] = LinkageField.Postcode,
        ["zip"] = LinkageField.Postcode,
        ["state"] = LinkageField.Region,
        ["province"] = LinkageField.Region,
        ["phone_number"] = LinkageField.Phone,
        ["mobile"] = LinkageField.Phone,
        ["cnic"] = LinkageField.NationalId,
        ["soc_sec_id"] = LinkageField.NationalId,
        ["passport_number"] = LinkageField.Passport,
    };

    public static IReadOnlyList<string> All => [.. Names.Select(n => n.Name)];

    public static string Name(LinkageField field) => Names.First(n => n.Field == field).Name;

    public static bool TryParse(string name, out LinkageField field)
    {
        foreach (var n in Names)
        {
            if (string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                field = n.Field;
                return true;
            }
        }
        field = default;
        return false;
    }

    /// <summary>The field a column is mapped to without <c>--map</c>: its own name, or a well-known synonym.</summary>
    public static bool TryAutoMap(string column, out LinkageField field) =>
        TryParse(column, out field) || Synonyms.TryGetValue(column, out field);
}

/// <summary>One compared column: its name (for explanations) and the field it holds.</summary>
public sealed record LinkageColumn(string Name, LinkageField Field);

/// <summary>
/// The records to link, held column by column (no object per record, so a million records stay small). One source:
/// deduplication; two sources: linkage of source 0 with source 1, pairs within a source are not compared.
/// </summary>
public sealed class LinkageDataset
{
    /// <summary>At most this many compared columns: a comparison vector must fit in 64 bits (4 bits per column).</summary>
    public const int MaxColumns = 16;

    private readonly List<string> _ids = [];
    private readonly List<byte> _sources = [];
    private readonly List<string?>[] _values;
    private readonly HashSet<string>[] _seenIds = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    public LinkageDataset(IReadOnlyList<LinkageColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ValidationException("--map", "No column is mapped to a field: nothing to compare.");
        }
        if (columns.Count > MaxColumns)
        {
            throw new ValidationException("--map", $"{columns.Count} columns are mapped; at most {MaxColumns} can be compared.");
        }
        var twice = columns.Where(c => c.Field != LinkageField.Other).GroupBy(c => c.Field).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ValidationException("--map", $"More than one column is mapped to {LinkageFields.Name(twice.Key)}: {string.Join(", ", twice.Select(c => c.Name))}.");
        }
        Columns = columns;
        _values = [.. columns.Select(_ => new List<string?>())];
    }

    public IReadOnlyList<LinkageColumn> Columns { get; }
    public int Count => _ids.Count;
    public bool IsLinkage { get; private set; }
    public string Id(int record) => _ids[record];
    public IEnumerable<string> Ids() => _ids;
    public int Source(int record) => _sources[record];

    /// <summary>A cell as given: trimmed, null when empty.</summary>
    public string? Value(int record, int column) => _values[column][record];

    /// <summary>Adds a record of source 0 or 1; <paramref name="values"/> follow <see cref="Columns"/>. Ids are unique within a source.</summary>
    public void Add(int source, string id, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(values);
        if (source is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(source), "A dataset has one or two sources.");
        }
        if (!_seenIds[source].Add(id))
        {
            throw new ValidationException("--id-column", $"The id '{id}' appears more than once in input {source + 1}.");
        }
        IsLinkage |= source == 1;
        _ids.Add(id);
        _sources.Add((byte)source);
        for (var c = 0; c < _values.Length; c++)
        {
            var v = c < values.Count ? values[c]?.Trim() : null;
            _values[c].Add(string.IsNullOrEmpty(v) ? null : v);
        }
    }
}
