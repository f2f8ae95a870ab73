using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.People;
using Lantern.Core.Features.Referrals;
using Lantern.Core.Persistence.Configurations;
using System.Linq.Expressions;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantern.Core.Persistence;

/// <summary>
/// The provider-neutral model. <see cref="SqliteAppDbContext"/> and <see cref="PostgresAppDbContext"/> own the migrations.
/// Rows are scoped by the "Tenant" named query filters: nothing is visible until <see cref="ScopeTo"/> names an actor.
/// Saving encrypts protected fields and chains new audit entries in the same transaction.
/// </summary>
internal abstract class AppDbContext(DbContextOptions options, FieldCipher cipher, KeyRing keys, AuditGroupCommit? groupCommit) : DbContext(options)
{
    public const string TenantFilter = "Tenant";

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<User> Users => Set<User>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseParticipant> Participants => Set<CaseParticipant>();
    public DbSet<TraffickingEvent> Events => Set<TraffickingEvent>();
    public DbSet<CaseNote> Notes => Set<CaseNote>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<PersonSearchKey> SearchKeys => Set<PersonSearchKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    // ---- Referral mechanism (Features/Referrals; configurations in Configurations/ReferralConfigurations.cs) ----
    public DbSet<ServiceProvider> ServiceProviders => Set<ServiceProvider>();
    public DbSet<ServiceTypeSetting> ServiceTypeSettings => Set<ServiceTypeSetting>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<ChildSafeguards> ChildSafeguards => Set<ChildSafeguards>();
    public DbSet<ReflectionPeriod> ReflectionPeriods => Set<ReflectionPeriod>();
    public DbSet<SupportPlan> SupportPlans => Set<SupportPlan>();
    public DbSet<Referral> Referrals => Set<Referral>();
    // ---- end of referral mechanism ----

    // ---- Evidence register and intelligence (Features/Evidence, Features/Intelligence; Configurations/EvidenceConfigurations.cs) ----
    public DbSet<Features.Evidence.EvidenceItem> EvidenceItems => Set<Features.Evidence.EvidenceItem>();
    public DbSet<Features.Evidence.CustodyTransfer> CustodyTransfers => Set<Features.Evidence.CustodyTransfer>();
    public DbSet<Features.Evidence.EvidenceFile> EvidenceFiles => Set<Features.Evidence.EvidenceFile>();
    public DbSet<Features.Intelligence.IntelligenceItem> IntelligenceItems => Set<Features.Intelligence.IntelligenceItem>();
    // ---- end of evidence register and intelligence ----

    // Screening (issue 3)
    public DbSet<Features.Screening.CatalogueVersion> CatalogueVersions => Set<Features.Screening.CatalogueVersion>();
    public DbSet<Features.Screening.VictimAssessment> Assessments => Set<Features.Screening.VictimAssessment>();
    public DbSet<Features.Screening.StatusDecision> StatusDecisions => Set<Features.Screening.StatusDecision>();

    // ---- Prosecution proceedings (Features/Prosecutions; configurations in Configurations/ProsecutionConfigurations.cs) ----
    public DbSet<Features.Prosecutions.Proceeding> Proceedings => Set<Features.Prosecutions.Proceeding>();
    public DbSet<Features.Prosecutions.Charge> Charges => Set<Features.Prosecutions.Charge>();
    public DbSet<Features.Prosecutions.Hearing> Hearings => Set<Features.Prosecutions.Hearing>();
    public DbSet<Features.Prosecutions.WitnessProtection> WitnessProtections => Set<Features.Prosecutions.WitnessProtection>();
    public DbSet<Features.Prosecutions.DeadlineRule> DeadlineRules => Set<Features.Prosecutions.DeadlineRule>();
    // ---- end of prosecution proceedings ----

