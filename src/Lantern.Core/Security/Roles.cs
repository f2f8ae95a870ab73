namespace Lantern.Core.Security;

public enum Role { Administrator, Investigator, Prosecutor, Caseworker, LabourInspector, Analyst, Auditor }

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

    // ---- Evidence register and intelligence (docs/decisions/0010-evidence-register.md) ----
    // Investigators take exhibits in and pass them on; prosecutors read them and record what they receive and hand to
    // the court; NGO caseworkers, labour inspectors, analysts and auditors see neither evidence nor intelligence.
    private static readonly string[] EvidenceWork =
    [
        Permissions.EvidenceRead, Permissions.EvidenceWrite, Permissions.EvidenceCustody, Permissions.IntelligenceRead, Permissions.IntelligenceWrite,
    ];

    private static readonly string[] ProsecutorEvidence = [Permissions.EvidenceRead, Permissions.EvidenceCustody, Permissions.IntelligenceRead];
    // ---- end of evidence register and intelligence ----

    public static IReadOnlySet<string> For(Role role) => role switch
    {
        Role.Administrator => Set([.. CaseWork, .. ReferralWork, Permissions.CasesDelete, Permissions.CasesShare, Permissions.UsersManage, Permissions.StatisticsRead, Permissions.ScreeningCatalogueManage, Permissions.ReferralsOverrideConsent, Permissions.ServicesManage, .. EvidenceWork]),
        Role.Investigator => Set([.. CaseWork, .. ReferralWork, Permissions.CasesShare, .. EvidenceWork]),
        Role.Prosecutor => Set([Permissions.CasesRead, Permissions.CasesExport, Permissions.NotesWrite, Permissions.PersonsRead, Permissions.TokensOwn, Permissions.VictimStatusDecide, .. ProsecutorEvidence]),
        Role.Caseworker => Set([.. CaseWork, .. ReferralWork]),
        Role.LabourInspector => Set([.. CaseWork, .. ReferralWork]),
        Role.Analyst => Set([Permissions.StatisticsRead, Permissions.TokensOwn]),
        Role.Auditor => Set([Permissions.AuditRead, Permissions.TokensOwn]),
    };

    public static Role ParseRole(string value, string field)
    {
        var compact = value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse<Role>(compact, ignoreCase: true, out var role) && Enum.IsDefined(role) && !char.IsDigit(compact[0])
            ? role
            : throw new Common.ValidationException(field, $"'{value}' is not a role; use one of: administrator, investigator, prosecutor, caseworker, labour-inspector, analyst, auditor.");
    }

    public static string Name(Role role) => role == Role.LabourInspector ? "labour-inspector" : role.ToString().ToLowerInvariant();

    private static HashSet<string> Set(IEnumerable<string> permissions) => new(permissions, StringComparer.Ordinal);
}
