using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Benchmarks;

/// <summary>
/// Deterministic synthetic lantern-case/1 documents for load: names from a small list of Pakistani names, each
/// stored in one of its usual Latin spellings, plus CNICs, phones and events. Not realistic case data; only its
/// shape and the spread of names matter here. The same seed gives the same documents and the same searches.
/// </summary>
internal sealed class SyntheticCases(int seed)
{
    // Each row holds the spellings of one name; searches pick any spelling, so they often differ from the stored one.
    private static readonly string[][] FemaleNames =
    [
        ["Zainab", "Zaineb", "Zenab"], ["Fatima", "Fatimah", "Fatema"], ["Ayesha", "Aisha", "Aysha"], ["Rukhsana", "Rukhsanah"],
        ["Shazia", "Shazea"], ["Nasreen", "Nasrin"], ["Parveen", "Perveen", "Parvin"], ["Saima", "Saeema"], ["Kausar", "Kosar"],
        ["Bushra", "Boshra"], ["Sumaira", "Sumera"], ["Nadia", "Nadiya"], ["Rabia", "Rabiya"], ["Samina", "Sameena"],
        ["Mehwish", "Mehwesh"], ["Shabana", "Shabbana"], ["Razia", "Raziya"], ["Naseem", "Nasim"], ["Sakina", "Sakeena"], ["Hina", "Heena"],
    ];

    private static readonly string[][] MaleNames =
    [
        ["Muhammad", "Mohammad", "Mohammed", "Muhammed"], ["Ahmed", "Ahmad"], ["Ali", "Aly"], ["Hussain", "Husain", "Hussein"],
        ["Aslam", "Aslum"], ["Imran", "Imraan"], ["Bilal", "Belal"], ["Tariq", "Tarik", "Tareq"], ["Usman", "Osman", "Uthman"],
        ["Shahid", "Shahed"], ["Asif", "Aasif"], ["Khalid", "Khaled"], ["Javed", "Javaid"], ["Rashid", "Rasheed"],
        ["Naveed", "Navid"], ["Zubair", "Zubayr"], ["Irfan", "Irfaan"], ["Waseem", "Wasim"], ["Nadeem", "Nadim"], ["Yousaf", "Yusuf", "Yousuf"],
    ];

    private static readonly string[][] FamilyNames =
    [
        ["Bibi"], ["Khan"], ["Butt", "Bhatt"], ["Malik"], ["Qureshi", "Kureshi"], ["Chaudhry", "Chaudhary", "Choudhry"],
        ["Akhtar", "Akhter"], ["Iqbal", "Ikbal"], ["Rehman", "Rahman"], ["Siddiqui", "Siddiqi"], ["Shah"], ["Baloch", "Baluch"],
        ["Awan"], ["Mughal", "Moghal"], ["Hussain", "Husain"], ["Ansari"], ["Rana"], ["Sheikh", "Shaikh"], ["Jatoi"], ["Abbasi"],
        ["Mirza"], ["Bhatti"], ["Gill"], ["Cheema", "Chima"], ["Khokhar"], ["Memon"], ["Soomro", "Sumro"], ["Lashari"], ["Niazi"], ["Afridi"],
    ];

    private static readonly (string City, string State)[] Places =
    [
        ("Lahore", "Punjab"), ("Kasur", "Punjab"), ("Faisalabad", "Punjab"), ("Multan", "Punjab"), ("Sialkot", "Punjab"),
        ("Gujranwala", "Punjab"), ("Rawalpindi", "Punjab"), ("Karachi", "Sindh"), ("Hyderabad", "Sindh"), ("Sukkur", "Sindh"),
        ("Quetta", "Balochistan"), ("Peshawar", "Khyber Pakhtunkhwa"), ("Mardan", "Khyber Pakhtunkhwa"), ("Islamabad", "Islamabad"),
    ];

    private static readonly string[] ExploitationForms = Enum.GetNames<ExploitationForm>().Where(f => f != nameof(ExploitationForm.Other)).ToArray();
    private static readonly string[] ControlMethods = Enum.GetNames<MethodOfControl>().Where(f => f != nameof(MethodOfControl.Other)).ToArray();
    private static readonly string[] Industries = Enum.GetNames<ForcedLabourIndustry>();
    private static readonly string[] SuspectRoles = Enum.GetNames<RoleInProcess>().Where(f => f != nameof(RoleInProcess.Other)).ToArray();
    private static readonly string[] Relationships = Enum.GetNames<RelationshipToTrafficker>();
    private static readonly string[] Statuses = [nameof(CaseStatus.Active), nameof(CaseStatus.Active), nameof(CaseStatus.FollowUp), nameof(CaseStatus.Closed)];

