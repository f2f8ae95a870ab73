namespace Lantern.Core.Security;

public enum Role
{
    Administrator,
    Investigator,
    Prosecutor,
    Caseworker,
    LabourInspector,
    Analyst,
    Auditor,

    /// <summary>Screens names against watchlists (border posts, recruitment-licence offices, banks' compliance teams) and reviews the alerts; sees no cases.</summary>
    ScreeningOfficer,
}

/// <summary>
/// The one map from roles to permissions. Reading it answers "who may do what".
/// Analysts see aggregates only and never identities; auditors see the audit log only.
/// </summary>
public static class RolePermissions
{
    private static readonly string[] CaseWork =
    [
        Permissions.CasesRead, Permissions.CasesCreate, Permissions.CasesEdit, Permissions.CasesImport,
        Permissions.CasesExport, Permissions.NotesWrite, Permissions.PersonsRead, Permissions.TokensOwn,
        Permissions.ScreeningAssess, Permissions.VictimStatusDecide,
    ];

    // Referring victims to services and working the referrals an organisation receives. Referring without
    // consent (immediate risk to life) and keeping the service directory are the administrator's (the supervisor's).
    private static readonly string[] ReferralWork =
    [
        Permissions.ReferralsRead, Permissions.ReferralsWrite, Permissions.ReferralsReceive,
    ];

    // ---- Prosecution proceedings (docs/decisions/0009-prosecution-proceedings.md) ----
    // Investigators record the stages up to the challan, prosecutors the charges, trial, outcomes and witness protection;
    // both keep hearings. Caseworkers see only the hearing dates of their cases (to bring the victim to court);
    // analysts see aggregates through statistics.read; the administrator (the supervisor) does all and edits the deadline rules.
    private static readonly string[] InvestigationWork = [Permissions.ProsecutionRead, Permissions.ProsecutionWrite, Permissions.ProsecutionInvestigation, Permissions.HearingsRead];
    private static readonly string[] TrialWork = [Permissions.ProsecutionRead, Permissions.ProsecutionWrite, Permissions.ProsecutionTrial, Permissions.HearingsRead];
    private static readonly string[] ProsecutionSupervision = [.. InvestigationWork, Permissions.ProsecutionTrial, Permissions.DeadlinesManage];
    private static readonly string[] HearingDates = [Permissions.HearingsRead];
    // ---- end of prosecution proceedings ----

    // ---- Evidence register and intelligence (docs/decisions/0010-evidence-register.md) ----
    // Investigators take exhibits in and pass them on; prosecutors read them and record what they receive and hand to
    // the court; NGO caseworkers, labour inspectors, analysts and auditors see neither evidence nor intelligence.
    private static readonly string[] EvidenceWork =
    [
        Permissions.EvidenceRead, Permissions.EvidenceWrite, Permissions.EvidenceCustody, Permissions.IntelligenceRead, Permissions.IntelligenceWrite,
    ];

    private static readonly string[] ProsecutorEvidence = [Permissions.EvidenceRead, Permissions.EvidenceCustody, Permissions.IntelligenceRead];
    // ---- end of evidence register and intelligence ----

    // ---- Possible duplicates (docs/decisions/0012-duplicates-queue.md) ----
    // Investigators and the administrator review the queue (read and decide); prosecutors read it (a defendant known
    // under two names matters at trial). Analysts never: the queue shows identities.
    private static readonly string[] DuplicateReview = [Permissions.LinkageRead, Permissions.LinkageReview];
    private static readonly string[] DuplicateReading = [Permissions.LinkageRead];
    // ---- end of possible duplicates ----

    // ---- Networks (docs/decisions/0013-network-view.md) ----
    // Investigators record relations, query the network and export it; prosecutors query it; the administrator does all.
    // Caseworkers, labour inspectors and analysts do not see networks: a network shows suspects and their contacts
    // (analysts see aggregates only).
    private static readonly string[] NetworkWork = [Permissions.NetworkRead, Permissions.NetworkWrite, Permissions.NetworkExport];
    private static readonly string[] NetworkReading = [Permissions.NetworkRead];
    // ---- end of networks ----

    // ---- Watchlists and name screening (docs/decisions/0014-name-screening.md) ----
    // Administrators keep the lists (create, import, edit, share) and the screening profiles. Investigators, caseworkers
    // (child-protection bodies report missing children), labour inspectors and screening officers screen names and review
    // their organisation's alerts; prosecutors read lists. Missing children are seen by administrators, investigators
    // and caseworkers only: a screening officer's hit on a child shows that a listed child may match and who to call,
    // and the owning organisation is alerted at once. Analysts and auditors see no lists.
    private static readonly string[] WatchlistKeeping = [Permissions.WatchlistsRead, Permissions.WatchlistsManage, Permissions.WatchlistsScreen, Permissions.WatchlistsChildren];
    private static readonly string[] WatchlistScreening = [Permissions.WatchlistsRead, Permissions.WatchlistsScreen];
    // ---- end of watchlists ----

    // ---- Signed sharing packages (docs/decisions/0016-signed-sharing-packages.md) ----
    // Administrators register partners and their keys, and send and receive. Investigators send and receive: exchanging
    // intelligence and case leads with another agency or country is investigation work. Prosecutors, caseworkers,
    // labour inspectors, analysts, auditors and screening officers neither send nor receive packages.
    private static readonly string[] SharingWork = [Permissions.SharingSend, Permissions.SharingReceive];
    // ---- end of signed sharing packages ----


