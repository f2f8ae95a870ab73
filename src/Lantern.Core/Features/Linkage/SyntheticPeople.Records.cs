using System.Globalization;
using System.Text;

namespace Lantern.Core.Features.Linkage;

/// <summary>
/// One record of a person: the person's values as a clerk wrote them (own formats, own gaps), then for a duplicate
/// the given number of corruptions, each one of the ways records of one person differ in practice.
/// </summary>
public static partial class SyntheticPeople
{
    private enum Corruption
    {
        NameSpelling,
        NameShortened,
        Honorific,
        NameSlip,
        NamesSwapped,
        ArabicScript,
        WholeNameInGiven,
        YearOnly,
        DayMonthSwapped,
        DateSlip,
        CnicSlip,
        CnicFormat,
        NewPhone,
        PhoneSlip,
        PhoneFormat,
        Moved,
        AddressAbbreviated,
        PlaceSpelling,
        Missing,
        PassportSlip,
    }

    /// <summary>Relative frequencies of the corruptions (same order as <see cref="Corruption"/>).</summary>
    private static readonly int[] CorruptionWeights = [20, 7, 4, 10, 3, 3, 2, 5, 5, 4, 6, 4, 5, 4, 4, 5, 5, 4, 12, 2];

    private static readonly int CorruptionTotal = CorruptionWeights.Sum();

    private static string?[] Record(Person person, Pools pools, Random random, int corruptions)
    {
        var v = new string?[FieldCount];
        v[Given] = person.Given;
        v[Family] = random.NextDouble() < 0.05 ? null : person.Family;
        var birth = random.NextDouble();
        v[Birth] = birth < 0.08 ? null : birth < 0.14 ? person.Birth.Year.ToString(CultureInfo.InvariantCulture) : person.Birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        v[Sex] = random.NextDouble() < 0.03 ? null : person.Male ? "M" : "F";
        v[Address] = random.NextDouble() < 0.12 ? null : person.Address;
        v[Locality] = random.NextDouble() < 0.04 ? null : person.Home.City;
        v[Region] = random.NextDouble() < 0.10 ? null : person.Home.Region;
        v[Postcode] = random.NextDouble() < 0.55 || person.Postcode.Length == 0 ? null : person.Postcode;
        v[Phone] = random.NextDouble() < 0.20 ? null : FormatPhone(person.Phone, person.Home.Country, random);
        v[NationalId] = person.NationalId;
        v[Passport] = person.Passport;

        for (var applied = 0; applied < corruptions;)
        {
            if (Corrupt(v, person, pools, random, Draw(random)))
            {
                applied++;
            }
        }
        return v;
    }

    private static Corruption Draw(Random random)
    {
        var x = random.Next(CorruptionTotal);
        for (var i = 0; i < CorruptionWeights.Length; i++)
        {
            x -= CorruptionWeights[i];
            if (x < 0)
            {
                return (Corruption)i;
            }
        }
        return Corruption.Missing;
    }