    /// <summary>Compact JSON with the document's own field names.</summary>
    public static readonly JsonSerializerOptions Json = new(CaseDocument.JsonOptions) { WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly Random _random = new(seed);

    public CaseDocument Next(string reference)
    {
        var persons = new List<PersonSection>();
        var victims = _random.Next(100) < 75 ? 1 : 2;
        for (var v = 0; v < victims; v++)
        {
            persons.Add(Victim("v" + v.ToString(CultureInfo.InvariantCulture)));
        }
        if (_random.Next(100) < 80)
        {
            persons.Add(Suspect("s0"));
        }
        if (_random.Next(100) < 20)
        {
            persons.Add(Person("w0", "witness", female: _random.Next(2) == 0, child: false));
        }
        var recruitment = Pick(Places);
        var exploitation = Pick(Places);
        var year = 2016 + _random.Next(10);
        var keys = persons.Select(p => p.Key!).ToList();
        return new CaseDocument
        {
            Format = CaseDocument.FormatName,
            Case = new CaseSection
            {
                Reference = reference,
                Status = Pick(Statuses),
                OpenedOn = new DateOnly(year, 1 + _random.Next(12), 1 + _random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Summary = $"Synthetic case: recruited in {recruitment.City}, exploited in {exploitation.City}.",
                ReasonForClosure = null,
            },
            Persons = persons,
            Events =
            [
                new EventSection { Type = "Recruitment", Date = $"{year - 1}-{1 + _random.Next(12):00}", Country = "PK", State = recruitment.State, City = recruitment.City, Persons = keys },
                new EventSection { Type = "Exploitation", Date = $"{year}", Country = "PK", State = exploitation.State, City = exploitation.City, Persons = keys.Where(k => k.StartsWith('v')).ToList() },
            ],
        };
    }

    public string NextJson(string reference) => JsonSerializer.Serialize(Next(reference), Json);

    /// <summary>A name search as a person types it: a first name, a family name, or both, in any usual spelling, sometimes mistyped.</summary>
    public string NextQuery()
    {
        var first = Spell(Pick(_random.Next(2) == 0 ? FemaleNames : MaleNames));
        var family = Spell(Pick(FamilyNames));
        return _random.Next(10) switch
        {
            < 5 => first + " " + family,
            < 8 => first,
            _ => family,
        };
    }

    private PersonSection Victim(string key)
    {
        var person = Person(key, "victim", female: _random.Next(100) < 70, child: _random.Next(100) < 40);
        var forms = Enumerable.Range(0, 1 + _random.Next(2)).Select(_ => Pick(ExploitationForms)).Distinct().ToList();
        var actual = _random.Next(100) < 30;
        return person with
        {
            TraffickingStatus = actual ? "ActualVictimOfTrafficking" : "PossibleVictimOfTrafficking",
            StatusDecisionMakingOrg = actual ? "Police" : null,
            StatusDecidedBy = actual ? "FIA AHTC" : null,
            AgeWhenTrafficked = 8 + _random.Next(30),
            TypeOfExploitation = forms,
            ForcedLabourIndustry = forms.Contains(nameof(ExploitationForm.ForcedLabour)) ? Pick(Industries) : null,
            MethodsOfControl = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(ControlMethods)).Distinct().ToList(),
            RelationshipToTrafficker = Pick(Relationships),
        };
    }

    private PersonSection Suspect(string key) => Person(key, "suspect", female: _random.Next(100) < 15, child: false) with
    {
        RoleInProcess = [Pick(SuspectRoles)],
    };

    private PersonSection Person(string key, string role, bool female, bool child)
    {
        var first = Pick(female ? FemaleNames : MaleNames);
        var family = Pick(FamilyNames);
        var born = child ? 2008 + _random.Next(10) : 1965 + _random.Next(40);
        return new PersonSection
        {
            Key = key,
            Role = role,
            FirstName = Pick(first),
            SecondName = Pick(family),
            Aliases = _random.Next(100) < 30 ? [Pick(first) + " " + Pick(Pick(FamilyNames))] : null,
            Birthdate = _random.Next(2) == 0 ? born.ToString(CultureInfo.InvariantCulture) : $"{born}-{1 + _random.Next(12):00}",
            Gender = female ? "Feminine" : "Masculine",
            Citizenship = ["PK"],
            IdentityDocuments = _random.Next(100) < 80
                ? [new IdentityDocumentSection { Type = child ? "BForm" : "CNIC", Number = Cnic(), IssuingCountry = "PK" }]
                : null,
            MobilePhone = _random.Next(100) < 70 ? "+923" + Digits(9) : null,
        };
    }

    private string Cnic() => $"{1 + _random.Next(7)}{Digits(4)}-{Digits(7)}-{_random.Next(10)}";

    private string Digits(int count)
    {
        Span<char> digits = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + _random.Next(10));
        }
        return new string(digits);
    }

    /// <summary>One spelling of a name; one time in four with a typing slip (a vowel changed or a consonant doubled).</summary>
    private string Spell(string[] spellings)
    {
        var name = Pick(spellings);
        if (_random.Next(4) != 0 || name.Length < 4)
        {
            return name;
        }
        var at = 1 + _random.Next(name.Length - 2);
        return "aeiou".Contains(name[at], StringComparison.Ordinal)
            ? string.Concat(name.AsSpan(0, at), "aeiou"[_random.Next(5)].ToString(), name.AsSpan(at + 1))
            : name.Insert(at, name[at].ToString());
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
