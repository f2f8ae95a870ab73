using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class CatalogueVersionConfiguration : IEntityTypeConfiguration<CatalogueVersion>
{
    public void Configure(EntityTypeBuilder<CatalogueVersion> b)
    {
        b.ToTable("indicator_catalogues");
        b.HasKey(c => c.Id);
        b.Property(c => c.Label).HasMaxLength(200);
        b.Property(c => c.Version).HasMaxLength(80);
        b.Property(c => c.RuleSet).HasMaxLength(200);
        b.Property(c => c.Csv).HasMaxLength(1_000_000);
        b.Property(c => c.RulesJson).HasMaxLength(100_000);
        b.Property(c => c.ImportedByName).HasMaxLength(64);
        b.HasIndex(c => c.ImportedAt);
    }
}

internal sealed class VictimAssessmentConfiguration : IEntityTypeConfiguration<VictimAssessment>
{
    public void Configure(EntityTypeBuilder<VictimAssessment> b)
    {
        b.ToTable("assessments");
        b.HasKey(a => a.Id);
        b.HasOne(a => a.Case).WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.CaseId);
        b.HasIndex(a => a.ParticipantId);
        b.Property(a => a.AgeReason).HasMaxLength(1000);
        b.Property(a => a.CatalogueVersion).HasMaxLength(80);
        b.Property(a => a.RuleSet).HasMaxLength(200);
        b.Property(a => a.AnswersJson).IsEncrypted().HasMaxLength(200_000);
        b.Property(a => a.PositiveDimensions).HasMaxLength(1000);
        b.Property(a => a.Rule).HasMaxLength(4000);
        b.Property(a => a.CreatedByName).HasMaxLength(64);
    }
}

internal sealed class StatusDecisionConfiguration : IEntityTypeConfiguration<StatusDecision>
{
    public void Configure(EntityTypeBuilder<StatusDecision> b)
    {
        b.ToTable("status_decisions");
        b.HasKey(d => d.Id);
        b.HasOne(d => d.Case).WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.ParticipantId);
        b.HasIndex(d => d.PersonId);
        b.Property(d => d.DecidingOrganisation).HasMaxLength(200);
        b.Property(d => d.Reason).IsEncrypted();
        b.Property(d => d.RecordedByName).HasMaxLength(64);
    }
}