    // ---- Possible duplicates and person identities (Features/Duplicates; Configurations/DuplicateConfigurations.cs) ----
    public DbSet<Features.Duplicates.DuplicateCandidate> DuplicateCandidates => Set<Features.Duplicates.DuplicateCandidate>();
    public DbSet<Features.Duplicates.PersonIdentityMember> PersonIdentityMembers => Set<Features.Duplicates.PersonIdentityMember>();
    public DbSet<Features.Duplicates.PersonLinkRequest> PersonLinkRequests => Set<Features.Duplicates.PersonLinkRequest>();
    public DbSet<Features.Duplicates.LinkageParameters> LinkageParameters => Set<Features.Duplicates.LinkageParameters>();
    // ---- end of possible duplicates ----

    // ---- Watchlists (Features/Watchlists; Configurations/WatchlistConfigurations.cs) ----
    public DbSet<Features.Watchlists.Watchlist> Watchlists => Set<Features.Watchlists.Watchlist>();
    public DbSet<Features.Watchlists.WatchlistItem> WatchlistItems => Set<Features.Watchlists.WatchlistItem>();
    public DbSet<Features.Watchlists.WatchlistItemVersion> WatchlistItemVersions => Set<Features.Watchlists.WatchlistItemVersion>();
    // ---- Watchlist imports (Features/Watchlists, lists and imports) ----
    public DbSet<Features.Watchlists.WatchlistImport> WatchlistImports => Set<Features.Watchlists.WatchlistImport>();
    // ---- end ----
    // ---- end of watchlists ----

    // ---- Name screening inside Lantern (Features/Watchlists; Configurations/NameScreeningConfigurations.cs) ----
    public DbSet<Features.Watchlists.ScreeningProfile> ScreeningProfiles => Set<Features.Watchlists.ScreeningProfile>();
    public DbSet<Features.Watchlists.ScreeningBatch> ScreeningBatches => Set<Features.Watchlists.ScreeningBatch>();
    public DbSet<Features.Watchlists.ScreenedSubject> ScreenedSubjects => Set<Features.Watchlists.ScreenedSubject>();
    public DbSet<Features.Watchlists.ScreeningAlert> ScreeningAlerts => Set<Features.Watchlists.ScreeningAlert>();
    public DbSet<Features.Watchlists.ScreeningWatermark> ScreeningWatermarks => Set<Features.Watchlists.ScreeningWatermark>();
    // ---- end of name screening ----

    // ---- Networks (Features/Networks; Configurations/NetworkConfigurations.cs) ----
    public DbSet<Features.Networks.CaseRelation> CaseRelations => Set<Features.Networks.CaseRelation>();
    // ---- end of networks ----

    // ---- Signed sharing packages (Features/Sharing; Configurations/SharingConfigurations.cs) ----
    public DbSet<Features.Sharing.SharingPartner> SharingPartners => Set<Features.Sharing.SharingPartner>();
    public DbSet<Features.Sharing.SharingPackage> SharingPackages => Set<Features.Sharing.SharingPackage>();
    public DbSet<Features.Sharing.SentItem> SentItems => Set<Features.Sharing.SentItem>();
    public DbSet<Features.Sharing.ReceivedItem> ReceivedItems => Set<Features.Sharing.ReceivedItem>();
    public DbSet<Features.Sharing.EncodedPerson> EncodedPersons => Set<Features.Sharing.EncodedPerson>();
    public DbSet<Features.Sharing.ReceivedEncoding> ReceivedEncodings => Set<Features.Sharing.ReceivedEncoding>();
    public DbSet<Features.Sharing.LinkagePair> LinkagePairs => Set<Features.Sharing.LinkagePair>();
    // ---- end of signed sharing packages ----

    // ---- GLOTIP statistics (Features/Statistics; Configurations/StatisticsConfigurations.cs): reference data, not scoped ----
    public DbSet<Features.Statistics.PopulationFigure> PopulationFigures => Set<Features.Statistics.PopulationFigure>();
    // ---- end of GLOTIP statistics ----

    // ---- National Action Plan indicators (Features/Statistics; docs/decisions/0026-nap-indicators-as-data.md): reference data, not scoped ----
    public DbSet<Features.Statistics.NapIndicatorVersion> NapIndicatorVersions => Set<Features.Statistics.NapIndicatorVersion>();
    // ---- end of National Action Plan indicators ----

