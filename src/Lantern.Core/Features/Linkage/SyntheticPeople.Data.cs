using System.Text;

namespace Lantern.Core.Features.Linkage;

/// <summary>
/// The pools <see cref="SyntheticPeople"/> draws from: names per origin (<c>Reference/people-names.tsv</c>), spelling
/// groups (<c>name-variants-south-asia.tsv</c>), Arabic-script forms (<c>name-variants.tsv</c>), other spellings of
/// places (<c>place-variants.tsv</c>), and the places, areas and number formats below. Read once, never changed.
/// </summary>
public static partial class SyntheticPeople
{
    private const string ResourcePrefix = "Lantern.Core.Features.Linkage.Reference.";

    private enum Origin
    {
        Pakistan,
        Afghanistan,
        Bangladesh,
        MiddleEast,
    }

    /// <summary>A place people live in: city, region, country (ISO 3166 alpha-2, lower case), postcode base, weight.</summary>
    private sealed record Place(string City, string Region, string Country, int Postcode, int Weight);

    private static readonly Place[] Places =
    [
        new("Karachi", "Sindh", "pk", 74000, 160), new("Lahore", "Punjab", "pk", 54000, 110), new("Faisalabad", "Punjab", "pk", 38000, 35),
        new("Rawalpindi", "Punjab", "pk", 46000, 25), new("Gujranwala", "Punjab", "pk", 52250, 22), new("Peshawar", "Khyber Pakhtunkhwa", "pk", 25000, 25),
        new("Multan", "Punjab", "pk", 60000, 20), new("Hyderabad", "Sindh", "pk", 71000, 18), new("Islamabad", "Islamabad Capital Territory", "pk", 44000, 12),
        new("Quetta", "Balochistan", "pk", 87300, 12), new("Sialkot", "Punjab", "pk", 51310, 9), new("Bahawalpur", "Punjab", "pk", 63100, 8),
        new("Sargodha", "Punjab", "pk", 40100, 8), new("Sheikhupura", "Punjab", "pk", 39350, 6), new("Rahim Yar Khan", "Punjab", "pk", 64200, 5),
        new("Sahiwal", "Punjab", "pk", 57000, 5), new("Dera Ghazi Khan", "Punjab", "pk", 32200, 5), new("Gujrat", "Punjab", "pk", 50700, 5),
        new("Kasur", "Punjab", "pk", 55050, 5), new("Okara", "Punjab", "pk", 56300, 4), new("Mandi Bahauddin", "Punjab", "pk", 50400, 4),
        new("Jhelum", "Punjab", "pk", 49600, 3), new("Muzaffargarh", "Punjab", "pk", 34200, 4), new("Toba Tek Singh", "Punjab", "pk", 36050, 3),
        new("Nankana Sahib", "Punjab", "pk", 39100, 2), new("Mardan", "Khyber Pakhtunkhwa", "pk", 23200, 5), new("Swat", "Khyber Pakhtunkhwa", "pk", 19130, 4),
        new("Abbottabad", "Khyber Pakhtunkhwa", "pk", 22010, 3), new("Dera Ismail Khan", "Khyber Pakhtunkhwa", "pk", 29050, 3), new("Larkana", "Sindh", "pk", 77150, 4),
        new("Sukkur", "Sindh", "pk", 65200, 4), new("Nawabshah", "Sindh", "pk", 67450, 3), new("Turbat", "Balochistan", "pk", 92600, 2),
        new("Gwadar", "Balochistan", "pk", 91200, 1), new("Mirpur", "Azad Jammu and Kashmir", "pk", 10250, 3), new("Muzaffarabad", "Azad Jammu and Kashmir", "pk", 13100, 2),
        new("Gilgit", "Gilgit Baltistan", "pk", 15100, 1),
        new("Kabul", "Kabul", "af", 0, 20), new("Jalalabad", "Nangarhar", "af", 0, 6), new("Kandahar", "Kandahar", "af", 0, 6), new("Herat", "Herat", "af", 0, 5),
        new("Kunduz", "Kunduz", "af", 0, 2),
        new("Dhaka", "Dhaka", "bd", 1200, 20), new("Chattogram", "Chattogram", "bd", 4000, 7), new("Sylhet", "Sylhet", "bd", 3100, 4), new("Khulna", "Khulna", "bd", 9000, 3),
        new("Dubai", "Dubai", "ae", 0, 10), new("Sharjah", "Sharjah", "ae", 0, 4), new("Abu Dhabi", "Abu Dhabi", "ae", 0, 4), new("Riyadh", "Riyadh", "sa", 0, 8),
        new("Jeddah", "Makkah", "sa", 0, 6), new("Dammam", "Eastern Province", "sa", 0, 3), new("Doha", "Doha", "qa", 0, 4), new("Muscat", "Muscat", "om", 0, 3),
        new("Kuwait City", "Al Asimah", "kw", 0, 3), new("Baghdad", "Baghdad", "iq", 0, 5), new("Basra", "Basra", "iq", 0, 2), new("Amman", "Amman", "jo", 0, 3),
    ];

