using Lantern.Core.Features.Watchlists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class ScreeningProfileConfiguration : IEntityTypeConfiguration<ScreeningProfile>
{
    public void Configure(EntityTypeBuilder<ScreeningProfile> b)
    {
        b.ToTable("screening_profiles");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.OrganisationId);
        b.Property(p => p.Name).HasMaxLength(ScreeningProfile.MaxNameLength);
        b.Property(p => p.ChangedByName).HasMaxLength(64);
        b.Ignore(p => p.ListIds);
    }
}

internal sealed class ScreeningBatchConfiguration : IEntityTypeConfiguration<ScreeningBatch>
{
    public void Configure(EntityTypeBuilder<ScreeningBatch> b)
    {
        b.ToTable("screening_batches");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrganisationId, x.SubmittedAt });
        b.HasIndex(x => x.Status);
        b.Property(x => x.FileName).IsEncrypted();
        b.Property(x => x.SubmittedByName).HasMaxLength(64);
    }
}

internal sealed class ScreenedSubjectConfiguration : IEntityTypeConfiguration<ScreenedSubject>
{
    public void Configure(EntityTypeBuilder<ScreenedSubject> b)
    {
        b.ToTable("screened_subjects");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.BatchId, s.ScreenedAt });
        b.HasIndex(s => new { s.OrganisationId, s.ScreenedAt });
        b.HasIndex(s => s.ScreenedAt);
        b.HasIndex(s => new { s.OrganisationId, s.SubjectKey });
        b.Property(s => s.ExternalId).IsEncrypted();
        b.Property(s => s.Name).IsEncrypted();
        b.Property(s => s.BirthDate).IsEncrypted();
        b.Property(s => s.Nationality).HasMaxLength(2);
        b.Property(s => s.NationalId).IsEncrypted();
        b.Property(s => s.Passport).IsEncrypted();
        b.Property(s => s.SubjectKey).HasMaxLength(64);
        b.Property(s => s.Hits).IsEncrypted().HasMaxLength(200_000);
        b.Ignore(s => s.HitList);
    }
}

internal sealed class ScreeningAlertConfiguration : IEntityTypeConfiguration<ScreeningAlert>
{
    public void Configure(EntityTypeBuilder<ScreeningAlert> b)
    {
        b.ToTable("screening_alerts");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.OrganisationId, a.SubjectKey, a.ItemId }).IsUnique();
        b.HasIndex(a => new { a.OrganisationId, a.Status });
        b.HasIndex(a => new { a.AlertedOrganisationId, a.Status });
        b.HasIndex(a => a.ItemId);
        b.HasIndex(a => a.BatchId);
        b.Property(a => a.SubjectKey).HasMaxLength(64);
        b.Property(a => a.ListVersion).HasMaxLength(64);
        b.Property(a => a.AlgorithmVersion).HasMaxLength(64);
        b.Property(a => a.Explanation).IsEncrypted();
        b.Property(a => a.Reason).IsEncrypted();
        b.Property(a => a.Note).HasMaxLength(400);
        b.Property(a => a.DecidedByName).HasMaxLength(64);
        b.Ignore(a => a.IsDecided);
    }
}

internal sealed class ScreeningWatermarkConfiguration : IEntityTypeConfiguration<ScreeningWatermark>
{
    public void Configure(EntityTypeBuilder<ScreeningWatermark> b)
    {
        b.ToTable("screening_watermarks");
        b.HasKey(w => w.WatchlistId);
        b.HasOne<Watchlist>().WithMany().HasForeignKey(w => w.WatchlistId).OnDelete(DeleteBehavior.Cascade);
    }
}