    /// <summary>Applies one corruption; false when it does not apply to this record (then another is drawn).</summary>
    private static bool Corrupt(string?[] v, Person person, Pools pools, Random random, Corruption corruption)
    {
        switch (corruption)
        {
            case Corruption.NameSpelling:
                return OtherSpelling(v, pools, random);
            case Corruption.NameShortened:
                return Shorten(v, random);
            case Corruption.Honorific:
                v[Given] = Pick<string>(person.Male ? ["Haji", "Syed", "Mr", "Malik"] : ["Mst", "Mrs", "Syeda"], random) + " " + v[Given];
                return true;
            case Corruption.NameSlip:
                {
                    var f = v[Family] is not null && random.Next(2) == 0 ? Family : Given;
                    return Slip(v, f, random, letters: true);
                }
            case Corruption.NamesSwapped when v[Family] is not null:
                (v[Given], v[Family]) = (v[Family], v[Given]);
                return true;
            case Corruption.ArabicScript:
                return InArabicScript(v, pools, random);
            case Corruption.WholeNameInGiven when v[Family] is not null:
                v[Given] = v[Given] + " " + v[Family];
                v[Family] = null;
                return true;
            case Corruption.YearOnly when v[Birth] is { Length: 10 }:
                v[Birth] = person.Birth.Year.ToString(CultureInfo.InvariantCulture);
                return true;
            case Corruption.DayMonthSwapped when v[Birth] is { Length: 10 } && person.Birth.Day <= 12 && person.Birth.Day != person.Birth.Month:
                v[Birth] = FormattableString.Invariant($"{person.Birth.Year:0000}-{person.Birth.Day:00}-{person.Birth.Month:00}");
                return true;
            case Corruption.DateSlip when v[Birth] is { Length: 10 }:
                {
                    var slipped = random.Next(3) switch
                    {
                        0 => person.Birth.AddYears(random.Next(2) == 0 ? -1 : 1),
                        1 => person.Birth.AddDays(random.Next(2) == 0 ? -1 : 1),
                        _ => person.Birth.AddMonths(random.Next(2) == 0 ? -1 : 1),
                    };
                    v[Birth] = random.Next(3) == 0 ? slipped.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : slipped.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return true;
                }
            case Corruption.CnicSlip when v[NationalId] is not null:
                return Slip(v, NationalId, random, letters: false);
            case Corruption.CnicFormat when v[NationalId] is { } id && id.Contains('-', StringComparison.Ordinal):
                v[NationalId] = id.Replace("-", "", StringComparison.Ordinal);
                return true;
            case Corruption.NewPhone:
                v[Phone] = FormatPhone(PhoneIn(person.Home.Country, random), person.Home.Country, random);
                return true;
            case Corruption.PhoneSlip when v[Phone] is not null:
                return Slip(v, Phone, random, letters: false);
            case Corruption.PhoneFormat when v[Phone] is not null:
                v[Phone] = FormatPhone(person.Phone, person.Home.Country, random);
                return true;
            case Corruption.Moved:
                {
                    var place = random.Next(2) == 0 ? person.Home : HomeOf(person.Origin, pools, random);
                    v[Address] = AddressIn(place, random);
                    v[Locality] = place.City;
                    v[Region] = place.Region;
                    v[Postcode] = place.Postcode == 0 || random.Next(2) == 0 ? null : PostcodeIn(place, random);
                    return true;
                }
            case Corruption.AddressAbbreviated when v[Address] is { } address:
                v[Address] = Abbreviate(address, random);
                return v[Address] != address;
            case Corruption.PlaceSpelling:
                return OtherPlaceSpelling(v, pools, random);
            case Corruption.Missing:
                {
                    var f = 1 + random.Next(FieldCount - 1);
                    if (v[f] is null)
                    {
                        return false;
                    }
                    v[f] = null;
                    return true;
                }
            case Corruption.PassportSlip when v[Passport] is not null:
                return Slip(v, Passport, random, letters: false);
            default:
                return false;
        }
    }

