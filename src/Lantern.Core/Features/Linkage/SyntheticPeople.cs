using System.Globalization;
using System.Text;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Linkage;

/// <summary>What <c>lantern generate people</c> writes: how many records, which share are duplicates, and the seed.</summary>
public sealed record SyntheticPeopleSettings(int Count, double DuplicatesRate, int Seed);

/// <summary>What was written: records, distinct persons among them, and duplicate records (records minus persons).</summary>
public sealed record SyntheticPeopleSummary(int Records, int Persons, int Duplicates);

/// <summary>
/// Synthetic South Asian and Middle Eastern person records for measuring record linkage: Pakistani, Afghan,
/// Bangladeshi and Arab persons with the names, places, CNIC, passport and phone numbers of their countries, and
/// duplicates that differ the way records of one person differ across FIRs, complaints and shelter files (spelling
/// variants such as Muhammad / Mohd / Md, abbreviations, honorifics, Arabic script, typing slips, partial dates or day
/// and month swapped, mistyped CNICs, new phones, moves, missing fields). Deterministic for a seed; streamed, so the
/// memory used does not grow with the count. Columns are named so that <c>lantern link</c> maps them without
/// <c>--map</c>; the truth (record id, person id) goes to a separate writer and never into the records.
/// </summary>
public static partial class SyntheticPeople
{
    public const int MaxCount = 100_000_000;
    public const double MaxDuplicatesRate = 0.9;

    /// <summary>Records wait in a shuffle window before they are written, so duplicates do not follow their original.</summary>
    private const int ShuffleWindow = 4096;

    public static readonly IReadOnlyList<string> Columns =
        ["id", "given_name", "family_name", "birth_date", "sex", "address", "locality", "region", "postcode", "phone", "national_id", "passport"];

    // value positions of a record (Columns without id)
    private const int Given = 0, Family = 1, Birth = 2, Sex = 3, Address = 4, Locality = 5, Region = 6, Postcode = 7, Phone = 8, NationalId = 9, Passport = 10;
    private const int FieldCount = 11;

