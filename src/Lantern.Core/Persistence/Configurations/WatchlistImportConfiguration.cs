using Lantern.Core.Features.Watchlists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class WatchlistImportConfiguration : IEntityTypeConfiguration<WatchlistImport>
{
    public void Configure(EntityTypeBuilder<WatchlistImport> b)
    {
        b.ToTable("watchlist_imports");
        b.HasKey(i => i.Id);
        b.HasOne<Watchlist>().WithMany().HasForeignKey(i => i.WatchlistId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.WatchlistId, i.ImportedAt });
        b.Property(i => i.FileName).IsEncrypted();
        b.Property(i => i.Sha256).HasMaxLength(64);
        b.Property(i => i.ImportedByName).HasMaxLength(64);
    }
}
