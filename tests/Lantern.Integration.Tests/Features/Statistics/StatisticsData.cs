using System.Globalization;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Statistics;

/// <summary>
/// The fixed data set of the statistics front-door tests. 2025, organisation A: six adult women (PK, forced labour)
/// and one boy of 15 (AF, bonded labour) in one case, with a suspect; organisation B: one girl of 12 (PK, sexual exploitation).
/// Operator (all organisations): women 6, men 0, girls 1, boys 1, unknown 0. Organisation A only: women 6, boys 1.
/// </summary>
internal static class StatisticsData
{
    public const string WomanName = "Rubina";

    public static async Task SeedAsync(LanternServer server, string organisationA = LanternServer.OrganisationA, string organisationB = LanternServer.OrganisationB)
    {
        string[] names = [WomanName, "Sadia", "Farzana", "Kiran", "Nasreen", "Shabana"];
        var women = string.Join(",\n", Enumerable.Range(1, 6).Select(i => $$"""
            { "key": "w{{i}}", "role": "victim", "prs_FirstName": "{{names[i - 1]}}", "prs_SecondName": "Bibi", "prs_Gender": "Feminine", "prs_Citizenship": ["PK"],
              "vic_AgeWhenTrafficked": {{(20 + i).ToString(CultureInfo.InvariantCulture)}}, "vic_TypeOfExploitation": ["ForcedLabour"] }
            """));
        await server.ImportAsync($$"""
            { "format": "lantern-case/1", "case": { "reference": "GLO-A-2025-1", "cas_Status": "Active", "openedOn": "2025-04-02" },
              "persons": [ {{women}},
                { "key": "b", "role": "victim", "prs_FirstName": "Hamid", "prs_SecondName": "Khan", "prs_Gender": "Masculine", "prs_Citizenship": ["AF"],
                  "vic_AgeWhenTrafficked": 15, "vic_TypeOfExploitation": ["BondedLabour"] },
                { "key": "s", "role": "suspect", "prs_FirstName": "Javed", "prs_SecondName": "Iqbal", "prs_Gender": "Masculine", "prs_Citizenship": ["PK"] } ],
              "events": [ { "hte_Type": "Exploitation", "hte_Date": "2025-01", "hte_Country": "PK", "hte_State": "Punjab", "hte_City": "Kasur" } ] }
            """, organisationA);
        await server.ImportAsync("""
            { "format": "lantern-case/1", "case": { "reference": "GLO-B-2025-1", "cas_Status": "Active", "openedOn": "2025-06-10" },
              "persons": [ { "key": "g", "role": "victim", "prs_FirstName": "Saima", "prs_SecondName": "Noor", "prs_Gender": "Feminine", "prs_Citizenship": ["PK"],
                             "vic_AgeWhenTrafficked": 12, "vic_TypeOfExploitation": ["SexualExploitation"] } ] }
            """, organisationB);
    }
}