    /// <summary>Refuses a count or rate out of range, naming the option.</summary>
    public static void Validate(SyntheticPeopleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count is < 1 or > MaxCount)
        {
            throw new ValidationException("--count", $"must be between 1 and {MaxCount:N0}.");
        }
        if (double.IsNaN(settings.DuplicatesRate) || settings.DuplicatesRate is < 0 or > MaxDuplicatesRate)
        {
            throw new ValidationException("--duplicates-rate", $"must be between 0 and {MaxDuplicatesRate.ToString(CultureInfo.InvariantCulture)}.");
        }

    }

    /// <summary>
    /// Writes <see cref="SyntheticPeopleSettings.Count"/> records (header first) to <paramref name="records"/> and,
    /// when given, <c>id,person_id</c> lines to <paramref name="truth"/>. Of the records, round(count × rate) are
    /// duplicates of another record's person. <paramref name="progress"/> hears every 100,000 records.
    /// </summary>
    public static SyntheticPeopleSummary Write(SyntheticPeopleSettings settings, TextWriter records, TextWriter? truth, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(records);
        Validate(settings);

        var pools = BundledPools.Value;
        var random = new Random(settings.Seed);
        var duplicates = (int)Math.Round(settings.Count * settings.DuplicatesRate);
        var persons = settings.Count - duplicates;
        var width = Math.Max(7, settings.Count.ToString(CultureInfo.InvariantCulture).Length);
        var window = new List<(int Person, string?[] Values)>(ShuffleWindow + 8);
        var written = 0;
        var line = new StringBuilder(256);

        records.Write(string.Join(',', Columns));
        records.Write('\n');
        truth?.Write("id,person_id\n");

        void Emit((int Person, string?[] Values) row)
        {
            written++;
            var id = "R" + written.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            line.Clear().Append(id);
            foreach (var value in row.Values)
            {
                line.Append(',');
                AppendCsv(line, value);
            }
            line.Append('\n');
            records.Write(line);
            truth?.Write(id + ",P" + (row.Person + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') + "\n");
            if (written % 100_000 == 0)
            {
                progress?.Invoke($"{written:N0} of {settings.Count:N0} records");
            }
        }

        void Add((int Person, string?[] Values) row)
        {
            window.Add(row);
            if (window.Count > ShuffleWindow)
            {
                var i = random.Next(window.Count);
                Emit(window[i]);
                window[i] = window[^1];
                window.RemoveAt(window.Count - 1);
            }
        }

        var duplicatesLeft = duplicates;
        for (var p = 0; p < persons; p++)
        {
            var person = NewPerson(pools, random);
            Add((p, Record(person, pools, random, corruptions: 0)));
            var k = DuplicatesOf(random, duplicatesLeft, persons - p);
            duplicatesLeft -= k;
            for (var d = 0; d < k; d++)
            {
                Add((p, Record(person, pools, random, corruptions: Corruptions(random))));
            }
        }
        while (window.Count > 0)
        {
            var i = random.Next(window.Count);
            Emit(window[i]);
            window[i] = window[^1];
            window.RemoveAt(window.Count - 1);
        }
        return new SyntheticPeopleSummary(written, persons, duplicates);
    }

    /// <summary>
    /// How many duplicates the next person gets so that exactly <paramref name="left"/> are spread over
    /// <paramref name="personsLeft"/>: at low rates most persons have none and some have 1-3; at high rates every
    /// person has about the mean.
    /// </summary>
    private static int DuplicatesOf(Random random, int left, int personsLeft)
    {
        if (left <= 0)
        {
            return 0;
        }
        if (personsLeft == 1)
        {
            return left;
        }
        var mean = (double)left / personsLeft;
        int k;
        if (mean <= 1.4)
        {
            if (random.NextDouble() >= mean / 1.4)
            {
                return 0;
            }
            var x = random.NextDouble();
            k = x < 0.7 ? 1 : x < 0.9 ? 2 : 3;
        }
        else
        {
            k = (int)mean + (random.NextDouble() < mean - (int)mean ? 1 : 0);
        }
        return Math.Min(k, left);
    }

    private static int Corruptions(Random random) => random.NextDouble() switch
    {
        < 0.30 => 1,
        < 0.65 => 2,
        < 0.90 => 3,
        _ => 4,
    };

    /// <summary>One person as they are: every record of them is drawn from this, with its own gaps and slips.</summary>
    private sealed class Person
    {
        public required Origin Origin { get; init; }
        public required bool Male { get; init; }
        public required string Given { get; init; }
        public required string Family { get; init; }
        public required DateOnly Birth { get; init; }
        public required Place Home { get; init; }
        public required string Address { get; init; }
        public required string Postcode { get; init; }
        public required string Phone { get; init; }
        public string? NationalId { get; init; }
        public string? Passport { get; init; }
    }

    private static Person NewPerson(Pools pools, Random random)
    {
        var x = random.NextDouble();
        var origin = x < 0.72 ? Origin.Pakistan : x < 0.82 ? Origin.Afghanistan : x < 0.92 ? Origin.Bangladesh : Origin.MiddleEast;
        var male = random.NextDouble() < 0.6;
        var given = pools.Names[(origin, male ? "male" : "female")].Draw(random);
        if (male && !given.Contains(' ', StringComparison.Ordinal))
        {
            // the Prophet's name before a man's own, as most Pakistani and many Bangladeshi records write it
            var prefix = (origin, random.NextDouble()) switch
            {
                (Origin.Pakistan, < 0.35) => "Muhammad ",
                (Origin.Afghanistan, < 0.12) => "Mohammad ",
                (Origin.Bangladesh, < 0.25) => "Mohammad ",
                (Origin.Bangladesh, < 0.40) => "Md ",
                (Origin.MiddleEast, < 0.08) => "Mohammed ",
                _ => "",
            };
            given = prefix + given;
        }
        else if (!male && origin == Origin.Pakistan && random.NextDouble() < 0.1)
        {
            given += random.Next(2) == 0 ? " Bibi" : " Begum";
        }
        var family = pools.Names[(origin, "family")].Draw(random);
        var home = HomeOf(origin, pools, random);
        var birth = new DateOnly(1958 + random.Next(54), 1, 1).AddDays(random.Next(365));
        var id = NationalIdOf(origin, home, male, birth, random);
        return new Person
        {
            Origin = origin,
            Male = male,
            Given = given,
            Family = family,
            Birth = birth,
            Home = home,
            Address = AddressIn(home, random),
            Postcode = PostcodeIn(home, random),
            Phone = PhoneIn(home.Country, random),
            NationalId = id,
            Passport = random.NextDouble() < (origin == Origin.MiddleEast ? 0.5 : 0.3) ? PassportOf(origin, random) : null,
        };
    }

    private static Place HomeOf(Origin origin, Pools pools, Random random)
    {
        // Afghans and Bangladeshis in these records live mostly in Pakistan (refugees, migrants); Arabs in the Gulf
        var inPakistan = origin switch
        {
            Origin.Pakistan => true,
            Origin.Afghanistan => random.NextDouble() < 0.7,
            Origin.Bangladesh => random.NextDouble() < 0.5,
            Origin.MiddleEast => false,
        };
        var country = origin switch
        {
            _ when inPakistan => "pk",
            Origin.Afghanistan => "af",
            Origin.Bangladesh => "bd",
            _ => null,
        };
        while (true)
        {
            var x = random.NextDouble() * pools.PlaceCumulative[^1];
            var i = Array.BinarySearch(pools.PlaceCumulative, x);
            var place = Places[Math.Min(i < 0 ? ~i : i, Places.Length - 1)];
            if (country is null ? place.Country is not ("pk" or "af" or "bd") : place.Country == country)
            {
                // refugees concentrate in Peshawar, Quetta and Karachi
                if (origin == Origin.Afghanistan && inPakistan && place.City is not ("Peshawar" or "Quetta" or "Karachi") && random.NextDouble() < 0.7)
                {
                    continue;
                }
                return place;
            }
        }
    }

    private static string AddressIn(Place place, Random random)
    {
        var n = 1 + random.Next(random.NextDouble() < 0.8 ? 200 : 2000);
        return place.Country switch
        {
            "pk" => random.Next(5) switch
            {
                0 => $"House {n}, Street {1 + random.Next(40)}, {Pick(PakistaniAreas, random)}",
                1 => $"House {n}, Block {(char)('A' + random.Next(12))}, {Pick(PakistaniAreas, random)}",
                2 => $"Mohalla {Pick(PakistaniAreas, random)}, Gali {1 + random.Next(25)}, House {n}",
                3 => $"Chak {1 + random.Next(600)}/{Pick(["GB", "RB", "JB", "WB"], random)}, Tehsil {place.City}",
                _ => $"Flat {n}, {Pick(["Al-Noor", "Madina", "Al-Rehman", "Pak", "Faisal", "Rimpa"], random)} Plaza, {Pick(PakistaniAreas, random)}",
            },
            "bd" => $"House {n}, Road {1 + random.Next(30)}, {Pick(BangladeshiAreas, random)}",
            "af" => $"House {n}, Street {1 + random.Next(20)}, {Pick(AfghanAreas, random)}",
            _ => $"Building {n}, Street {1 + random.Next(60)}, {Pick(GulfAreas, random)}",
        };
    }

    private static string PostcodeIn(Place place, Random random) => place.Postcode switch
    {
        0 => "",
        < 10000 => (place.Postcode + random.Next(30)).ToString(CultureInfo.InvariantCulture),
        _ => (place.Postcode + 10 * random.Next(40)).ToString("00000", CultureInfo.InvariantCulture),
    };

    /// <summary>A mobile number as its national digits (leading 0, no country code).</summary>
    private static string PhoneIn(string country, Random random) => country switch
    {
        "pk" => "03" + Pick(["00", "01", "02", "03", "05", "06", "08", "09", "12", "13", "15", "21", "22", "23", "33", "34", "35", "36", "45", "46"], random) + Digits(random, 7),
        "bd" => "01" + Pick(["7", "8", "9", "6", "5", "3"], random) + Digits(random, 8),
        "af" => "07" + Pick(["0", "2", "3", "8", "9"], random) + Digits(random, 7),
        _ => "05" + Digits(random, 8),
    };

    private static string? NationalIdOf(Origin origin, Place home, bool male, DateOnly birth, Random random)
    {
        switch (origin)
        {
            case Origin.Pakistan when random.NextDouble() < 0.85:
                // CNIC: the first digit is the province of issue; the last is odd for men and even for women
                var province = home.Region switch
                {
                    "Khyber Pakhtunkhwa" => '1',
                    "Punjab" => '3',
                    "Sindh" => '4',
                    "Balochistan" => '5',
                    "Islamabad Capital Territory" => '6',
                    "Gilgit Baltistan" => '7',
                    _ => '8',
                };
                var last = random.Next(5) * 2 + (male ? 1 : 0);
                return $"{province}{Digits(random, 4)}-{Digits(random, 7)}-{last}";
            case Origin.Afghanistan when random.NextDouble() < 0.3:
                return $"{1390 + random.Next(14)}-{Digits(random, 4)}-{Digits(random, 5)}";
            case Origin.Bangladesh when random.NextDouble() < 0.4:
                return Digits(random, 10);
            case Origin.MiddleEast when random.NextDouble() < 0.4:
                return home.Country == "ae" ? $"784-{birth.Year}-{Digits(random, 7)}-{random.Next(10)}" : Digits(random, 10);
            default:
                return null;
        }
    }

    private static string PassportOf(Origin origin, Random random) => origin switch
    {
        Origin.Pakistan => $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{Digits(random, 7)}",
        Origin.Afghanistan => "P" + Digits(random, 8),
        Origin.Bangladesh => $"{Pick(["A", "B", "E", "EB"], random)}{Digits(random, 7)}",
        Origin.MiddleEast => $"{(char)('A' + random.Next(26))}{Digits(random, 8)}",
    };

    private static string Digits(Random random, int count)
    {
        Span<char> digits = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }
        return new string(digits);
    }

    private static T Pick<T>(T[] values, Random random) => values[random.Next(values.Length)];

    private static void AppendCsv(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            line.Append(value);
            return;
        }
        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
