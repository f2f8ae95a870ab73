using Lantern.Core.Features.Networks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class CaseRelationConfiguration : IEntityTypeConfiguration<CaseRelation>
{
    public void Configure(EntityTypeBuilder<CaseRelation> b)
    {
        b.ToTable("case_relations");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.CaseId);
        b.HasIndex(r => r.FromKey);
        b.HasIndex(r => r.ToKey);
        b.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.FromValue).IsEncrypted();
        b.Property(r => r.ToValue).IsEncrypted();
        b.Property(r => r.FromKey).HasMaxLength(64);
        b.Property(r => r.ToKey).HasMaxLength(64);
        b.Property(r => r.Note).IsEncrypted();
        b.Property(r => r.RecordedBy).HasMaxLength(64);
    }
}
