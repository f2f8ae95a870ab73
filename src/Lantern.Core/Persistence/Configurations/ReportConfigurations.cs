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
