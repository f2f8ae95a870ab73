using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class SharingPartnerConfiguration : IEntityTypeConfiguration<SharingPartner>
{
    public void Configure(EntityTypeBuilder<SharingPartner> b)
    {
        b.ToTable("sharing_partners");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.OrganisationId, p.SigningKey }).IsUnique();
        b.HasIndex(p => new { p.OrganisationId, p.Name }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Name).HasMaxLength(SharingPartner.MaxNameLength);
        b.Property(p => p.SigningKey).HasMaxLength(64);
        b.Property(p => p.EncryptionKey).HasMaxLength(64);
        b.Property(p => p.RegisteredBy).HasMaxLength(64);
        b.Ignore(p => p.SigningFingerprint);
        b.Ignore(p => p.EncryptionFingerprint);
        b.Property(p => p.LinkageSecret).IsEncrypted();
        b.Ignore(p => p.HasLinkageSecret);
    }
}

internal sealed class SharingPackageConfiguration : IEntityTypeConfiguration<SharingPackage>
{
    public void Configure(EntityTypeBuilder<SharingPackage> b)
    {
        b.ToTable("sharing_packages");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.OrganisationId, p.At });
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SharingPartner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.PartnerName).HasMaxLength(SharingPartner.MaxNameLength);
        b.Property(p => p.Kind).HasMaxLength(32);
        b.Property(p => p.By).HasMaxLength(64);
        // File: the sealed package (readable only by the recipient); no length cap in the schema.
    }
}

internal sealed class SentItemConfiguration : IEntityTypeConfiguration<SentItem>
{
    public void Configure(EntityTypeBuilder<SentItem> b)
    {
        b.ToTable("sharing_sent_items");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.OrganisationId, s.OriginalId });
        b.HasOne<SharingPackage>().WithMany().HasForeignKey(s => s.PackageId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Title).IsEncrypted();
    }
}

internal sealed class ReceivedItemConfiguration : IEntityTypeConfiguration<ReceivedItem>
{
    public void Configure(EntityTypeBuilder<ReceivedItem> b)
    {
        b.ToTable("sharing_received_items");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.OrganisationId, r.PartnerId, r.OriginalId });
        b.HasOne<SharingPackage>().WithMany().HasForeignKey(r => r.PackageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SharingPartner>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.SenderName).HasMaxLength(SharingPartner.MaxNameLength);
        b.Property(r => r.Title).IsEncrypted();
        b.Property(r => r.Content).IsEncrypted();
        b.Property(r => r.HandlingConditions).IsEncrypted();
        b.Ignore(r => r.IsRevoked);
        b.Ignore(r => r.MayBePassedOn);
        b.Ignore(r => r.MayBeEvidence);
    }
}

internal sealed class EncodedPersonConfiguration : IEntityTypeConfiguration<EncodedPerson>
{
    public void Configure(EntityTypeBuilder<EncodedPerson> b)
    {
        b.ToTable("sharing_linkage_sent");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.OrganisationId, e.PartnerId, e.Reference }).IsUnique();
        b.HasOne<SharingPackage>().WithMany().HasForeignKey(e => e.PackageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Features.People.Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReceivedEncodingConfiguration : IEntityTypeConfiguration<ReceivedEncoding>
{
    public void Configure(EntityTypeBuilder<ReceivedEncoding> b)
    {
        b.ToTable("sharing_linkage_received");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.OrganisationId, e.PartnerId });
        b.HasOne<SharingPackage>().WithMany().HasForeignKey(e => e.PackageId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Reference).HasMaxLength(64);
    }
}

internal sealed class LinkagePairConfiguration : IEntityTypeConfiguration<LinkagePair>
{
    public void Configure(EntityTypeBuilder<LinkagePair> b)
    {
        b.ToTable("sharing_linkage_pairs");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.OrganisationId, p.PartnerId, p.Reference }).IsUnique();
        b.HasIndex(p => new { p.OrganisationId, p.PartnerId, p.PersonId });
        b.HasOne<SharingPartner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.PartnerName).HasMaxLength(SharingPartner.MaxNameLength);
        b.Property(p => p.PartnerReference).HasMaxLength(64);
        b.Property(p => p.AgreedBy).HasMaxLength(64);
        b.HasOne<Features.People.Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.BothAgreed);
    }
}
