using Lantern.Core.Features.Watchlists;

namespace Lantern.Core.Tests.Features.Watchlists;

/// <summary>
/// Seeded random names for the completeness and re-screening tests: Latin spellings and their variants, Arabic-script
/// names, joined names written together or apart (Abdul Rehman / Abdurrehman / Abd al-Rahman), initials, slips and
/// honorifics, drawn from small pools so that many pairs share tokens and many reach the thresholds.
/// </summary>
internal static class ScreeningSamples
{
    private static readonly string[] Given =
    [
        "Muhammad Imran", "Imran", "Kamran", "Zubair", "Zia ul Haq", "Ziaulhaq", "Zia-ul-Haq", "Asad", "Mehmood", "Ali", "Fatima", "Rukhsana",
        "Yousaf", "Yusuf", "M.", "Khalid", "Tanveer", "Tanvir", "Shahzad", "Shehzad", "Abdul Rehman", "Abdurrehman", "Abd al-Rahman",
        "Abdulrahman", "Abdur Rehman", "Fazal ur Rehman", "Fazalur Rehman", "Abeer", "Akbar", "Owais", "Awais", "Naila", "Saleem", "Salim",
    ];

    private static readonly string[] Family =
    [
        "Khan", "Butt", "Qureshi", "Qureshy", "Al-Hashimi", "Hashmi", "Malik", "Cheema", "Mehmood", "Akhtar", "Akhter", "Akhtr", "Bibi",
        "Ahmed", "Ahmad", "Niazi", "Hussain", "Husain", "Awan", "Safi", "Kakar",
    ];

    private static readonly string[] ArabicGiven = ["محمد عمران", "زبير", "خالد", "یوسف", "فاطمه", "عمران", "اسد", "عبد الرحمن", "عبدالرحمن", "ضياء الحق", "اکبر", "ابیر", "اويس"];

    private static readonly string[] ArabicFamily = ["خان", "قريشي", "الهاشمي", "بٹ", "بيبي", "نيازي", "محمود", "حسین", "اعوان", "کاکڑ"];

    private static readonly string[] Dates = ["1970-08-17", "17/08/1970", "1970", "1971-03-02", "02/03/1971", "1985-11-30", "1990-01-05", "05/01/1990"];

    private static readonly string[] Nationalities = ["PK", "AF", "BD", "IN"];

    public static string Name(Random random)
    {
        if (random.Next(5) == 0)
        {
            return $"{ArabicGiven[random.Next(ArabicGiven.Length)]} {(random.Next(3) == 0 ? ArabicGiven[random.Next(ArabicGiven.Length)] + " " : "")}{ArabicFamily[random.Next(ArabicFamily.Length)]}";
        }
        return $"{(random.Next(6) == 0 ? "Haji " : "")}{Given[random.Next(Given.Length)]} {(random.Next(3) == 0 ? Given[random.Next(Given.Length)] + " " : "")}{Family[random.Next(Family.Length)]}";
    }

    public static List<WatchlistEntry> Entries(int seed, int count)
    {
        var random = new Random(seed);
        var entries = new List<WatchlistEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var names = new List<string> { Name(random) };
            for (var a = random.Next(3); a > 0; a--)
            {
                names.Add(Name(random));
            }
            entries.Add(new WatchlistEntry(
                $"W{i}",
                names,
                random.Next(3) == 0 ? Dates[random.Next(Dates.Length)] : null,
                random.Next(3) == 0 ? Nationalities[random.Next(Nationalities.Length)] : null,
                random.Next(20) == 0 ? $"35202-12345{i % 100:00}-1" : null));
        }
        return entries;
    }

    public static List<ScreeningSubject> Subjects(int seed, int count)
    {
        var random = new Random(seed);
        var subjects = new List<ScreeningSubject>(count);
        for (var i = 0; i < count; i++)
        {
            subjects.Add(new ScreeningSubject(
                $"S{i}",
                Name(random),
                random.Next(4) == 0 ? Dates[random.Next(Dates.Length)] : null,
                random.Next(4) == 0 ? Nationalities[random.Next(Nationalities.Length)] : null,
                random.Next(20) == 0 ? $"3520212345{i % 100:00}1" : null));
        }
        return subjects;
    }
}
