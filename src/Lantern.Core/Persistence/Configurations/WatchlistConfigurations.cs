using Lantern.Core.Features.Watchlists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class WatchlistConfiguration : IEntityTypeConfiguration<Watchlist>
{
    public void Configure(EntityTypeBuilder<Watchlist> b)
    {
        b.ToTable("watchlists");
        b.HasKey(w => w.Id);
        b.Property(w => w.Name).HasMaxLength(Watchlist.MaxNameLength);
        b.Property(w => w.Purpose).HasMaxLength(Watchlist.MaxPurposeLength);
        b.HasIndex(w => w.OwnerOrganisationId);
        b.HasMany(w => w.Screeners).WithOne().HasForeignKey(s => s.WatchlistId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(w => w.Screeners).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        b.Ignore(w => w.HoldsChildren);
        b.Ignore(w => w.IsRetired);
    }
}

internal sealed class WatchlistScreenerConfiguration : IEntityTypeConfiguration<WatchlistScreener>
{
    public void Configure(EntityTypeBuilder<WatchlistScreener> b)
    {
        b.ToTable("watchlist_screeners");
        b.HasKey(s => new { s.WatchlistId, s.OrganisationId });
        b.HasIndex(s => s.OrganisationId);
    }
}

internal sealed class WatchlistItemConfiguration : IEntityTypeConfiguration<WatchlistItem>
{
    public void Configure(EntityTypeBuilder<WatchlistItem> b)
    {
        b.ToTable("watchlist_items");
        b.HasKey(i => i.Id);
        b.HasOne<Watchlist>().WithMany().HasForeignKey(i => i.WatchlistId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.WatchlistId, i.ExternalId }).IsUnique();
        b.HasIndex(i => new { i.WatchlistId, i.ListVersion });
        b.HasIndex(i => i.PersonId);
        b.Property(i => i.ExternalId).HasMaxLength(WatchlistItem.MaxExternalIdLength);
        b.Property(i => i.Name).IsEncrypted();
        b.Property(i => i.Aliases).IsEncrypted();
        b.Property(i => i.BirthDate).IsEncrypted();
        b.Property(i => i.Nationality).HasMaxLength(2);
        b.Property(i => i.NationalId).IsEncrypted();
        b.Property(i => i.Passport).IsEncrypted();
        b.Property(i => i.Reason).IsEncrypted();
        b.Ignore(i => i.Details);
        b.Ignore(i => i.AliasList);
    }
}

internal sealed class WatchlistItemVersionConfiguration : IEntityTypeConfiguration<WatchlistItemVersion>
{
    public void Configure(EntityTypeBuilder<WatchlistItemVersion> b)
    {
        b.ToTable("watchlist_item_versions");
        b.HasKey(v => v.Id);
        b.HasOne<WatchlistItem>().WithMany().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.ItemId, v.Version }).IsUnique();
        b.HasIndex(v => new { v.WatchlistId, v.ListVersion });
        b.Property(v => v.DetailsJson).IsEncrypted();
        b.Property(v => v.ChangedByName).HasMaxLength(64);
        b.Ignore(v => v.Details);
    }
}
