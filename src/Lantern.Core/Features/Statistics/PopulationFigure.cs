using Lantern.Core.Common;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// The population of an area in a year, with its source: the denominator of SDG 16.2.2 (victims per 100,000).
/// Reference data, not personal data: not scoped to an organisation. The area is a country (ISO 3166 alpha-2, the
/// national figure) or a province named as in HTCDS hte_State.
/// </summary>
public sealed class PopulationFigure
{
    public const int MaxAreaLength = 100;
    public const int MaxSourceLength = 400;

    private PopulationFigure()
    {
    }

    internal PopulationFigure(string area, int year, long population, string source)
    {
        Id = SequentialGuid.Next();
        Area = area;
        Year = year;
        Update(population, source);
    }

    public Guid Id { get; private set; }
    public string Area { get; private set; } = "";
    public int Year { get; private set; }
    public long Population { get; private set; }
    public string Source { get; private set; } = "";

    internal void Update(long population, string source)
    {
        if (population <= 0)
        {
            throw new ValidationException("population", "The population must be a positive whole number.");
        }
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ValidationException("source", "Say where the figure comes from.");
        }
        Population = population;
        Source = TextRules.FreeText(source, "source", MaxSourceLength)!;
    }
}
