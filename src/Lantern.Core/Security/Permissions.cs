namespace Lantern.Core.Security;

/// <summary>
/// Every permission Lantern knows, in one place. Endpoints name a permission as their policy;
/// Core handlers check the same permission against the acting user. Role grants live in <see cref="RolePermissions"/>.
/// </summary>
public static class Permissions
{
    public const string CasesRead = "cases.read";
    public const string CasesCreate = "cases.create";
    public const string CasesEdit = "cases.edit";
    public const string CasesDelete = "cases.delete";
    public const string CasesImport = "cases.import";
    public const string CasesExport = "cases.export";
    public const string CasesShare = "cases.share";
    public const string NotesWrite = "notes.write";
    public const string PersonsRead = "persons.read";
    public const string StatisticsRead = "statistics.read";
    public const string AuditRead = "audit.read";
    public const string UsersManage = "users.manage";
    public const string TokensOwn = "tokens.own";
    public const string ScreeningAssess = "screening.assess";
    public const string ScreeningCatalogueManage = "screening.catalogue.manage";
    public const string VictimStatusDecide = "victims.status.decide";

    // Referral mechanism: see docs/decisions/0008-referral-consent-and-disclosure.md for who may refer without consent.
    public const string ReferralsRead = "referrals.read";
    public const string ReferralsWrite = "referrals.write";
    public const string ReferralsReceive = "referrals.receive";
    public const string ReferralsOverrideConsent = "referrals.override-consent";
    public const string ServicesManage = "services.manage";

    // ---- Prosecution proceedings: see docs/decisions/0009-prosecution-proceedings.md ----
    public const string ProsecutionRead = "prosecution.read";
    public const string ProsecutionWrite = "prosecution.write";
    public const string ProsecutionInvestigation = "prosecution.investigation";
    public const string ProsecutionTrial = "prosecution.trial";
    public const string HearingsRead = "hearings.read";
    public const string DeadlinesManage = "deadlines.manage";
    private static readonly string[] Prosecution = [ProsecutionRead, ProsecutionWrite, ProsecutionInvestigation, ProsecutionTrial, HearingsRead, DeadlinesManage];
    // ---- end of prosecution proceedings ----
    // ---- Evidence register and intelligence (Features/Evidence, Features/Intelligence; docs/decisions/0010-evidence-register.md) ----
    public const string EvidenceRead = "evidence.read";
    public const string EvidenceWrite = "evidence.write";
    public const string EvidenceCustody = "evidence.custody";
    public const string IntelligenceRead = "intelligence.read";
    public const string IntelligenceWrite = "intelligence.write";
    public static readonly IReadOnlyList<string> EvidenceAndIntelligence = [EvidenceRead, EvidenceWrite, EvidenceCustody, IntelligenceRead, IntelligenceWrite];
    // ---- end of evidence register and intelligence ----
    // ---- Possible duplicates (Features/Duplicates; docs/decisions/0012-duplicates-queue.md) ----
    public const string LinkageRead = "linkage.read";
    public const string LinkageReview = "linkage.review";
    // ---- end of possible duplicates ----
    // ---- Networks (Features/Networks; docs/decisions/0013-network-view.md) ----
    public const string NetworkRead = "network.read";
    public const string NetworkWrite = "network.write";
    public const string NetworkExport = "network.export";
    public static readonly IReadOnlyList<string> Networks = [NetworkRead, NetworkWrite, NetworkExport];
    // ---- end of networks ----

    // ---- Watchlists and name screening (Features/Watchlists; docs/decisions/0014-name-screening.md) ----
    /// <summary>See the lists the organisation owns or may screen against, and their entries (children need <see cref="WatchlistsChildren"/>).</summary>
    public const string WatchlistsRead = "watchlists.read";

    /// <summary>Create, import, edit, share and retire the organisation's lists; set screening profiles.</summary>
    public const string WatchlistsManage = "watchlists.manage";

    /// <summary>Screen names (one or a batch) and review the organisation's alerts.</summary>
    public const string WatchlistsScreen = "watchlists.screen";

    /// <summary>See missing-children entries and the details of hits on them.</summary>
    public const string WatchlistsChildren = "watchlists.children";
    public static readonly IReadOnlyList<string> Watchlists = [WatchlistsRead, WatchlistsManage, WatchlistsScreen, WatchlistsChildren];
    // ---- end of watchlists ----

