using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Evidence;
using Lantern.Core.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> b)
    {
        b.ToTable("evidence_items");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.CaseId, e.Number }).IsUnique();
        b.HasOne(e => e.Case).WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Title).HasMaxLength(EvidenceItem.MaxTitleLength);
        b.Property(e => e.Description).IsEncrypted();
        b.Property(e => e.CollectedBy).HasMaxLength(100);
        b.Property(e => e.CollectedWhere).HasMaxLength(100);
        b.Property(e => e.SealNumber).HasMaxLength(64);
        b.Property(e => e.OriginalFileName).IsEncrypted();
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.RecordedBy).HasMaxLength(64);
        b.HasMany(e => e.Custody).WithOne().HasForeignKey(c => c.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Custody).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(e => e.Label);
        b.Ignore(e => e.HasFile);
        b.Ignore(e => e.CurrentHolder);
    }
}

internal sealed class CustodyTransferConfiguration : IEntityTypeConfiguration<CustodyTransfer>
{
    public void Configure(EntityTypeBuilder<CustodyTransfer> b)
    {
        b.ToTable("custody_transfers");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.EvidenceItemId, c.Sequence }).IsUnique();
        b.Property(c => c.FromName).HasMaxLength(100);
        b.Property(c => c.FromRole).HasMaxLength(100);
        b.Property(c => c.FromOrganisation).HasMaxLength(200);
        b.Property(c => c.ToName).HasMaxLength(100);
        b.Property(c => c.ToRole).HasMaxLength(100);
        b.Property(c => c.ToOrganisation).HasMaxLength(200);
        b.Property(c => c.Reason).IsEncrypted();
        b.Property(c => c.Place).HasMaxLength(100);
        b.Property(c => c.Condition).IsEncrypted();
        b.Property(c => c.SealNumber).HasMaxLength(64);
        b.Property(c => c.RecordedBy).HasMaxLength(64);
        b.Ignore(c => c.From);
        b.Ignore(c => c.To);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable(EvidenceFile.Table);
        b.HasKey(f => f.Id);
        b.HasIndex(f => new { f.EvidenceItemId, f.Variant }).IsUnique();
        b.HasOne(f => f.Item).WithMany().HasForeignKey(f => f.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.Sha256).HasMaxLength(64);
        // Data: encrypted content (nonce | ciphertext | tag), up to the configured upload limit; no length cap in the schema.
        b.Ignore(f => f.RecordKey);
    }
}

internal sealed class IntelligenceItemConfiguration : IEntityTypeConfiguration<IntelligenceItem>
{
    public void Configure(EntityTypeBuilder<IntelligenceItem> b)
    {
        b.ToTable("intelligence_items");
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.CaseId, i.Number }).IsUnique();
        b.HasOne(i => i.Case).WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Text).IsEncrypted();
        b.Property(i => i.Accuracy).HasConversion<int>();
        b.Property(i => i.HandlingConditions).IsEncrypted();
        b.Property(i => i.RecordedBy).HasMaxLength(64);
        b.Ignore(i => i.Label);
        b.Ignore(i => i.Grading);
        b.Ignore(i => i.MayLeaveOrganisation);
    }
}