    // ---- Tip line (Features/Tips; Configurations/TipConfigurations.cs) ----
    public DbSet<Features.Tips.Tip> Tips => Set<Features.Tips.Tip>();
    public DbSet<Features.Tips.TipAddition> TipAdditions => Set<Features.Tips.TipAddition>();
    public DbSet<Features.Tips.TipAlert> TipAlerts => Set<Features.Tips.TipAlert>();
    public DbSet<Features.Tips.TipDuty> TipDuties => Set<Features.Tips.TipDuty>();
    public DbSet<Features.Tips.TipLineSettings> TipLineSettings => Set<Features.Tips.TipLineSettings>();
    // ---- end of tip line ----

    // ---- Labour inspections (Features/Inspections; Configurations/InspectionConfigurations.cs; docs/decisions/0019-labour-inspections.md) ----
    public DbSet<Features.Inspections.Workplace> Workplaces => Set<Features.Inspections.Workplace>();
    public DbSet<Features.Inspections.Inspection> Inspections => Set<Features.Inspections.Inspection>();
    public DbSet<Features.Inspections.InspectionIndicator> InspectionIndicators => Set<Features.Inspections.InspectionIndicator>();
    public DbSet<Features.Inspections.InspectionInspector> InspectionInspectors => Set<Features.Inspections.InspectionInspector>();
    public DbSet<Features.Inspections.UserDistrict> UserDistricts => Set<Features.Inspections.UserDistrict>();

    /// <summary>Labour inspectors: scoped to the districts assigned to them, and to the cases opened from those districts' inspections.</summary>
    internal bool ScopeDistrictBound { get; private set; }
    // ---- end of labour inspections ----

    // ---- Reports and anonymised releases (Features/Reports; Configurations/ReportConfigurations.cs) ----
    public DbSet<Features.Reports.Release> Releases => Set<Features.Reports.Release>();
    // ---- end of reports and anonymised releases ----

    // ---- Annual report (Features/Reports; Configurations/ReportConfigurations.cs) ----
    public DbSet<Features.Reports.AnnualReportTemplate> AnnualReportTemplates => Set<Features.Reports.AnnualReportTemplate>();
    // ---- end of annual report ----

    // Read by the query filters at query time (EF parameterises context members).
    internal OrganisationId ScopeOrganisation { get; private set; }
    internal UserId ScopeUser { get; private set; }
    internal bool ScopeUnrestricted { get; private set; }

    internal FieldCipher Cipher => cipher;

    /// <summary>Set on the group writer's own context: its saves chain and commit here, not through the group.</summary>
    internal bool WritesAuditInline { get; set; }

    /// <summary>Scopes every later query of this context to what <paramref name="actor"/> may see.</summary>
    public void ScopeTo(Actor actor)
    {
        ScopeOrganisation = actor.OrganisationId;
        ScopeUser = actor.UserId;
        ScopeUnrestricted = actor.IsSystem;
        // ---- Labour inspections ----
        ScopeDistrictBound = !actor.IsSystem && actor.Role == Role.LabourInspector;
        // ---- end ----
    }