    private static readonly string[] PakistaniAreas =
    [
        "Gulberg", "Model Town", "Islampura", "Samanabad", "Shadman", "Johar Town", "Iqbal Town", "Gulshan-e-Iqbal", "Nazimabad", "Korangi",
        "Landhi", "Orangi Town", "Lyari", "Saddar", "Satellite Town", "Cantt", "Township", "Garden Town", "Faisal Town", "Madina Colony",
        "Ghulam Muhammad Abad", "Peoples Colony", "Hayatabad", "Sabzi Mandi", "Railway Colony", "Allama Iqbal Colony", "Muslim Town",
        "Civil Lines", "Shah Faisal Colony", "Baldia Town", "Mehmoodabad", "Qasimabad", "Latifabad", "Data Nagar", "Ichhra", "Baghbanpura",
        "Shahdara", "Mughalpura", "Green Town", "Wapda Town", "Tajpura", "Nishatabad", "Jinnah Colony", "Dhoke Hassu", "Kohati Bazar",
    ];

    private static readonly string[] BangladeshiAreas = ["Mirpur", "Dhanmondi", "Uttara", "Mohammadpur", "Badda", "Jatrabari", "Agrabad", "Zindabazar", "Sonadanga", "Kamrangirchar"];
    private static readonly string[] AfghanAreas = ["Karte Char", "Karte Se", "Khair Khana", "Shar-e-Naw", "Macroyan", "Dasht-e-Barchi", "Qala-e-Fatullah"];
    private static readonly string[] GulfAreas = ["Deira", "Al Nahda", "Al Qusais", "Al Olaya", "Al Malaz", "Al Rawdah", "Al Sadd", "Ruwi", "Hawalli", "Karrada", "Jabal Amman", "Al Balad"];

    private static readonly Dictionary<string, string> CountryCallingCodes = new(StringComparer.Ordinal)
    {
        ["pk"] = "92",
        ["af"] = "93",
        ["bd"] = "880",
        ["ae"] = "971",
        ["sa"] = "966",
        ["qa"] = "974",
        ["om"] = "968",
        ["kw"] = "965",
        ["iq"] = "964",
        ["jo"] = "962",
    };

    private static readonly Lazy<Pools> BundledPools = new(LoadPools);

    /// <summary>Names drawn most-common-first: the cumulative weights fall like a Zipf law, as real name counts do.</summary>
    private sealed class NamePool
    {
        private readonly string[] _names;
        private readonly double[] _cumulative;

        public NamePool(string[] names)
        {
            _names = names;
            _cumulative = new double[names.Length];
            var total = 0.0;
            for (var i = 0; i < names.Length; i++)
            {
                total += 1.0 / Math.Pow(i + 4, 0.9);
                _cumulative[i] = total;
            }
        }

        public string Draw(Random random)
        {
            var x = random.NextDouble() * _cumulative[^1];
            var i = Array.BinarySearch(_cumulative, x);
            return _names[Math.Min(i < 0 ? ~i : i, _names.Length - 1)];
        }
    }

    private sealed class Pools
    {
        public required Dictionary<(Origin, string), NamePool> Names { get; init; }

        /// <summary>Lower-case spelling → every spelling of its group (display forms, capitalised).</summary>
        public required Dictionary<string, string[]> Spellings { get; init; }

        /// <summary>Lower-case Latin token → its most frequent Arabic-script form.</summary>
        public required Dictionary<string, string> ArabicForms { get; init; }

        /// <summary>Lower-case place → its other spellings (abbreviations, former names).</summary>
        public required Dictionary<string, string[]> PlaceSpellings { get; init; }

        public required double[] PlaceCumulative { get; init; }
    }

    private static Pools LoadPools()
    {
        var names = new Dictionary<(Origin, string), NamePool>();
        foreach (var line in Lines("people-names.tsv"))
        {
            var parts = line.Split('\t');
            var origin = parts[0] switch
            {
                "pk" => Origin.Pakistan,
                "af" => Origin.Afghanistan,
                "bd" => Origin.Bangladesh,
                "me" => Origin.MiddleEast,
                _ => throw new InvalidOperationException($"people-names.tsv: unknown origin '{parts[0]}'."),
            };
            names[(origin, parts[1])] = new NamePool([.. parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => n.Replace('_', ' '))]);
        }

        var spellings = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in Lines("name-variants-south-asia.tsv"))
        {
            var group = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Capitalise).ToArray();
            foreach (var s in group)
            {
                spellings.TryAdd(s.ToLowerInvariant(), group);
            }
        }

        // the Arabic form under which a Latin spelling was seen most often (name-variants.tsv: latin, arabic, count)
        var arabic = new Dictionary<string, (string Form, int Count)>(StringComparer.Ordinal);
        foreach (var line in Lines("name-variants.tsv"))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && int.TryParse(parts[2], out var count) && (!arabic.TryGetValue(parts[0], out var seen) || seen.Count < count))
            {
                arabic[parts[0]] = (parts[1], count);
            }
        }

        var places = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in Lines("place-variants.tsv"))
        {
            var group = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            places[group[0]] = group[1..];
        }

        var cumulative = new double[Places.Length];
        var total = 0.0;
        for (var i = 0; i < Places.Length; i++)
        {
            total += Places[i].Weight;
            cumulative[i] = total;
        }
        return new Pools
        {
            Names = names,
            Spellings = spellings,
            ArabicForms = arabic.ToDictionary(a => a.Key, a => a.Value.Form, StringComparer.Ordinal),
            PlaceSpellings = places,
            PlaceCumulative = cumulative,
        };
    }

    private static string Capitalise(string word) =>
        word.Length == 0 ? word : string.Concat(word[..1].ToUpperInvariant(), word[1..]);

    private static IEnumerable<string> Lines(string file)
    {
        using var stream = typeof(SyntheticPeople).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The name reference {file} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.TrimEnd();
            }
        }
    }
}
