using Lantern.Core.Common;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Demo;

/// <summary>Victims by sex and age when trafficked, the four groups GLOTIP reports.</summary>
internal enum VictimGroup { Woman, Girl, Man, Boy }

/// <summary>The kinds of case the demo data set tells, each a pattern documented in reporting on Pakistan.</summary>
internal enum Scenario
{
    BrickKiln, FarmBondage, PowerLooms, FishingBoats, Construction, DomesticServitude, GulfDomesticWork, GulfLabour,
    EuropeOverland, EuropeViaLibya, SexualExploitation, SexualExploitationGulf, ForcedMarriage, ForcedMarriageAbroad,
    ForcedBegging, ForcedBeggingAbroad, OrganRemoval, ForcedCriminality,
}

/// <summary>A demo organisation. <see cref="Share"/> is its share of the cases.</summary>
internal sealed record DemoOrganisation(string Code, string Name, OrganisationType Type, string City, string ReferencePrefix, StatusDecisionMaker DecidedBy, double Share);

internal sealed record DemoAccountSpec(string Username, Role Role, string OrganisationCode);

/// <summary>A demo account once created: cases can be assigned to it and notes carry its name.</summary>
internal sealed record DemoOfficer(string Username, Role Role, string OrganisationCode, UserId Id);

/// <summary>One suspect's part in a scenario. Networked parts are played by recurring people in some cases.</summary>
internal sealed record SuspectPart(string Label, RoleInProcess[] Roles, double Presence, double FemaleShare, bool Networked = false, bool Abroad = false);

/// <summary>
/// How a scenario is distributed and what it looks like. Weights are by organisation (LHR, KHI, FSD, ISB) and
/// by victim group (woman, girl, man, boy); a case's scenario is drawn from their product.
/// </summary>
internal sealed record ScenarioProfile(
    Scenario Scenario,
    double[] OrganisationWeights,
    double[] GroupWeights,
    ExploitationForm[] Forms,
    ForcedLabourIndustry? Industry,
    MethodOfControl[] Controls,
    double[] Relationships,
    int LagMinMonths,
    int LagMaxMonths,
    double NotAVictimShare,
    SuspectPart[] Suspects);

internal static class DemoCatalogue
{
    /// <summary>
    /// Shares of detected victims: 39% women, 18% girls, 30% men, 13% boys.
    /// Source: UNODC GLOTIP 2024, secondary sources, unverified.
    /// </summary>
    public static readonly double[] GlotipShares = [0.39, 0.18, 0.30, 0.13];

    public static readonly IReadOnlyList<DemoOrganisation> Organisations =
    [
        new("LHR", "FIA AHTC Lahore", OrganisationType.LawEnforcement, "Lahore", "AHTC-LHR", StatusDecisionMaker.Police, 0.35),
        new("KHI", "FIA AHTC Karachi", OrganisationType.LawEnforcement, "Karachi", "AHTC-KHI", StatusDecisionMaker.Police, 0.30),
        new("FSD", "Punjab Labour Department, Faisalabad", OrganisationType.LocalGovernmentOrganisation, "Faisalabad", "PLD-FSD", StatusDecisionMaker.NonPoliceGovernmentalOrganization, 0.15),
        new("ISB", "Aman Shelter Islamabad", OrganisationType.NGO, "Islamabad", "ASI-ISB", StatusDecisionMaker.NGO, 0.20),
    ];

    public static readonly IReadOnlyList<DemoAccountSpec> Accounts =
    [
        new("demo.admin.lhr", Role.Administrator, "LHR"),
        new("demo.investigator.lhr", Role.Investigator, "LHR"),
        new("demo.prosecutor.lhr", Role.Prosecutor, "LHR"),
        new("demo.admin.khi", Role.Administrator, "KHI"),
        new("demo.investigator.khi", Role.Investigator, "KHI"),
        new("demo.inspector.fsd", Role.LabourInspector, "FSD"),
        new("demo.caseworker.isb", Role.Caseworker, "ISB"),
        new("demo.analyst", Role.Analyst, "LHR"),
        new("demo.auditor", Role.Auditor, "LHR"),
        new("demo.screener.lhr", Role.ScreeningOfficer, "LHR"),
    ];

    /// <summary>Cases opened per year; 2026 runs to <see cref="DemoSeeder.LastDay"/>.</summary>
    public static readonly IReadOnlyDictionary<int, int> CasesPerYear = new Dictionary<int, int>
    {
        [2021] = 290,
        [2022] = 330,
        [2023] = 365,
        [2024] = 395,
        [2025] = 420,
        [2026] = 380,
    };

