using System.Text;

namespace Lantern.Core.Features.Demo;

/// <summary>One name of a pool: its Latin spelling, its Urdu spelling when known, and how often the seeder picks it.</summary>
internal sealed record DemoName(string Latin, string? Urdu, int Weight);

/// <summary>
/// The name pools of the demo data set, read from the embedded files under Reference/names (see its README):
/// Pakistani forenames, second names, their Urdu spellings and their Latin spelling variants.
/// </summary>
internal sealed class DemoNames
{
    private const string ResourcePrefix = "Lantern.Core.Reference.names.";

    // Names from the published PK list are the most common ones; the hand-written pool fills out variety.
    private const int PublishedWeight = 3;

    private static readonly Lazy<DemoNames> Embedded = new(Load);

    private readonly Dictionary<string, string> _urdu = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _variants = new(StringComparer.OrdinalIgnoreCase);

    private DemoNames()
    {
    }

    public static DemoNames Instance => Embedded.Value;

    public IReadOnlyList<DemoName> Female { get; private set; } = [];
    public IReadOnlyList<DemoName> Male { get; private set; } = [];
    public IReadOnlyList<DemoName> Second { get; private set; } = [];
    public IReadOnlyList<DemoName> FemaleSecond { get; private set; } = [];

    public string? Urdu(string latin) => _urdu.GetValueOrDefault(latin);

    /// <summary>Other Latin spellings of the same name, the name itself excluded, in a stable order.</summary>
    public IReadOnlyList<string> Variants(string latin) =>
        _variants.TryGetValue(latin, out var list) ? list : [];

    private static DemoNames Load()
    {
        var names = new DemoNames();
        var female = new List<DemoName>();
        var male = new List<DemoName>();
        var second = new List<DemoName>();
        var femaleSecond = new List<DemoName>();

        foreach (var fields in Rows("pk-names-handwritten.tsv", '\t'))
        {
            var (kind, latin, urdu) = (fields[0], fields[1], fields[2]);
            var name = new DemoName(latin, urdu, 1);
            var pool = kind switch
            {
                "F" => female,
                "M" => male,
                "S" => second,
                "SF" => femaleSecond,
                _ => throw new InvalidOperationException($"Unknown name kind '{kind}' in pk-names-handwritten.tsv."),
            };
            pool.Add(name);
            names._urdu.TryAdd(latin, urdu);
            if (fields.Length > 3)
            {
                names.AddVariants([latin, .. fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
            }
        }

        // The published PK list: header first, gender in column 10, romanized name in column 12.
        foreach (var fields in Rows("pk-forenames.csv", ',').Skip(1))
        {
            var latin = fields[11];
            var pool = fields[9] == "F" ? female : male;
            var index = pool.FindIndex(n => string.Equals(n.Latin, latin, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                pool[index] = pool[index] with { Weight = PublishedWeight };
            }
            else
            {
                pool.Add(new DemoName(latin, names.Urdu(latin), PublishedWeight));
            }
        }

        foreach (var fields in Rows("name-variants-wikidata.tsv", '\t'))
        {
            names.AddVariants(fields[1].Split(',').Select(Capitalise));
        }

        names.Female = female;
        names.Male = male;
        names.Second = second;
        names.FemaleSecond = femaleSecond;
        return names;
    }

    private void AddVariants(IEnumerable<string> group)
    {
        var spellings = group.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var spelling in spellings)
        {
            if (!_variants.TryGetValue(spelling, out var list))
            {
                list = [];
                _variants[spelling] = list;
            }
            foreach (var other in spellings.Where(o => !string.Equals(o, spelling, StringComparison.OrdinalIgnoreCase)))
            {
                if (!list.Contains(other, StringComparer.OrdinalIgnoreCase))
                {
                    list.Add(other);
                }
            }
        }
    }

    private static string Capitalise(string token) => token.Length == 0 ? token : char.ToUpperInvariant(token[0]) + token[1..];

    private static List<string[]> Rows(string file, char separator)
    {
        using var stream = typeof(DemoNames).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The name file '{file}' is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                rows.Add(line.Split(separator));
            }
        }
        return rows;
    }
}
