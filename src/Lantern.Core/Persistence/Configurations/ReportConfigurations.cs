using Lantern.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

/// <summary>The release log holds no victim data (counts, parameters, a hash), so nothing in it is encrypted.</summary>
internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> b)
    {
        b.ToTable("releases");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.OrganisationId, r.CreatedAt });
        b.Property(r => r.Kind).HasMaxLength(32);
        b.Property(r => r.Username).HasMaxLength(200);
        b.Property(r => r.Organisation).HasMaxLength(200);
        b.Property(r => r.Generalisation).HasMaxLength(Release.MaxTextLength);
        b.Property(r => r.Sha256).HasMaxLength(64);
    }
}

/// <summary>One template per organisation; its text is free text, so encrypted.</summary>
internal sealed class AnnualReportTemplateConfiguration : IEntityTypeConfiguration<AnnualReportTemplate>
{
    public void Configure(EntityTypeBuilder<AnnualReportTemplate> b)
    {
        b.ToTable("annual_report_templates");
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.OrganisationId).IsUnique();
        b.Property(t => t.Text).IsEncrypted();
        b.Property(t => t.UpdatedBy).HasMaxLength(200);
    }
}