    // ---- Signed sharing packages (Features/Sharing; docs/decisions/0016-signed-sharing-packages.md) ----
    /// <summary>Register partner installations and their keys; show this installation's keys.</summary>
    public const string SharingManage = "sharing.manage";

    /// <summary>Make, download and revoke packages for partners.</summary>
    public const string SharingSend = "sharing.send";

    /// <summary>Import packages from partners and read the received items.</summary>
    public const string SharingReceive = "sharing.receive";
    public static readonly IReadOnlyList<string> Sharing = [SharingManage, SharingSend, SharingReceive];
    // ---- end of signed sharing packages ----

    // ---- GLOTIP statistics (Features/Statistics; docs/decisions/0017-glotip-statistics.md) ----
    /// <summary>See exact statistical figures inside Lantern; without it counts from 1 to 4 are shown as "&lt;5" (SmallCells).</summary>
    public const string StatisticsExact = "statistics.exact";

    /// <summary>Load population figures (the denominator of SDG 16.2.2).</summary>
    public const string StatisticsPopulationManage = "statistics.population.manage";
    // ---- end of GLOTIP statistics ----

    // ---- National Action Plan indicators (Features/Statistics; docs/decisions/0026-nap-indicators-as-data.md) ----
    /// <summary>Define and change National Action Plan indicators (numerator, denominator, filters, baseline, target).</summary>
    public const string StatisticsIndicatorsManage = "statistics.indicators.manage";
    // ---- end of National Action Plan indicators ----

    // ---- Tip line (Features/Tips; docs/decisions/0018-tip-line.md) ----
    /// <summary>Work the hotline organisation's tip queue: record calls, read tips, assign, mark urgent, link, open a case, close.</summary>
    public const string TipsTriage = "tips.triage";

    /// <summary>Be on duty for alerts of a child at immediate risk, acknowledge them, set the tip line's settings (with users.manage).</summary>
    public const string TipsSupervise = "tips.supervise";
    // ---- end of tip line ----

    // ---- Labour inspections (Features/Inspections; docs/decisions/0019-labour-inspections.md) ----
    /// <summary>See the workplace register, inspections and overdue follow-ups (a labour inspector: of their districts only).</summary>
    public const string InspectionsRead = "inspections.read";

    /// <summary>Record inspections and open cases from them.</summary>
    public const string InspectionsRecord = "inspections.record";

    /// <summary>Add and change workplaces in the register.</summary>
    public const string InspectionsManage = "inspections.manage";
    public static readonly IReadOnlyList<string> Inspections = [InspectionsRead, InspectionsRecord, InspectionsManage];
    // ---- end of labour inspections ----
    // ---- Reports and anonymised releases (Features/Reports; docs/decisions/0021-reports-and-anonymised-releases.md) ----
    /// <summary>Make a CTDC k-anonymised release and read the release log.</summary>
    public const string ReleasesCtdc = "releases.ctdc";

    /// <summary>Edit the annual report's template.</summary>
    public const string ReportsTemplateManage = "reports.template.manage";
    private static readonly string[] Reports = [ReleasesCtdc, ReportsTemplateManage];
    // ---- end of reports and anonymised releases ----

    public static readonly IReadOnlyList<string> All =
    [
        CasesRead, CasesCreate, CasesEdit, CasesDelete, CasesImport, CasesExport, CasesShare, NotesWrite,
        PersonsRead, StatisticsRead, AuditRead, UsersManage, TokensOwn, ScreeningAssess, ScreeningCatalogueManage, VictimStatusDecide,
        ReferralsRead, ReferralsWrite, ReferralsReceive, ReferralsOverrideConsent, ServicesManage,
        .. Prosecution,
        .. EvidenceAndIntelligence,
        LinkageRead, LinkageReview, // possible duplicates
        .. Networks,
        .. Watchlists,
        .. Sharing, // signed sharing packages
        StatisticsExact, StatisticsPopulationManage, // GLOTIP statistics
        TipsTriage, TipsSupervise, // tip line
        .. Inspections, // labour inspections
        .. Reports, // reports and anonymised releases
        StatisticsIndicatorsManage, // National Action Plan indicators
    ];
}
