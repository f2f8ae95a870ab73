using Lantern.Core.Features.Duplicates;
using Lantern.Core.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> b)
    {
        b.ToTable("duplicate_candidates");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.LeftPersonId, c.RightPersonId }).IsUnique();
        b.HasIndex(c => c.RightPersonId);
        b.HasIndex(c => new { c.Status, c.Probability });
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.LeftPersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.RightPersonId).OnDelete(DeleteBehavior.Cascade);
        // Levels and weights only, but "same CNIC, different birth date" still says something about two people.
        b.Property(c => c.Explanation).IsEncrypted();
        b.Property(c => c.AlgorithmVersion).HasMaxLength(64);
        b.Property(c => c.DecidedByName).HasMaxLength(64);
        b.Property(c => c.Reason).IsEncrypted();
        b.Ignore(c => c.IsDecided);
    }
}

internal sealed class PersonIdentityMemberConfiguration : IEntityTypeConfiguration<PersonIdentityMember>
{
    public void Configure(EntityTypeBuilder<PersonIdentityMember> b)
    {
        b.ToTable("person_identity_members");
        b.HasKey(m => m.PersonId);
        b.HasIndex(m => m.IdentityId);
        b.HasOne<Person>().WithOne().HasForeignKey<PersonIdentityMember>(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonLinkRequestConfiguration : IEntityTypeConfiguration<PersonLinkRequest>
{
    public void Configure(EntityTypeBuilder<PersonLinkRequest> b)
    {
        b.ToTable("person_link_requests");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.PersonId);
    }
}

internal sealed class LinkageParametersConfiguration : IEntityTypeConfiguration<LinkageParameters>
{
    public void Configure(EntityTypeBuilder<LinkageParameters> b)
    {
        b.ToTable("linkage_parameters");
        b.HasKey(p => p.Id);
        b.Property(p => p.AlgorithmVersion).HasMaxLength(64);
        b.Property(p => p.Json).HasMaxLength(100_000);
        b.HasIndex(p => p.TrainedAt);
    }
}
