using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// The indicator lists as data: one CSV row per indicator (population, exploitation, dimension, indicator, strength,
/// verification), so a corrected list is an import, not a release. <see cref="Version"/> is the SHA-256 of the
/// normalised rows, so two files that differ only in quoting, spacing or line endings are the same version, and an
/// assessment can name exactly the weights it was made with.
/// </summary>
public sealed class IndicatorCatalogue
{
    public const string BundledLabel = "ILO/EC 2009 operational indicators (bundled)";

    private static readonly string[] Columns = ["population", "exploitation", "dimension", "indicator", "strength", "verification"];
    private static readonly Lazy<IndicatorCatalogue> BundledCatalogue = new(() => Parse(ReadResource("ilo_indicators.csv"), BundledLabel));

    private readonly Dictionary<(Population, Exploitation), List<Indicator>> _lists;

    private IndicatorCatalogue(string label, string version, IReadOnlyList<Indicator> rows)
    {
        Label = label;
        Version = version;
        Rows = rows;
        _lists = rows.GroupBy(r => (r.Population, r.Exploitation)).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The catalogue shipped with Lantern (<c>Reference/ilo_indicators.csv</c>; see the README there for what is verified).</summary>
    public static IndicatorCatalogue Bundled => BundledCatalogue.Value;

    /// <summary>Who or what this catalogue is (file name, "bundled"); for people, not identity.</summary>
    public string Label { get; }

    /// <summary>The identity of the content: <c>sha256:</c> and 64 hex digits over the normalised rows.</summary>
    public string Version { get; }

    /// <summary>All rows, in file order.</summary>
    public IReadOnlyList<Indicator> Rows { get; }

    public bool HasList(Population population, Exploitation exploitation) => _lists.ContainsKey((population, exploitation));

    /// <summary>The rows of one list, in file order; empty if the catalogue has no such list.</summary>
    public IReadOnlyList<Indicator> List(Population population, Exploitation exploitation) =>
        _lists.TryGetValue((population, exploitation), out var rows) ? rows : [];

    /// <summary>The dimension names of one list, in the order they first appear.</summary>
    public IReadOnlyList<string> Dimensions(Population population, Exploitation exploitation) =>
        List(population, exploitation).Select(r => r.Dimension).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Reads and checks a catalogue. Every refusal is a <see cref="ValidationException"/> whose field names the
    /// <paramref name="label"/>, the row (as a spreadsheet numbers it: the header is row 1) and the column.
    /// </summary>
    public static IndicatorCatalogue Parse(string csv, string label)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var records = CsvRecords(csv, label);
        if (records.Count == 0)
        {
            throw new ValidationException(label, "The catalogue is empty; it needs a header row and at least one indicator.");
        }
        var index = HeaderIndex(records[0], label);
        var rows = new List<Indicator>();
        var seen = new Dictionary<(Population, Exploitation, string, string), int>();
        for (var i = 1; i < records.Count; i++)
        {
            var (number, fields) = records[i];
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }
            if (fields.Count != Columns.Length)
            {
                throw new ValidationException($"{label} row {number}", $"The row has {fields.Count} values; the header has {Columns.Length}.");
            }
            string Value(string column) => fields[index[column]].Trim();
            string Field(string column) => $"{label} row {number}, {column}";
            var row = new Indicator(
                IndicatorTerms.ParsePopulation(Value("population"), Field("population")),
                IndicatorTerms.ParseExploitation(Value("exploitation"), Field("exploitation")),
                Required(Value("dimension"), Field("dimension")),
                Required(Value("indicator"), Field("indicator")),
                IndicatorTerms.ParseStrength(Value("strength"), Field("strength")),
                Required(Value("verification"), Field("verification")));
            if (row.Dimension.Contains(':', StringComparison.Ordinal))
            {
                throw new ValidationException(Field("dimension"), "A dimension name may not contain ':' (answers name an indicator as 'dimension: indicator').");
            }
            var key = (row.Population, row.Exploitation, row.Dimension.ToUpperInvariant(), row.Text.ToUpperInvariant());
            if (seen.TryGetValue(key, out var first))
            {
                throw new ValidationException(Field("indicator"), $"{IndicatorTerms.Quoted(row.Text)} repeats row {first} (same list and dimension).");
            }
            seen[key] = number;
            rows.Add(row);
        }
        if (rows.Count == 0)
        {
            throw new ValidationException(label, "The catalogue has a header but no indicator rows.");
        }
        return new IndicatorCatalogue(label, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalised(rows)))), rows);
    }

    private static Dictionary<string, int> HeaderIndex((int Number, List<string> Fields) header, string label)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            var field = $"{label} row 1, column {i + 1}";
            if (!Columns.Contains(name))
            {
                throw new ValidationException(field, $"{IndicatorTerms.Quoted(name)} is not a catalogue column; the columns are {string.Join(", ", Columns)}.");
            }
            if (!index.TryAdd(name, i))
            {
                throw new ValidationException(field, $"The column '{name}' appears twice.");
            }
        }
        var missing = Columns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException($"{label} row 1", $"The header lacks the column(s) {string.Join(", ", missing)}.");
        }
        return index;
    }

    private static string Required(string value, string field)
    {
        if (value.Length == 0)
        {
            throw new ValidationException(field, "This value is empty.");
        }
        if (value.Any(char.IsControl))
        {
            throw new ValidationException(field, "Control characters (including line breaks) are not allowed here.");
        }
        return value;
    }

    /// <summary>The canonical text the version hashes: the six columns in a fixed order, RFC 4180 quoting, LF line ends.</summary>
    private static string Normalised(IEnumerable<Indicator> rows)
    {
        var text = new StringBuilder(string.Join(',', Columns)).Append('\n');
        foreach (var r in rows)
        {
            string[] values = [IndicatorTerms.Name(r.Population), IndicatorTerms.Name(r.Exploitation), r.Dimension, r.Text, IndicatorTerms.Name(r.Strength), r.Verification];
            text.AppendJoin(',', values.Select(v => v.IndexOfAny([',', '"']) >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>RFC 4180 records with the spreadsheet row number of each (quoted values may span lines).</summary>
    private static List<(int Number, List<string> Fields)> CsvRecords(string csv, string label)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var value = new StringBuilder();
        var quoted = false;
        var afterQuote = false;
        var number = 1;
        var i = 0;
        void EndRecord()
        {
            fields.Add(value.ToString());
            value.Clear();
            records.Add((number, fields));
            fields = [];
            number++;
        }
        while (i < csv.Length)
        {
            var ch = csv[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    value.Append('"');
                    i += 2;
                    continue;
                }
                if (ch == '"')
                {
                    quoted = false;
                    afterQuote = true;
                }
                else
                {
                    value.Append(ch);
                }
                i++;
                continue;
            }
            switch (ch)
            {
                case ',':
                    fields.Add(value.ToString());
                    value.Clear();
                    afterQuote = false;
                    break;
                case '\r' when i + 1 < csv.Length && csv[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndRecord();
                    afterQuote = false;
                    break;
                case '"' when value.ToString().Trim().Length == 0 && !afterQuote:
                    value.Clear();
                    quoted = true;
                    break;
                case '"':
                    throw new ValidationException($"{label} row {number}, column {fields.Count + 1}", "A quote inside a value must be doubled, and the value quoted.");
                default:
                    if (afterQuote && !char.IsWhiteSpace(ch))
                    {
                        throw new ValidationException($"{label} row {number}, column {fields.Count + 1}", "Text follows the closing quote of a quoted value.");
                    }
                    value.Append(ch);
                    break;
            }
            i++;
        }
        if (quoted)
        {
            throw new ValidationException($"{label} row {number}, column {fields.Count + 1}", "A quoted value is not closed.");
        }
        if (value.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }
        return records;
    }

    internal static string ReadResource(string file)
    {
        var name = "Lantern.Core.Features.Screening.Reference." + file;
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The screening reference file '{file}' is not embedded."));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