    // ---- GLOTIP statistics (docs/decisions/0017-glotip-statistics.md) ----
    // Exact small counts and loading population figures go to the administrator (the supervisor, who may open the cases anyway). Analysts see
    // aggregates only, and with small cells suppressed: a "1" in a district-by-citizenship table can name a person.
    private static readonly string[] ExactStatistics = [Permissions.StatisticsExact, Permissions.StatisticsPopulationManage];
    // ---- end of GLOTIP statistics ----

    // ---- Tip line (docs/decisions/0018-tip-line.md) ----
    // Investigators and caseworkers triage the tips of their organisation (tips reach only the hotline organisation's
    // queue, so in practice its hotline team); the administrator (the supervisor) also takes duty for child alerts and
    // sets the tip line. Prosecutors, labour inspectors, analysts, auditors and screening officers see no tips.
    private static readonly string[] TipTriage = [Permissions.TipsTriage];
    private static readonly string[] TipSupervision = [Permissions.TipsTriage, Permissions.TipsSupervise];
    // ---- end of tip line ----

    // ---- Labour inspections (docs/decisions/0019-labour-inspections.md) ----
    // Labour inspectors keep the register, record inspections and open cases from them, in their districts only (the
    // district scope is in AppDbContext). The administrator (the supervisor) does all, everywhere in the organisation.
    // Analysts see inspection statistics through statistics.read (small cells suppressed), never the register.
    private static readonly string[] InspectionWork = [Permissions.InspectionsRead, Permissions.InspectionsRecord, Permissions.InspectionsManage];
    // ---- end of labour inspections ----

    // ---- Reports and anonymised releases (docs/decisions/0021-reports-and-anonymised-releases.md) ----
    // A release or the report template is the administrator's (the supervisor's): a release publishes row-level data,
    // however generalised. Analysts download the published (suppressed) annual report through statistics.read.
    private static readonly string[] ReportKeeping = [Permissions.ReleasesCtdc, Permissions.ReportsTemplateManage];
    // ---- end of reports and anonymised releases ----

    // ---- National Action Plan indicators (docs/decisions/0026-nap-indicators-as-data.md) ----
    // Defining an indicator (what it counts, its baseline and target) is the administrator's; analysts read the
    // indicators' figures through statistics.read, small cells suppressed.
    private static readonly string[] IndicatorKeeping = [Permissions.StatisticsIndicatorsManage];
    // ---- end of National Action Plan indicators ----

    public static IReadOnlySet<string> For(Role role) => role switch
    {
        Role.Administrator => Set([.. ExactStatistics, .. ReportKeeping, .. IndicatorKeeping, .. CaseWork, .. ReferralWork, .. ProsecutionSupervision, .. EvidenceWork, .. NetworkWork, Permissions.CasesDelete, Permissions.CasesShare, Permissions.UsersManage, Permissions.StatisticsRead, Permissions.ScreeningCatalogueManage, Permissions.ReferralsOverrideConsent, Permissions.ServicesManage, .. DuplicateReview, .. WatchlistKeeping, .. SharingWork, Permissions.SharingManage, .. TipSupervision, .. InspectionWork]),
        Role.Investigator => Set([.. CaseWork, .. ReferralWork, .. InvestigationWork, .. EvidenceWork, .. NetworkWork, Permissions.CasesShare, .. DuplicateReview, .. WatchlistScreening, Permissions.WatchlistsChildren, .. SharingWork, .. TipTriage]),
        Role.Prosecutor => Set([.. TrialWork, .. ProsecutorEvidence, .. NetworkReading, Permissions.CasesRead, Permissions.CasesExport, Permissions.NotesWrite, Permissions.PersonsRead, Permissions.TokensOwn, Permissions.VictimStatusDecide, .. DuplicateReading, Permissions.WatchlistsRead]),
        Role.Caseworker => Set([.. CaseWork, .. ReferralWork, .. HearingDates, .. WatchlistScreening, Permissions.WatchlistsChildren, .. TipTriage]),
        Role.LabourInspector => Set([.. CaseWork, .. ReferralWork, .. HearingDates, .. WatchlistScreening, .. InspectionWork]),
        Role.Analyst => Set([Permissions.StatisticsRead, Permissions.TokensOwn]),
        Role.Auditor => Set([Permissions.AuditRead, Permissions.TokensOwn]),
        Role.ScreeningOfficer => Set([.. WatchlistScreening, Permissions.TokensOwn]),
    };

    public static Role ParseRole(string value, string field)
    {
        var compact = value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse<Role>(compact, ignoreCase: true, out var role) && Enum.IsDefined(role) && !char.IsDigit(compact[0])
            ? role
            : throw new Common.ValidationException(field, $"'{value}' is not a role; use one of: administrator, investigator, prosecutor, caseworker, labour-inspector, analyst, auditor, screening-officer.");
    }

    public static string Name(Role role) => role switch
    {
        Role.LabourInspector => "labour-inspector",
        Role.ScreeningOfficer => "screening-officer",
        _ => role.ToString().ToLowerInvariant(),
    };

    private static HashSet<string> Set(IEnumerable<string> permissions) => new(permissions, StringComparer.Ordinal);
}
