using Lantern.Core.Features.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> b)
    {
        b.ToTable("population_figures");
        b.HasKey(f => f.Id);
        b.HasIndex(f => new { f.Area, f.Year }).IsUnique();
        b.Property(f => f.Area).HasMaxLength(PopulationFigure.MaxAreaLength);
        b.Property(f => f.Source).HasMaxLength(PopulationFigure.MaxSourceLength);
    }
}

/// <summary>Indicator definitions are not personal data: nothing in them is encrypted. One row per version.</summary>
internal sealed class NapIndicatorVersionConfiguration : IEntityTypeConfiguration<NapIndicatorVersion>
{
    public void Configure(EntityTypeBuilder<NapIndicatorVersion> b)
    {
        b.ToTable("nap_indicator_versions");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.Code, v.Version }).IsUnique();
        b.Property(v => v.Code).HasMaxLength(NapIndicatorDefinition.MaxCodeLength);
        b.Property(v => v.Title).HasMaxLength(NapIndicatorDefinition.MaxTitleLength);
        b.Property(v => v.SavedBy).HasMaxLength(200);
    }
}
