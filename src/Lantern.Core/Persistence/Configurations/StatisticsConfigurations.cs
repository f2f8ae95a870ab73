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
