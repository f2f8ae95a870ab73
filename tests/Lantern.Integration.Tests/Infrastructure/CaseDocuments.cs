namespace Lantern.Integration.Tests.Infrastructure;

/// <summary>Builds lantern-case/1 documents for tests.</summary>
public static class CaseDocuments
{
    public static string Victim(string reference, string firstName = "Zainab", string secondName = "Bibi", string cnic = "35102-7654321-4", string phone = "+923001234567") => $$"""
        {
          "format": "lantern-case/1",
          "case": { "reference": "{{reference}}", "cas_Status": "Active", "openedOn": "2026-03-14", "summary": "Girl recruited in Kasur for domestic work in Lahore." },
          "persons": [
            { "key": "p1", "role": "victim", "prs_FirstName": "{{firstName}}", "prs_SecondName": "{{secondName}}", "aliases": ["Zenab"],
              "prs_Birthdate": "2010-05", "prs_Gender": "Feminine", "prs_Citizenship": ["PK"],
              "identityDocuments": [{ "type": "BForm", "number": "{{cnic}}", "issuingCountry": "PK" }],
              "prs_MobilePhone": "{{phone}}", "vic_TraffickingStatus": "PossibleVictimOfTrafficking", "vic_AgeWhenTrafficked": 15,
              "vic_TypeOfExploitation": ["ForcedLabour", "ChildLabour"], "vic_ForcedLabourIndustry": "T_ActivitiesOfHouseholdsAsEmployers",
              "vic_MethodsOfControl": ["WithholdsDocuments", "TakesEarnings"], "vic_RelationshipToTrafficker": "Acquainted" },
            { "key": "p2", "role": "suspect", "prs_FirstName": "Muhammad", "prs_SecondName": "Aslam", "aliases": ["Mohd Aslam", "Aslam Butt"],
              "prs_Gender": "Masculine", "prs_Citizenship": ["PK"], "identityDocuments": [{ "type": "CNIC", "number": "35202-1234567-9", "issuingCountry": "PK" }],
              "prs_MobilePhone": "+923214567890", "per_RoleInProcess": ["RecruiterOrIntermediary"] }
          ],
          "events": [
            { "hte_Type": "Recruitment", "hte_Date": "2025-11-02", "hte_Country": "PK", "hte_State": "Punjab", "hte_City": "Kasur", "persons": ["p1", "p2"] },
            { "hte_Type": "Exploitation", "hte_Date": "2025-12", "hte_Country": "PK", "hte_State": "Punjab", "hte_City": "Lahore", "persons": ["p1"] }
          ]
        }
        """;
}
