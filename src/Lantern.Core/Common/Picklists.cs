namespace Lantern.Core.Common;

// HTCDS 2.0 value names (docs/reference/htcds_fields.md). Enum member names are the value names
// themselves so that the case document, the API and the database speak the same words.

public enum Gender { Feminine, Masculine, TransgenderFeminine, TransgenderMasculine, NonConforming, NonSpecifiedUnknown }

public enum CaseStatus { Active, FollowUp, Closed, ClosedReferred }

public enum CaseRole { Victim, Suspect, Witness, Complainant, Guardian, Other }

public enum TraffickingStatus { PossibleVictimOfTrafficking, ActualVictimOfTrafficking, NotAVictimOfTrafficking }

public enum StatusDecisionMaker { Police, NGO, CourtOrProsecution, NonPoliceGovernmentalOrganization, Other }

public enum RelationshipToTrafficker { Familial, Acquainted, Unaquainted }

/// <summary>HTCDS TypeOfExploitation plus two forms users need that HTCDS lacks: forced criminality (HTCDS issue #28) and bonded labour.</summary>
public enum ExploitationForm
{
    ForcedLabour, SexualExploitation, ChildLabour, ForcedMarriage, Servitude, ForcedMilitaryByNonStateActors,
    OrganRemoval, ForcedBegging, ForcedAdoption, Surrogacy, ForcedCriminality, BondedLabour, Other,
}

/// <summary>The HTCDS picklist reconciled with its definitions list: RestrictsMovement and UsesChildren are added.</summary>
public enum MethodOfControl
{
    PhysicalThreats, ThreatsLawEnforcement, ThreatensChildrenFamily, DebtBondage, FalsePromises, PhysicalAbuse,
    SexualAbuse, TakesEarnings, RestrictsFinancialAccess, RestrictsMedicalCare, WithholdsNecessities,
    PsychologicalAbuse, PsychoactiveSubstance, ExcessiveWorkingHours, WithholdsDocuments, RestrictsMovement,
    UsesChildren, Other,
}

/// <summary>ISIC Rev.4 sections, as HTCDS names them.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "HTCDS value names carry the ISIC section letter and an underscore.")]
public enum ForcedLabourIndustry
{
    A_AgricultureForestryAndFishing, B_MiningAndQuarrying, C_Manufacturing, D_ElectricityGasSteamAndAirConditioningSupply,
    E_WaterSupplySewerageWasteManagement, F_Construction, G_WholesaleAndRetailTradeRepairOfMotorVehicles,
    H_TransportationAndStorage, I_AccommodationAndFoodServiceActivities, J_InformationAndCommunication,
    K_FinancialAndInsuranceActivities, L_RealEstateActivities, M_ProfessionalScientificAndTechnicalActivities,
    N_AdministrativeAndSupportServiceActivities, O_PublicAdministrationAndDefence, P_Education,
    Q_HumanHealthAndSocialWorkActivities, R_ArtsEntertainmentAndRecreation, S_OtherServiceActivities,
    T_ActivitiesOfHouseholdsAsEmployers, U_ActivitiesOfExtraterritorialOrganizations,
}

public enum RoleInProcess
{
    TravellingPartner, Transporter, RecruiterOrIntermediary, BrokerTravelAgent, TransferredIndividual,
    HarbouredIndividual, SoldIndividual, BoughtIndividual, ReceivedIndividual, ControlledIndividual, Smuggler,
    Abuser, Kidnapper, Exploiter, Other,
}

public enum EventType { Recruitment, Transit, Exploitation }

public enum DocumentType { CNIC, NICOP, BForm, Passport, Other }

public enum OrganisationType
{
    NGO, LawEnforcement, HealthServiceOrganisation, CentralGovernmentOrganisation, LocalGovernmentOrganisation,
    ImmigrationService, LegalService, CorporateBusiness, SchoolOrCollege,
}

public static class Picklist
{
    /// <summary>Parses a picklist value by its exact HTCDS name; anything else is refused with the field named.</summary>
    public static T Parse<T>(string? value, string field) where T : struct, Enum
    {
        // Enum.TryParse also takes numbers and comma lists; only the plain value names are picklist values.
        if (value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal)
            && Enum.TryParse<T>(value, ignoreCase: false, out var parsed))
        {
            return parsed;
        }
        throw new ValidationException(field, $"'{Shorten(value)}' is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
    }

    public static IReadOnlyList<T> ParseMany<T>(IEnumerable<string>? values, string field) where T : struct, Enum =>
        values is null ? [] : values.Select((v, i) => Parse<T>(v, $"{field}[{i}]")).Distinct().ToList();

    /// <summary>Case-document role names are lower case (<c>victim</c>, <c>suspect</c>...).</summary>
    public static CaseRole ParseRole(string? value, string field) => value switch
    {
        "victim" => CaseRole.Victim,
        "suspect" => CaseRole.Suspect,
        "witness" => CaseRole.Witness,
        "complainant" => CaseRole.Complainant,
        "guardian" => CaseRole.Guardian,
        "other" => CaseRole.Other,
        _ => throw new ValidationException(field, $"'{Shorten(value)}' is not one of: victim, suspect, witness, complainant, guardian, other."),
    };

    public static string RoleName(CaseRole role) => role.ToString().ToLowerInvariant();

    private static string Shorten(string? s) => s is null ? "(none)" : s.Length > 40 ? s[..40] + "…" : s;
}
