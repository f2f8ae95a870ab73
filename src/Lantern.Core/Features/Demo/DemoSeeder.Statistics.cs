using Lantern.Core.Features.Statistics;
using Lantern.Core.Persistence;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// Population figures for the demo's SDG 16.2.2 table: round, synthetic numbers for the country and the provinces the
/// demo cases happen in, for the last three years of the demo. They are not census results and say so in their source.
/// </summary>
internal sealed partial class DemoSeeder
{
    public const string SyntheticPopulationSource = "SYNTHETIC demo figure (not a census result; load real figures with lantern stats population import)";

    private static readonly (string Area, long Population)[] DemoPopulation =
    [
        ("PK", 240_000_000), ("Punjab", 127_000_000), ("Sindh", 55_000_000), ("Khyber Pakhtunkhwa", 40_000_000),
        ("Balochistan", 15_000_000), ("Islamabad Capital Territory", 2_400_000),
    ];

    /// <summary>Adds the synthetic population figures; called once by <see cref="SeedDemoData"/>.</summary>
    public async Task SeedStatisticsAsync(AppDbContext db, CancellationToken ct)
    {
        for (var year = _lastDay.Year - 2; year <= _lastDay.Year; year++)
        {
            foreach (var (area, population) in DemoPopulation)
            {
                db.PopulationFigures.Add(new PopulationFigure(area, year, population, SyntheticPopulationSource));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
