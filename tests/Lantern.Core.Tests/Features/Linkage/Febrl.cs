using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Tests.Features.Linkage;

/// <summary>The FEBRL synthetic person files (tests/data/febrl), read as <c>lantern link</c> reads them with the FEBRL mapping.</summary>
internal static class Febrl
{
    public static readonly Dictionary<string, LinkageField> Mapping = new(StringComparer.OrdinalIgnoreCase)
    {
        ["surname"] = LinkageField.FamilyName,
        ["address_1"] = LinkageField.Address,
        ["suburb"] = LinkageField.Locality,
        ["state"] = LinkageField.Region,
        ["date_of_birth"] = LinkageField.BirthDate,
        ["soc_sec_id"] = LinkageField.NationalId,
    };

    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "febrl", file);

    public static LinkageDataset Read(string file) => LinkageInput.Read([Path(file)], "rec_id", Mapping);

    /// <summary>rec-N-org and rec-N-dup-K are the same person N.</summary>
    public static string Person(string id) => id.Split('-')[1];

    public static HashSet<(string, string)> TruePairs(LinkageDataset dataset)
    {
        var truth = new HashSet<(string, string)>();
        foreach (var group in Enumerable.Range(0, dataset.Count).Select(dataset.Id).GroupBy(Person))
        {
            var ids = group.Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < ids.Count; i++)
            {
                for (var j = i + 1; j < ids.Count; j++)
                {
                    truth.Add((ids[i], ids[j]));
                }
            }
        }
        return truth;
    }

    public static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