    /// <summary>Muhammad → Mohd, Hussain → Husain, Al-Harbi → Alharbi, Habibullah → Habib Ullah.</summary>
    private static bool OtherSpelling(string?[] v, Pools pools, Random random)
    {
        var f = v[Family] is not null && random.Next(2) == 0 ? Family : Given;
        var tokens = v[f]!.Split(' ');
        var candidates = Enumerable.Range(0, tokens.Length).Where(i => Respellable(tokens[i], pools)).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }
        var t = candidates[random.Next(candidates.Count)];
        var token = tokens[t];
        if (pools.Spellings.TryGetValue(token.ToLowerInvariant(), out var group))
        {
            var other = group[random.Next(group.Length)];
            if (string.Equals(other, token, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            tokens[t] = other;
        }
        else if (token.StartsWith("Al-", StringComparison.Ordinal))
        {
            var rest = token[3..];
            tokens[t] = random.Next(3) switch
            {
                0 => "Al " + rest,
                1 => "Al" + rest.ToLowerInvariant(),
                _ => rest,
            };
        }
        else
        {
            var stem = token[..^"ullah".Length];
            tokens[t] = random.Next(2) == 0 ? stem + " Ullah" : stem + "ulla";
        }
        v[f] = string.Join(' ', tokens);
        return true;
    }

    private static bool Respellable(string token, Pools pools) =>
        pools.Spellings.ContainsKey(token.ToLowerInvariant())
        || (token.StartsWith("Al-", StringComparison.Ordinal) && token.Length > 4)
        || (token.EndsWith("ullah", StringComparison.Ordinal) && token.Length > 7);

    /// <summary>Muhammad Aslam → M. Aslam, Md Aslam or Aslam; Abdul Rehman → Rehman.</summary>
    private static bool Shorten(string?[] v, Random random)
    {
        var tokens = v[Given]!.Split(' ');
        if (tokens.Length < 2)
        {
            return false;
        }
        var first = tokens[0].ToLowerInvariant();
        if (first is "muhammad" or "mohammad" or "mohammed" or "md" or "mohd")
        {
            tokens[0] = Pick(["M.", "Mohd", "Md.", "Muhd", "M", ""], random);
        }
        else
        {
            tokens[random.Next(tokens.Length)] = random.Next(2) == 0 ? "" : tokens[0][..1] + ".";
        }
        var shortened = string.Join(' ', tokens.Where(t => t.Length > 0));
        if (shortened.Length == 0 || shortened == v[Given])
        {
            return false;
        }
        v[Given] = shortened;
        return true;
    }

    /// <summary>The given or family name written in Arabic script (as Urdu, Pashto or Arabic records have it).</summary>
    private static bool InArabicScript(string?[] v, Pools pools, Random random)
    {
        var f = v[Family] is not null && random.Next(2) == 0 ? Family : Given;
        var tokens = v[f]!.Split(' ');
        var arabic = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!pools.ArabicForms.TryGetValue(tokens[i].ToLowerInvariant(), out var form))
            {
                return false;
            }
            arabic[i] = form;
        }
        v[f] = string.Join(' ', arabic);
        return true;
    }

    /// <summary>A typing slip: a character replaced, dropped, doubled, or two neighbours swapped.</summary>
    private static bool Slip(string?[] v, int field, Random random, bool letters)
    {
        var value = v[field]!;
        var positions = Enumerable.Range(0, value.Length).Where(i => letters ? char.IsAsciiLetter(value[i]) : char.IsAsciiDigit(value[i])).ToList();
        if (positions.Count < 2)
        {
            return false;
        }
        var p = positions[random.Next(positions.Count)];
        var text = new StringBuilder(value);
        switch (random.Next(4))
        {
            case 0:
                var c = letters ? (char)((char.IsUpper(value[p]) ? 'A' : 'a') + random.Next(26)) : (char)('0' + random.Next(10));
                text[p] = c;
                break;
            case 1 when letters:
                text.Remove(p, 1);
                break;
            case 2 when letters:
                text.Insert(p, value[p]);
                break;
            default:
                var q = positions.IndexOf(p) + 1 < positions.Count ? positions[positions.IndexOf(p) + 1] : positions[positions.IndexOf(p) - 1];
                (text[p], text[q]) = (text[q], text[p]);
                break;
        }
        var slipped = text.ToString();
        if (slipped == value)
        {
            return false;
        }
        v[field] = slipped;
        return true;
    }

    private static string Abbreviate(string address, Random random)
    {
        var result = address;
        result = random.Next(3) switch
        {
            0 => result.Replace("House ", "H.No ", StringComparison.Ordinal),
            1 => result.Replace("House ", "H# ", StringComparison.Ordinal),
            _ => result.Replace("House ", "House No. ", StringComparison.Ordinal),
        };
        result = result.Replace("Street ", random.Next(2) == 0 ? "St " : "St. ", StringComparison.Ordinal)
            .Replace("Mohalla ", random.Next(2) == 0 ? "Mohallah " : "Mohala ", StringComparison.Ordinal)
            .Replace("Colony", "Col.", StringComparison.Ordinal)
            .Replace("Block ", "Blk ", StringComparison.Ordinal);
        if (random.Next(3) == 0)
        {
            result = result.Replace(",", "", StringComparison.Ordinal);
        }
        if (random.Next(4) == 0)
        {
            result = result.ToLowerInvariant();
        }
        return result;
    }

    /// <summary>Lahore → LHR, Faisalabad → Lyallpur, Khyber Pakhtunkhwa → KPK.</summary>
    private static bool OtherPlaceSpelling(string?[] v, Pools pools, Random random)
    {
        var f = random.Next(2) == 0 ? Locality : Region;
        if (v[f] is not { } place || !pools.PlaceSpellings.TryGetValue(place.ToLowerInvariant(), out var others) || others.Length == 0)
        {
            return false;
        }
        var other = others[random.Next(others.Length)];
        v[f] = other.Length <= 4 ? other.ToUpperInvariant() : string.Join(' ', other.Split(' ').Select(Capitalise));
        return true;
    }

    /// <summary>A phone number written one of the ways clerks write it: 0300-1234567, 03001234567, +92 300 1234567.</summary>
    private static string FormatPhone(string national, string country, Random random)
    {
        var code = CountryCallingCodes[country];
        var rest = national[1..];
        return random.Next(5) switch
        {
            0 or 1 => country == "pk" ? national[..4] + "-" + national[4..] : national,
            2 => national,
            3 => "+" + code + " " + rest[..3] + " " + rest[3..],
            _ => code + rest,
        };
    }
}
