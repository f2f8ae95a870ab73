using System.Globalization;
using System.Text.Json;

namespace Lantern.Core.Tests.Features.Duplicates;

/// <summary>One person of a test case, as the lantern-case/1 document writes it.</summary>
internal sealed record TestPerson(string First, string? Second, string? Birth = null, string? Cnic = null, string? Phone = null, string? City = null,
    string? Middle = null, string Role = "suspect", string? Gender = "Masculine", string? Alias = null);

/// <summary>Test-data builders for the duplicates queue: case documents with named people, and a crowd of distinct people.</summary>
internal static class DuplicateBuilders
{
    private static readonly string[] Given = ["Imran", "Tariq", "Bilal", "Kamran", "Shahid", "Naveed", "Asif", "Faisal", "Zubair", "Waqas", "Usman", "Hamza", "Saad", "Junaid", "Adnan", "Rashid", "Sajid", "Khalid", "Nadeem", "Irfan"];
    private static readonly string[] Family = ["Qureshi", "Chaudhry", "Malik", "Sheikh", "Rana", "Abbasi", "Mirza", "Gill", "Bhatti", "Awan", "Janjua", "Khattak", "Durrani", "Siddiqui", "Ansari"];
    private static readonly string[] Cities = ["Lahore", "Karachi", "Islamabad", "Faisalabad", "Multan", "Peshawar", "Quetta", "Sialkot"];

    /// <summary>Distinct people (different names, birth dates, CNICs and phones), so linkage has a population to learn from.</summary>
    public static IEnumerable<TestPerson> Crowd(int count, int seed)
    {
        for (var i = 0; i < count; i++)
        {
            var n = (seed * 7919) + i;
            var first = Given[n % Given.Length];
            var second = Family[(n / Given.Length) % Family.Length];
            var birth = new DateOnly(1960 + (n % 40), 1 + (n % 12), 1 + (n % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var cnic = $"{(10000 + (n * 37 % 89999)):00000}-{(1000000 + (n * 7919 % 8999999)):0000000}-{n % 10}";
            var phone = $"+92300{(1000000 + (n * 104729 % 8999999)):0000000}";
            yield return new TestPerson(first, second, birth, cnic, phone, Cities[n % Cities.Length]);
        }
    }

    public static string CaseJson(string reference, IEnumerable<TestPerson> persons)
    {
        var list = persons.Select((p, i) =>
        {
            var d = new Dictionary<string, object?>
            {
                ["key"] = "p" + i,
                ["role"] = p.Role,
                ["prs_FirstName"] = p.First,
                ["prs_MiddleName"] = p.Middle,
                ["prs_SecondName"] = p.Second,
                ["prs_Birthdate"] = p.Birth,
                ["prs_Gender"] = p.Gender,
                ["prs_MobilePhone"] = p.Phone,
                ["prs_MailingCity"] = p.City,
            };
            if (p.Cnic is not null)
            {
                d["identityDocuments"] = new[] { new Dictionary<string, string> { ["type"] = "CNIC", ["number"] = p.Cnic } };
            }
            if (p.Alias is not null)
            {
                d["aliases"] = new[] { p.Alias };
            }
            return d.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
        }).ToList();
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["format"] = "lantern-case/1",
            ["case"] = new Dictionary<string, string> { ["reference"] = reference, ["cas_Status"] = "Active", ["summary"] = "Recruitment for work abroad." },
            ["persons"] = list,
        });
    }
}
