using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class WorkplaceConfiguration : IEntityTypeConfiguration<Workplace>
{
    public void Configure(EntityTypeBuilder<Workplace> b)
    {
        b.ToTable("workplaces");
        b.HasKey(w => w.Id);
        b.Property(w => w.Name).HasMaxLength(Workplace.MaxNameLength);
        b.Property(w => w.Province).HasMaxLength(100);
        b.Property(w => w.District).HasMaxLength(100);
        b.Property(w => w.Place).HasMaxLength(200);
        b.Property(w => w.OwnerName).IsEncrypted();
        b.Property(w => w.OperatorName).IsEncrypted();
        b.Property(w => w.RegistrationNumbers).HasMaxLength(Workplace.MaxRegistrationLength);
        b.Property(w => w.CreatedBy).HasMaxLength(64);
        b.HasIndex(w => new { w.OrganisationId, w.District });
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("inspections");
        b.HasKey(i => i.Id);
        b.Property(i => i.Reference).HasMaxLength(32);
        b.HasIndex(i => i.Reference).IsUnique();
        b.Property(i => i.Province).HasMaxLength(100);
        b.Property(i => i.District).HasMaxLength(100);
        b.Property(i => i.ChildAges).HasMaxLength(1000);
        b.Property(i => i.Findings).IsEncrypted();
        b.Property(i => i.ReleaseOrderReference).HasMaxLength(100);
        b.Property(i => i.FirNumber).HasMaxLength(64);
        b.Property(i => i.PoliceStation).HasMaxLength(200);
        b.Property(i => i.RecordedBy).HasMaxLength(64);
        b.HasIndex(i => new { i.OrganisationId, i.District, i.InspectedOn });
        b.HasIndex(i => new { i.WorkplaceId, i.InspectedOn });
        b.HasIndex(i => i.FollowUpDue);
        b.HasIndex(i => i.CaseId);
        b.HasOne(i => i.Workplace).WithMany().HasForeignKey(i => i.WorkplaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(i => i.Indicators).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(i => i.Inspectors).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Inspectors).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(i => i.ChildAgeList);
    }
}

internal sealed class InspectionIndicatorConfiguration : IEntityTypeConfiguration<InspectionIndicator>
{
    public void Configure(EntityTypeBuilder<InspectionIndicator> b)
    {
        b.ToTable("inspection_indicators");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.InspectionId, x.Indicator }).IsUnique();
        b.Property(x => x.Note).IsEncrypted();
    }
}

internal sealed class InspectionInspectorConfiguration : IEntityTypeConfiguration<InspectionInspector>
{
    public void Configure(EntityTypeBuilder<InspectionInspector> b)
    {
        b.ToTable("inspection_inspectors");
        b.HasKey(x => new { x.InspectionId, x.UserId });
        b.HasIndex(x => x.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserDistrictConfiguration : IEntityTypeConfiguration<UserDistrict>
{
    public void Configure(EntityTypeBuilder<UserDistrict> b)
    {
        b.ToTable("user_districts");
        b.HasKey(x => new { x.UserId, x.District });
        b.Property(x => x.District).HasMaxLength(100);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