    private static readonly RoleInProcess[] Recruiter = [RoleInProcess.RecruiterOrIntermediary];
    private static readonly RoleInProcess[] Broker = [RoleInProcess.BrokerTravelAgent, RoleInProcess.RecruiterOrIntermediary];
    private static readonly RoleInProcess[] Exploiter = [RoleInProcess.Exploiter];
    private static readonly RoleInProcess[] Smuggler = [RoleInProcess.Smuggler, RoleInProcess.Transporter];

    public static readonly IReadOnlyList<ScenarioProfile> Profiles =
    [
        new(Scenario.BrickKiln, [2, 0.3, 6, 1], [1, 1, 1.2, 1.2],
            [ExploitationForm.BondedLabour], ForcedLabourIndustry.C_Manufacturing,
            [MethodOfControl.DebtBondage, MethodOfControl.RestrictsMovement, MethodOfControl.TakesEarnings, MethodOfControl.ExcessiveWorkingHours, MethodOfControl.PhysicalThreats, MethodOfControl.ThreatensChildrenFamily, MethodOfControl.WithholdsNecessities],
            [0.05, 0.85, 0.10], 6, 60, 0.05,
            [new("Kiln owner", Exploiter, 1, 0.05), new("Jamadar (labour contractor)", [RoleInProcess.RecruiterOrIntermediary, RoleInProcess.Transporter], 0.8, 0), new("Munshi (kiln clerk)", [RoleInProcess.Other], 0.3, 0)]),
        new(Scenario.FarmBondage, [0.3, 1.5, 1.5, 0.3], [1, 0.8, 1.2, 0.8],
            [ExploitationForm.BondedLabour, ExploitationForm.ForcedLabour], ForcedLabourIndustry.A_AgricultureForestryAndFishing,
            [MethodOfControl.DebtBondage, MethodOfControl.RestrictsMovement, MethodOfControl.TakesEarnings, MethodOfControl.PhysicalAbuse, MethodOfControl.ThreatensChildrenFamily, MethodOfControl.ThreatsLawEnforcement],
            [0.05, 0.8, 0.15], 12, 72, 0.05,
            [new("Landlord (zamindar)", Exploiter, 1, 0.05), new("Kamdar (farm manager)", [RoleInProcess.Exploiter, RoleInProcess.RecruiterOrIntermediary], 0.6, 0)]),
        new(Scenario.PowerLooms, [0.2, 0, 2, 0], [0.3, 0.6, 0.6, 1.5],
            [ExploitationForm.ForcedLabour], ForcedLabourIndustry.C_Manufacturing,
            [MethodOfControl.DebtBondage, MethodOfControl.ExcessiveWorkingHours, MethodOfControl.TakesEarnings, MethodOfControl.PhysicalAbuse, MethodOfControl.RestrictsMovement],
            [0.1, 0.7, 0.2], 3, 36, 0.1,
            [new("Power-loom unit owner", Exploiter, 1, 0.05), new("Contractor", Recruiter, 0.6, 0)]),
        new(Scenario.FishingBoats, [0, 1.5, 0, 0], [0, 0, 0.8, 1.2],
            [ExploitationForm.ForcedLabour], ForcedLabourIndustry.A_AgricultureForestryAndFishing,
            [MethodOfControl.DebtBondage, MethodOfControl.ExcessiveWorkingHours, MethodOfControl.PhysicalAbuse, MethodOfControl.WithholdsNecessities, MethodOfControl.RestrictsMovement],
            [0.1, 0.6, 0.3], 2, 24, 0.1,
            [new("Boat owner", Exploiter, 1, 0), new("Crew contractor", Recruiter, 0.7, 0)]),
        new(Scenario.Construction, [0.6, 0.8, 0.8, 0.3], [0, 0, 1.5, 0.6],
            [ExploitationForm.ForcedLabour], ForcedLabourIndustry.F_Construction,
            [MethodOfControl.TakesEarnings, MethodOfControl.DebtBondage, MethodOfControl.ExcessiveWorkingHours, MethodOfControl.WithholdsDocuments, MethodOfControl.PhysicalThreats],
            [0.05, 0.6, 0.35], 2, 18, 0.15,
            [new("Contractor (thekedar)", [RoleInProcess.Exploiter, RoleInProcess.RecruiterOrIntermediary], 1, 0), new("Sub-contractor", Recruiter, 0.5, 0)]),
        new(Scenario.DomesticServitude, [1.5, 1.5, 0.8, 3], [1.2, 3, 0.1, 0.8],
            [ExploitationForm.Servitude], ForcedLabourIndustry.T_ActivitiesOfHouseholdsAsEmployers,
            [MethodOfControl.PhysicalAbuse, MethodOfControl.RestrictsMovement, MethodOfControl.TakesEarnings, MethodOfControl.WithholdsNecessities, MethodOfControl.PsychologicalAbuse, MethodOfControl.ExcessiveWorkingHours, MethodOfControl.ThreatensChildrenFamily],
            [0.15, 0.55, 0.30], 2, 30, 0.05,
            [new("Employer (household)", [RoleInProcess.Exploiter, RoleInProcess.Abuser], 1, 0.6), new("Placement agent", [RoleInProcess.RecruiterOrIntermediary, RoleInProcess.Transporter], 0.7, 0.3, Networked: true)]),
        new(Scenario.GulfDomesticWork, [1, 1.5, 0, 1], [2, 0.1, 0, 0],
            [ExploitationForm.Servitude, ExploitationForm.ForcedLabour], ForcedLabourIndustry.T_ActivitiesOfHouseholdsAsEmployers,
            [MethodOfControl.WithholdsDocuments, MethodOfControl.TakesEarnings, MethodOfControl.RestrictsMovement, MethodOfControl.FalsePromises, MethodOfControl.ExcessiveWorkingHours, MethodOfControl.PhysicalAbuse, MethodOfControl.SexualAbuse],
            [0.05, 0.35, 0.60], 3, 30, 0.1,
            [new("Recruitment agent", Broker, 1, 0.2, Networked: true), new("Sponsor (kafeel)", Exploiter, 0.7, 0.4, Abroad: true)]),
        new(Scenario.GulfLabour, [2, 2, 0, 0.3], [0, 0, 2.5, 0.2],
            [ExploitationForm.ForcedLabour], ForcedLabourIndustry.F_Construction,
            [MethodOfControl.DebtBondage, MethodOfControl.WithholdsDocuments, MethodOfControl.FalsePromises, MethodOfControl.TakesEarnings, MethodOfControl.ExcessiveWorkingHours, MethodOfControl.RestrictsMovement, MethodOfControl.ThreatsLawEnforcement],
            [0.05, 0.4, 0.55], 3, 36, 0.2,
            [new("Visa agent", Broker, 1, 0.05, Networked: true), new("Sub-agent", Recruiter, 0.6, 0), new("Camp supervisor", Exploiter, 0.4, 0, Abroad: true)]),
        new(Scenario.EuropeOverland, [3, 1, 0, 0.2], [0, 0, 2, 1],
            [ExploitationForm.ForcedLabour], ForcedLabourIndustry.A_AgricultureForestryAndFishing,
            [MethodOfControl.DebtBondage, MethodOfControl.FalsePromises, MethodOfControl.PhysicalAbuse, MethodOfControl.ThreatensChildrenFamily, MethodOfControl.WithholdsDocuments, MethodOfControl.WithholdsNecessities],
            [0.1, 0.6, 0.3], 2, 20, 0.3,
            [new("Local agent", Broker, 1, 0, Networked: true), new("Border smuggler", Smuggler, 0.8, 0, Networked: true), new("Agent in Turkey", [RoleInProcess.Smuggler, RoleInProcess.Exploiter], 0.4, 0, Abroad: true)]),
        new(Scenario.EuropeViaLibya, [2.5, 1, 0, 0.1], [0, 0, 2, 0.6],
            [ExploitationForm.ForcedLabour], null,
            [MethodOfControl.DebtBondage, MethodOfControl.FalsePromises, MethodOfControl.PhysicalAbuse, MethodOfControl.ThreatensChildrenFamily, MethodOfControl.WithholdsNecessities, MethodOfControl.RestrictsMovement],
            [0.1, 0.6, 0.3], 2, 18, 0.3,
            [new("Travel agent", Broker, 1, 0, Networked: true), new("Facilitator in Libya", [RoleInProcess.Smuggler, RoleInProcess.Exploiter, RoleInProcess.Kidnapper], 0.8, 0, Networked: true, Abroad: true)]),
        new(Scenario.SexualExploitation, [1.5, 1.5, 0, 2], [3, 2.5, 0.05, 0.2],
            [ExploitationForm.SexualExploitation], null,
            [MethodOfControl.FalsePromises, MethodOfControl.PhysicalAbuse, MethodOfControl.SexualAbuse, MethodOfControl.PsychoactiveSubstance, MethodOfControl.TakesEarnings, MethodOfControl.ThreatsLawEnforcement, MethodOfControl.RestrictsMovement, MethodOfControl.PsychologicalAbuse],
            [0.2, 0.45, 0.35], 1, 24, 0.05,
            [new("Brothel operator", [RoleInProcess.Exploiter, RoleInProcess.HarbouredIndividual], 1, 0.4, Networked: true), new("Recruiter", Recruiter, 0.7, 0.3), new("Driver", [RoleInProcess.Transporter], 0.3, 0)]),
        new(Scenario.SexualExploitationGulf, [0.8, 1.2, 0, 0.8], [2, 0.3, 0, 0],
            [ExploitationForm.SexualExploitation], null,
            [MethodOfControl.FalsePromises, MethodOfControl.WithholdsDocuments, MethodOfControl.SexualAbuse, MethodOfControl.RestrictsMovement, MethodOfControl.TakesEarnings, MethodOfControl.ThreatensChildrenFamily],
            [0.1, 0.5, 0.4], 2, 24, 0.05,
            [new("Recruiter", Broker, 1, 0.4, Networked: true), new("Exploiter abroad", Exploiter, 0.6, 0.3, Abroad: true)]),
        new(Scenario.ForcedMarriage, [1, 0.7, 0, 2], [1.5, 2.5, 0, 0],
            [ExploitationForm.ForcedMarriage], null,
            [MethodOfControl.ThreatensChildrenFamily, MethodOfControl.PhysicalThreats, MethodOfControl.PsychologicalAbuse, MethodOfControl.RestrictsMovement, MethodOfControl.SexualAbuse, MethodOfControl.PhysicalAbuse],
            [0.8, 0.15, 0.05], 1, 24, 0.05,
            [new("Relative who arranged the marriage", [RoleInProcess.SoldIndividual], 1, 0.3), new("Husband", [RoleInProcess.BoughtIndividual, RoleInProcess.Abuser], 0.8, 0), new("Marriage broker", Broker, 0.3, 0.3)]),
        new(Scenario.ForcedMarriageAbroad, [0.7, 0.3, 0, 0.5], [1, 0.8, 0, 0],
            [ExploitationForm.ForcedMarriage], null,
            [MethodOfControl.FalsePromises, MethodOfControl.WithholdsDocuments, MethodOfControl.RestrictsMovement, MethodOfControl.SexualAbuse, MethodOfControl.PsychologicalAbuse],
            [0.3, 0.3, 0.4], 1, 18, 0.1,
            [new("Marriage broker", Broker, 1, 0.3, Networked: true), new("Foreign husband", [RoleInProcess.Abuser, RoleInProcess.BoughtIndividual], 0.7, 0, Abroad: true)]),
        new(Scenario.ForcedBegging, [1, 1.5, 0, 1.5], [0.6, 1.5, 0.4, 2],
            [ExploitationForm.ForcedBegging], null,
            [MethodOfControl.TakesEarnings, MethodOfControl.PhysicalAbuse, MethodOfControl.RestrictsMovement, MethodOfControl.WithholdsNecessities, MethodOfControl.UsesChildren, MethodOfControl.PhysicalThreats],
            [0.35, 0.45, 0.20], 1, 24, 0.05,
            [new("Begging-ring leader", [RoleInProcess.Exploiter, RoleInProcess.Abuser], 1, 0.3, Networked: true), new("Recruiter", [RoleInProcess.RecruiterOrIntermediary, RoleInProcess.Transporter], 0.6, 0.3)]),
        new(Scenario.ForcedBeggingAbroad, [0.7, 1.5, 0, 0.5], [0.8, 0.6, 0.6, 0.8],
            [ExploitationForm.ForcedBegging], null,
            [MethodOfControl.FalsePromises, MethodOfControl.TakesEarnings, MethodOfControl.WithholdsDocuments, MethodOfControl.RestrictsMovement, MethodOfControl.UsesChildren],
            [0.3, 0.5, 0.2], 1, 12, 0.2,
            [new("Pilgrimage-visa agent", Broker, 1, 0.1, Networked: true), new("Handler abroad", Exploiter, 0.6, 0.2, Abroad: true)]),
        new(Scenario.OrganRemoval, [1.2, 0.3, 0, 0.8], [0.4, 0, 1, 0],
            [ExploitationForm.OrganRemoval], null,
            [MethodOfControl.FalsePromises, MethodOfControl.DebtBondage, MethodOfControl.RestrictsMedicalCare, MethodOfControl.PsychologicalAbuse, MethodOfControl.RestrictsMovement],
            [0.05, 0.5, 0.45], 1, 18, 0.05,
            [new("Tout", [RoleInProcess.RecruiterOrIntermediary, RoleInProcess.Transporter], 1, 0.1, Networked: true), new("Surgeon", Exploiter, 0.7, 0, Networked: true), new("Clinic manager", [RoleInProcess.Other], 0.3, 0.2)]),
        new(Scenario.ForcedCriminality, [0.8, 1.5, 0, 0.6], [0.3, 0.2, 0.8, 1.5],
            [ExploitationForm.ForcedCriminality], null,
            [MethodOfControl.PhysicalThreats, MethodOfControl.PsychoactiveSubstance, MethodOfControl.ThreatensChildrenFamily, MethodOfControl.DebtBondage, MethodOfControl.ThreatsLawEnforcement],
            [0.1, 0.6, 0.3], 1, 24, 0.15,
            [new("Gang leader", Exploiter, 1, 0.1, Networked: true), new("Recruiter", Recruiter, 0.6, 0.1)]),
    ];
}