    /// <summary>Whether the provider needs a lock statement before the audit chain head is read.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken ct);

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<OrganisationId>().HaveConversion<OrganisationIdConverter>();
        builder.Properties<UserId>().HaveConversion<UserIdConverter>();
        builder.Properties<CaseId>().HaveConversion<CaseIdConverter>();
        builder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
        builder.Properties<string>().HaveMaxLength(4000);
        ReferralModel.ConfigureConventions(builder);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace == typeof(AppDbContext).Namespace + ".Configurations");

        // Keys are made by the application (SequentialGuid). Telling EF so makes a new child added to a loaded
        // aggregate's collection an INSERT, not an UPDATE of a row that does not exist.
        foreach (var key in model.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties)
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }

        // Tenant scoping. Bypass (IgnoreQueryFilters) only under Security/.
        model.Entity<Case>().HasQueryFilter(TenantFilter, CaseVisible());
        model.Entity<Person>().HasQueryFilter(TenantFilter, p => ScopeUnrestricted
            || p.Participations.Any(pp => (!ScopeDistrictBound && (pp.Case.OrganisationId == ScopeOrganisation
                || pp.Case.Shares.Any(s => s.OrganisationId == ScopeOrganisation)))
                || pp.Case.Assignments.Any(a => a.UserId == ScopeUser)
                // ---- Labour inspections: a district-bound inspector sees the cases opened from their districts' inspections ----
                || (ScopeDistrictBound && Inspections.Any(i => i.CaseId == pp.CaseId && i.OrganisationId == ScopeOrganisation
                    && UserDistricts.Any(d => d.UserId == ScopeUser && d.District == i.District)))));
        ThroughCase<CaseParticipant>(model, pp => pp.Case);
        ThroughCase<Features.Screening.VictimAssessment>(model, a => a.Case);
        ThroughCase<Features.Screening.StatusDecision>(model, d => d.Case);

        // ---- Referral mechanism ----
        // A referral is seen by its sender, and by the receiving organisation once sent; never through the case.
        model.Entity<Referral>().HasQueryFilter(TenantFilter, r => ScopeUnrestricted
            || r.SendingOrganisationId == ScopeOrganisation
            || (r.ReceivingOrganisationId == ScopeOrganisation && r.State != ReferralState.Draft));
        // Consent, child safeguards, reflection period and support plan are seen by whoever sees the victim's case.
        ThroughCase<Consent>(model, x => x.Case);
        ThroughCase<ChildSafeguards>(model, x => x.Case);
        ThroughCase<ReflectionPeriod>(model, x => x.Case);
        ThroughCase<SupportPlan>(model, x => x.Case);
        // ---- end of referral mechanism ----

        // ---- Prosecution proceedings: seen by whoever sees the case ----
        ThroughCase<Features.Prosecutions.Proceeding>(model, x => x.Case);
        ThroughCase<Features.Prosecutions.Charge>(model, x => x.Case);
        ThroughCase<Features.Prosecutions.Hearing>(model, x => x.Case);
        ThroughCase<Features.Prosecutions.WitnessProtection>(model, x => x.Case);
        // ---- end of prosecution proceedings ----
        // ---- Evidence register and intelligence ----
        // Exhibits and their files are seen by whoever sees the case.
        ThroughCase<Features.Evidence.EvidenceItem>(model, e => e.Case);
        ThroughCase<Features.Evidence.EvidenceFile>(model, f => f.Item.Case);
        // Intelligence is seen by the organisation that recorded it; others who see the case see H0 items only.
        model.Entity<Features.Intelligence.IntelligenceItem>().HasQueryFilter(TenantFilter, i => ScopeUnrestricted
            || i.OrganisationId == ScopeOrganisation
            || (i.Handling == Features.Intelligence.HandlingCode.H0
                && (i.Case.OrganisationId == ScopeOrganisation || i.Case.Shares.Any(s => s.OrganisationId == ScopeOrganisation) || i.Case.Assignments.Any(a => a.UserId == ScopeUser))));
        // ---- end of evidence register and intelligence ----
        // ---- Possible duplicates: a pair is seen by whoever sees one of its two persons (Security/DuplicateVisibility
        // decides what of the other is shown); an identity row by whoever sees its person ----
        model.Entity<Features.Duplicates.DuplicateCandidate>().HasQueryFilter(TenantFilter, d => ScopeUnrestricted
            || Participants.Any(pp => (pp.PersonId == d.LeftPersonId || pp.PersonId == d.RightPersonId)
                && (pp.Case.OrganisationId == ScopeOrganisation || pp.Case.Shares.Any(s => s.OrganisationId == ScopeOrganisation) || pp.Case.Assignments.Any(a => a.UserId == ScopeUser))));
        model.Entity<Features.Duplicates.PersonIdentityMember>().HasQueryFilter(TenantFilter, m => ScopeUnrestricted
            || Participants.Any(pp => pp.PersonId == m.PersonId
                && (pp.Case.OrganisationId == ScopeOrganisation || pp.Case.Shares.Any(s => s.OrganisationId == ScopeOrganisation) || pp.Case.Assignments.Any(a => a.UserId == ScopeUser))));
        // ---- end of possible duplicates ----
        // ---- Networks: relations recorded on a case are seen by whoever sees the case ----
        ThroughCase<Features.Networks.CaseRelation>(model, r => r.Case);
        // ---- end of networks ----
        // ---- Watchlists: a list and its entries are seen by the owning organisation and the organisations allowed to
        // screen against it; whether a missing child's entry is shown is a permission (Security/WatchlistVisibility) ----
        model.Entity<Features.Watchlists.Watchlist>().HasQueryFilter(TenantFilter, w => ScopeUnrestricted
            || w.OwnerOrganisationId == ScopeOrganisation
            || w.Screeners.Any(s => s.OrganisationId == ScopeOrganisation));
        model.Entity<Features.Watchlists.WatchlistItem>().HasQueryFilter(TenantFilter, i => ScopeUnrestricted
            || Watchlists.Any(w => w.Id == i.WatchlistId && (w.OwnerOrganisationId == ScopeOrganisation || w.Screeners.Any(s => s.OrganisationId == ScopeOrganisation))));
        model.Entity<Features.Watchlists.WatchlistItemVersion>().HasQueryFilter(TenantFilter, v => ScopeUnrestricted
            || Watchlists.Any(w => w.Id == v.WatchlistId && (w.OwnerOrganisationId == ScopeOrganisation || w.Screeners.Any(s => s.OrganisationId == ScopeOrganisation))));
        // ---- end of watchlists ----
        // ---- Watchlist imports: seen with their list ----
        model.Entity<Features.Watchlists.WatchlistImport>().HasQueryFilter(TenantFilter, m => ScopeUnrestricted
            || Watchlists.Any(w => w.Id == m.WatchlistId && (w.OwnerOrganisationId == ScopeOrganisation || w.Screeners.Any(s => s.OrganisationId == ScopeOrganisation))));
        // ---- end ----
        // ---- Name screening: profiles, batches, subjects and alerts are the screening organisation's; an alert on a
        // missing child's entry (and its subject) is also seen by the list's owner, alerted at once ----
        model.Entity<Features.Watchlists.ScreeningProfile>().HasQueryFilter(TenantFilter, p => ScopeUnrestricted || p.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Watchlists.ScreeningBatch>().HasQueryFilter(TenantFilter, b => ScopeUnrestricted || b.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Watchlists.ScreeningAlert>().HasQueryFilter(TenantFilter, a => ScopeUnrestricted
            || a.OrganisationId == ScopeOrganisation || a.AlertedOrganisationId == ScopeOrganisation);
        model.Entity<Features.Watchlists.ScreenedSubject>().HasQueryFilter(TenantFilter, s => ScopeUnrestricted
            || s.OrganisationId == ScopeOrganisation
            || ScreeningAlerts.Any(a => a.SubjectId == s.Id && a.AlertedOrganisationId == ScopeOrganisation));
        model.Entity<Features.Watchlists.ScreeningWatermark>().HasQueryFilter(TenantFilter, m => ScopeUnrestricted);
        // ---- end of name screening ----
        // ---- Signed sharing packages: partners, packages, sent and received items are the organisation's own ----
        model.Entity<Features.Sharing.SharingPartner>().HasQueryFilter(TenantFilter, p => ScopeUnrestricted || p.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Sharing.SharingPackage>().HasQueryFilter(TenantFilter, p => ScopeUnrestricted || p.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Sharing.SentItem>().HasQueryFilter(TenantFilter, s => ScopeUnrestricted || s.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Sharing.ReceivedItem>().HasQueryFilter(TenantFilter, r => ScopeUnrestricted || r.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Sharing.EncodedPerson>().HasQueryFilter(TenantFilter, e => ScopeUnrestricted || e.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Sharing.ReceivedEncoding>().HasQueryFilter(TenantFilter, e => ScopeUnrestricted || e.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Sharing.LinkagePair>().HasQueryFilter(TenantFilter, p => ScopeUnrestricted || p.OrganisationId == ScopeOrganisation);
        // ---- end of signed sharing packages ----
        // ---- Tip line: tips, what reporters added, alerts and the duty roster are the receiving organisation's own.
        // A tip reaches a case only by a link; the case's own filter decides who sees the case. ----
        model.Entity<Features.Tips.Tip>().HasQueryFilter(TenantFilter, t => ScopeUnrestricted || t.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Tips.TipAddition>().HasQueryFilter(TenantFilter, a => ScopeUnrestricted || Tips.Any(t => t.Id == a.TipId && t.OrganisationId == ScopeOrganisation));
        model.Entity<Features.Tips.TipAlert>().HasQueryFilter(TenantFilter, a => ScopeUnrestricted || a.OrganisationId == ScopeOrganisation);
        model.Entity<Features.Tips.TipDuty>().HasQueryFilter(TenantFilter, d => ScopeUnrestricted || d.OrganisationId == ScopeOrganisation);
        // ---- end of tip line ----

        // ---- Labour inspections: the organisation's workplaces and inspections; a labour inspector's only in their districts ----
        model.Entity<Features.Inspections.Workplace>().HasQueryFilter(TenantFilter, w => ScopeUnrestricted
            || (w.OrganisationId == ScopeOrganisation && (!ScopeDistrictBound || UserDistricts.Any(d => d.UserId == ScopeUser && d.District == w.District))));
        model.Entity<Features.Inspections.Inspection>().HasQueryFilter(TenantFilter, i => ScopeUnrestricted
            || (i.OrganisationId == ScopeOrganisation && (!ScopeDistrictBound || UserDistricts.Any(d => d.UserId == ScopeUser && d.District == i.District))));
        model.Entity<Features.Inspections.InspectionIndicator>().HasQueryFilter(TenantFilter, x => ScopeUnrestricted
            || Inspections.Any(i => i.Id == x.InspectionId && i.OrganisationId == ScopeOrganisation
                && (!ScopeDistrictBound || UserDistricts.Any(d => d.UserId == ScopeUser && d.District == i.District))));
        model.Entity<Features.Inspections.InspectionInspector>().HasQueryFilter(TenantFilter, x => ScopeUnrestricted
            || Inspections.Any(i => i.Id == x.InspectionId && i.OrganisationId == ScopeOrganisation
                && (!ScopeDistrictBound || UserDistricts.Any(d => d.UserId == ScopeUser && d.District == i.District))));
        // ---- end of labour inspections ----
        // ---- Reports and anonymised releases: the release log is the making organisation's ----
        model.Entity<Features.Reports.Release>().HasQueryFilter(TenantFilter, r => ScopeUnrestricted || r.OrganisationId == ScopeOrganisation);
        // ---- end of reports and anonymised releases ----
        // ---- Annual report: an organisation's template is its own ----
        model.Entity<Features.Reports.AnnualReportTemplate>().HasQueryFilter(TenantFilter, t => ScopeUnrestricted || t.OrganisationId == ScopeOrganisation);
        // ---- end of annual report ----
    }

    /// <summary>
    /// The one statement of who sees a case: the system actor, the owning organisation, organisations it was shared
    /// with, and officers assigned to it. Context members in the expression are parameters EF reads per query.
    /// </summary>
    private Expression<Func<Case, bool>> CaseVisible() => c => ScopeUnrestricted
        || (!ScopeDistrictBound && (c.OrganisationId == ScopeOrganisation || c.Shares.Any(s => s.OrganisationId == ScopeOrganisation)))
        || c.Assignments.Any(a => a.UserId == ScopeUser)
        // ---- Labour inspections: a district-bound inspector sees the cases opened from their districts' inspections ----
        || (ScopeDistrictBound && Inspections.Any(i => i.CaseId == c.Id && i.OrganisationId == ScopeOrganisation
            && UserDistricts.Any(d => d.UserId == ScopeUser && d.District == i.District)));

    /// <summary>Scopes an entity that hangs off a case to whoever sees that case.</summary>
    private void ThroughCase<T>(ModelBuilder model, Expression<Func<T, Case>> toCase)
        where T : class
    {
        var visible = CaseVisible();
        var body = new ParameterSwap(visible.Parameters[0], toCase.Body).Visit(visible.Body);
        model.Entity<T>().HasQueryFilter(TenantFilter, Expression.Lambda<Func<T, bool>>(body, toCase.Parameters));
    }

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        // ---- Possible duplicates: a person created or changed waits in the outbox to be linked (Features/Duplicates) ----
        Features.Duplicates.LinkingOutbox.Enqueue(this);
        // ---- end ----
        if (await SaveThroughGroupCommitAsync() is { } grouped)
        {
            return grouped;
        }
        var pendingAudit = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var restores = EncryptPending();
        var ownTransaction = pendingAudit.Count > 0 && Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var saved = false;
        try
        {
            if (pendingAudit.Count > 0)
            {
                await LockAuditChainAsync(cancellationToken);
                var head = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
                    .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
                var (sequence, previous) = head is null ? (0L, "") : (head.Sequence, head.Hash);
                foreach (var entry in pendingAudit)
                {
                    entry.Chain(++sequence, previous, keys.AuditKey);
                    previous = entry.Hash;
                }
            }
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            saved = true;
            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
            foreach (var (property, plaintext) in restores)
            {
                property.CurrentValue = plaintext;
                if (saved && acceptAllChangesOnSuccess)
                {
                    property.OriginalValue = plaintext;
                    property.IsModified = false;
                }
            }
        }
    }

    /// <summary>
    /// A save that only appends audit entries, outside a caller's transaction, joins the group commit
    /// (<see cref="AuditGroupCommit"/>); anything else commits here with its audit entries.
    /// </summary>
    private async Task<int?> SaveThroughGroupCommitAsync()
    {
        if (groupCommit is null || WritesAuditInline || Database.CurrentTransaction is not null)
        {
            return null;
        }
        var changed = ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList();
        if (changed.Count == 0 || !changed.All(e => e.State == EntityState.Added && e.Entity is AuditEntry))
        {
            return null;
        }
        foreach (var entry in changed)
        {
            entry.State = EntityState.Detached;
        }
        await groupCommit.WriteAsync(changed.Select(e => (AuditEntry)e.Entity).ToList());
        return changed.Count;
    }

    /// <summary>Replaces the plaintext of every new or changed protected field by its ciphertext; returns what to put back after saving.</summary>
    private List<(PropertyEntry Property, string Plaintext)> EncryptPending()
    {
        var restores = new List<(PropertyEntry, string)>();
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (!property.Metadata.IsEncrypted() || property.CurrentValue is not string plaintext)
                {
                    continue;
                }
                if (entry.State == EntityState.Modified && !property.IsModified)
                {
                    continue;
                }
                var table = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name;
                var id = entry.Metadata.FindPrimaryKey()!.Properties[0].PropertyInfo!.GetValue(entry.Entity)!.ToString()!;
                restores.Add((property, plaintext));
                property.CurrentValue = cipher.Encrypt(plaintext, table, id, property.Metadata.Name);
            }
        }
        return restores;
    }

    private sealed class OrganisationIdConverter() : ValueConverter<OrganisationId, Guid>(v => v.Value, v => new OrganisationId(v));
    private sealed class UserIdConverter() : ValueConverter<UserId, Guid>(v => v.Value, v => new UserId(v));
    private sealed class CaseIdConverter() : ValueConverter<CaseId, Guid>(v => v.Value, v => new CaseId(v));
    private sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(v => v.Value, v => new PersonId(v));

    /// <summary>All times are UTC; SQLite returns them unspecified, PostgreSQL demands UTC.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
