using System.Globalization;
using System.Text.Json;
using Lantern.Core.Features.Duplicates;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Duplicates;

/// <summary>One person of a test case, as the lantern-case/1 document writes it.</summary>
internal sealed record TestPerson(string First, string? Second, string? Birth = null, string? Cnic = null, string? Phone = null, string? City = null, string Role = "suspect");

/// <summary>
/// Possible duplicates on a test server: "Muhammad Aslam" in a case of organisation A and "Mohd Aslam" (CNIC mistyped)
/// in a case of organisation B, never shared (a cross-organisation hit); "Shahzad Masih" twice in A; "Nargis Akhtar"
/// twice in B. Each case carries a crowd of distinct people so that linkage has a population to learn from.
/// </summary>
internal sealed class DuplicateScenario
{
    public const string AslamCnic = "35202-1234567-1";
    public const string AslamPhone = "+923001234567";
    public const string AslamCase = "DUP-A-ASLAM";

    private static readonly string[] Given = ["Imran", "Tariq", "Bilal", "Kamran", "Shahid", "Naveed", "Asif", "Faisal", "Zubair", "Waqas", "Usman", "Hamza", "Saad", "Junaid", "Adnan", "Rashid", "Sajid", "Khalid", "Nadeem", "Irfan"];
    private static readonly string[] Family = ["Qureshi", "Chaudhry", "Malik", "Sheikh", "Rana", "Abbasi", "Mirza", "Gill", "Bhatti", "Awan", "Janjua", "Khattak", "Durrani", "Siddiqui", "Ansari"];

    public Guid CrossPair { get; private set; }
    public Guid PairInA { get; private set; }
    public Guid PairInB { get; private set; }
    public Guid AslamPersonId { get; private set; }
    public Guid MasihPersonId { get; private set; }

    public static async Task<DuplicateScenario> CreateAsync(LanternServer server)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await server.ImportAsync(CaseJson(AslamCase, [new("Muhammad", "Aslam", "1980-03-12", AslamCnic, AslamPhone, "Lahore"), new("Shahzad", "Masih", "1990-07-01", "35201-7654321-9", "+923217654321", "Kasur"), .. Crowd(25, 1)]));
        await server.ImportAsync(CaseJson("DUP-A-MASIH-" + tag, [new("Shahzad", "Masih", "1990-07-01", "35201-7654321-9", "+923217654321", "Kasur"), .. Crowd(20, 2)]));
        await server.ImportAsync(CaseJson("DUP-B-ASLAM-" + tag, [new("Mohd", "Aslam", "1980-03-12", "35202-1234576-1", "+923331112222", "Lahore"), new("Nargis", "Akhtar", "1994-02-10", null, "+923001112233", "Islamabad", "victim"), .. Crowd(25, 3)]), LanternServer.OrganisationB);
        await server.ImportAsync(CaseJson("DUP-B-NARGIS-" + tag, [new("Nargis", "Akhtar", "1994-02-10", null, "+923001112233", "Islamabad", "victim"), .. Crowd(20, 4)]), LanternServer.OrganisationB);
        var list = await server.AsOperatorAsync(async (sp, actor) =>
        {
            await sp.GetRequiredService<LinkDatabase.Handler>().Handle(actor, null, CancellationToken.None);
            return await sp.GetRequiredService<ListDuplicates.Handler>().Handle(actor, new ListDuplicates.Request("all", 500), CancellationToken.None);
        });
        DuplicatePairView Pair(string a, string b) => list.Pairs.Single(p => new[] { p.Left!.Name, p.Right!.Name }.Order().SequenceEqual(new[] { a, b }.Order()));
        var cross = Pair("Muhammad Aslam", "Mohd Aslam");
        var masih = Pair("Shahzad Masih", "Shahzad Masih");
        return new DuplicateScenario
        {
            CrossPair = cross.Id,
            PairInA = masih.Id,
            PairInB = Pair("Nargis Akhtar", "Nargis Akhtar").Id,
            AslamPersonId = cross.Left!.Name == "Muhammad Aslam" ? cross.Left.PersonId : cross.Right!.PersonId,
            MasihPersonId = masih.Left!.PersonId,
        };
    }

    private static IEnumerable<TestPerson> Crowd(int count, int seed)
    {
        for (var i = 0; i < count; i++)
        {
            var n = (seed * 7919) + i;
            var birth = new DateOnly(1960 + (n % 40), 1 + (n % 12), 1 + (n % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return new TestPerson(Given[n % Given.Length], Family[(n / Given.Length) % Family.Length], birth,
                $"{10000 + (n * 37 % 89999):00000}-{1000000 + (n * 7919 % 8999999):0000000}-{n % 10}", $"+92300{1000000 + (n * 104729 % 8999999):0000000}", "Multan");
        }
    }

    public static string CaseJson(string reference, IEnumerable<TestPerson> persons) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["format"] = "lantern-case/1",
        ["case"] = new Dictionary<string, string> { ["reference"] = reference, ["cas_Status"] = "Active", ["summary"] = "Recruitment for work abroad." },
        ["persons"] = persons.Select((p, i) =>
        {
            var d = new Dictionary<string, object?>
            {
                ["key"] = "p" + i,
                ["role"] = p.Role,
                ["prs_FirstName"] = p.First,
                ["prs_SecondName"] = p.Second,
                ["prs_Birthdate"] = p.Birth,
                ["prs_Gender"] = p.Role == "victim" ? "Feminine" : "Masculine",
                ["prs_MobilePhone"] = p.Phone,
                ["prs_MailingCity"] = p.City,
                ["identityDocuments"] = p.Cnic is null ? null : new[] { new Dictionary<string, string> { ["type"] = "CNIC", ["number"] = p.Cnic } },
            };
            return d.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
        }).ToList(),
    });
}
