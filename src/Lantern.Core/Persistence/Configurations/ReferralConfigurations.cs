using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantern.Core.Persistence.Configurations;

/// <summary>The referral mechanism's tables. Conventions for its typed ids are registered by <see cref="ConfigureConventions"/>.</summary>
internal static class ReferralModel
{
    public static void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<ReferralId>().HaveConversion<ReferralIdConverter>();
        builder.Properties<ServiceProviderId>().HaveConversion<ServiceProviderIdConverter>();
        builder.Properties<ConsentId>().HaveConversion<ConsentIdConverter>();
    }

    private sealed class ReferralIdConverter() : ValueConverter<ReferralId, Guid>(v => v.Value, v => new ReferralId(v));
    private sealed class ServiceProviderIdConverter() : ValueConverter<ServiceProviderId, Guid>(v => v.Value, v => new ServiceProviderId(v));
    private sealed class ConsentIdConverter() : ValueConverter<ConsentId, Guid>(v => v.Value, v => new ConsentId(v));
}

internal sealed class ServiceProviderConfiguration : IEntityTypeConfiguration<ServiceProvider>
{
    public void Configure(EntityTypeBuilder<ServiceProvider> b)
    {
        b.ToTable("service_providers");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(ServiceProvider.MaxNameLength);
        b.Property(s => s.Province).HasMaxLength(100);
        b.Property(s => s.District).HasMaxLength(100);
        b.Property(s => s.LanguageCodes).HasMaxLength(200);
        b.Property(s => s.ContactName).HasMaxLength(100);
        b.Property(s => s.ContactPhone).HasMaxLength(40);
        b.Property(s => s.ContactEmail).HasMaxLength(254);
        b.Property(s => s.Description).HasMaxLength(2000);
        b.Property(s => s.SearchText).HasMaxLength(2600);
        b.HasIndex(s => new { s.Active, s.Type, s.Province, s.District });
        b.HasIndex(s => s.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.Languages);
    }
}

internal sealed class ServiceTypeSettingConfiguration : IEntityTypeConfiguration<ServiceTypeSetting>
{
    public void Configure(EntityTypeBuilder<ServiceTypeSetting> b)
    {
        b.ToTable("service_type_settings");
        b.HasKey(s => s.Type);
        // Defaults as data: an installation changes a row, not the code.
        b.HasData(Enum.GetValues<ServiceType>().Select(t => new ServiceTypeSetting(t, ServiceTypeSetting.DefaultResponseHours)));
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.ToTable("consents");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.ParticipantId);
        b.HasOne(c => c.Case).WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.ExplainedBy).HasMaxLength(64);
        b.Property(c => c.Language).HasMaxLength(3);
        b.Property(c => c.GuardianName).IsEncrypted();
        b.Property(c => c.GuardianRelation).HasMaxLength(100);
        b.Property(c => c.Notes).IsEncrypted();
        b.Property(c => c.WithdrawnBy).HasMaxLength(64);
        b.Property(c => c.WithdrawalReason).IsEncrypted();
        b.HasMany(c => c.Grants).WithOne().HasForeignKey(g => g.ConsentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Grants).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.IsActive);
    }
}

internal sealed class ConsentGrantConfiguration : IEntityTypeConfiguration<ConsentGrant>
{
    public void Configure(EntityTypeBuilder<ConsentGrant> b)
    {
        b.ToTable("consent_grants");
        b.HasKey(g => g.Id);
        b.Property(g => g.CategoryCodes).HasMaxLength(200);
        b.Ignore(g => g.Categories);
    }
}

internal sealed class ChildSafeguardsConfiguration : IEntityTypeConfiguration<ChildSafeguards>
{
    public void Configure(EntityTypeBuilder<ChildSafeguards> b)
    {
        b.ToTable("child_safeguards");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.ParticipantId).IsUnique();
        b.HasOne(s => s.Case).WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.GuardianName).IsEncrypted();
        b.Property(s => s.GuardianRelation).HasMaxLength(100);
        b.Property(s => s.NoGuardianReason).IsEncrypted();
        b.Property(s => s.AssessedBy).HasMaxLength(100);
        b.Property(s => s.AssessmentSummary).IsEncrypted();
        b.Ignore(s => s.HasGuardianOrReason);
        b.Ignore(s => s.HasBestInterestsAssessment);
    }
}

internal sealed class ReflectionPeriodConfiguration : IEntityTypeConfiguration<ReflectionPeriod>
{
    public void Configure(EntityTypeBuilder<ReflectionPeriod> b)
    {
        b.ToTable("reflection_periods");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.ParticipantId).IsUnique();
        b.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.RecordedBy).HasMaxLength(64);
    }
}

internal sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> b)
    {
        b.ToTable("support_plans");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.ParticipantId).IsUnique();
        b.HasOne(p => p.Case).WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Objectives).IsEncrypted();
        b.HasMany(p => p.Actions).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupportActionConfiguration : IEntityTypeConfiguration<SupportAction>
{
    public void Configure(EntityTypeBuilder<SupportAction> b)
    {
        b.ToTable("support_actions");
        b.HasKey(a => a.Id);
        b.Property(a => a.Description).IsEncrypted();
        b.Property(a => a.Owner).HasMaxLength(200);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("referrals");
        b.HasKey(r => r.Id);
        b.Property(r => r.Reference).HasMaxLength(32);
        b.HasIndex(r => r.Reference).IsUnique();
        b.HasIndex(r => new { r.SendingOrganisationId, r.State });
        b.HasIndex(r => new { r.ReceivingOrganisationId, r.State });
        b.HasIndex(r => new { r.State, r.DeadlineAt });
        b.HasIndex(r => r.ParticipantId);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ServiceProvider>().WithMany().HasForeignKey(r => r.ServiceProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.SendingOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ReceivingOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Consent>().WithMany().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.SetNull);
        b.Property(r => r.Needs).IsEncrypted();
        b.Property(r => r.MedicalNeeds).IsEncrypted();
        b.Property(r => r.RequestedCategoryCodes).HasMaxLength(200);
        b.Property(r => r.DisclosedCategoryCodes).HasMaxLength(200);
        b.Property(r => r.ConsentOverrideReason).IsEncrypted();
        b.Property(r => r.DeclineReason).IsEncrypted();
        b.Property(r => r.WithdrawalReason).IsEncrypted();
        b.Property(r => r.VictimName).IsEncrypted();
        b.Property(r => r.VictimNameInOriginalScript).IsEncrypted();
        b.Property(r => r.VictimBirthDate).IsEncrypted();
        b.Property(r => r.VictimCitizenships).HasMaxLength(200);
        b.Property(r => r.VictimPhone).IsEncrypted();
        b.Property(r => r.CaseSummary).IsEncrypted();
        b.Property(r => r.ExploitationDetails).IsEncrypted();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasMany(r => r.History).WithOne().HasForeignKey(h => h.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.RequestedCategories);
        b.Ignore(r => r.DisclosedCategories);
        b.Ignore(r => r.IsOpen);
    }
}

internal sealed class ReferralStateChangeConfiguration : IEntityTypeConfiguration<ReferralStateChange>
{
    public void Configure(EntityTypeBuilder<ReferralStateChange> b)
    {
        b.ToTable("referral_state_changes");
        b.HasKey(h => h.Id);
        b.HasIndex(h => h.ReferralId);
        b.Property(h => h.Username).HasMaxLength(64);
    }
}
