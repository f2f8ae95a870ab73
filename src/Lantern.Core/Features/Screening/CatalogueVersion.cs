using System.Collections.Concurrent;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// An indicator catalogue (and the combination rules used with it) as imported by an administrator. The newest
/// import is the one new assessments use; every assessment keeps the version it was made with, so older
/// assessments replay with the weights they were made under. The bundled catalogue is the current one until the
/// first import.
/// </summary>
public sealed class CatalogueVersion
{
    private CatalogueVersion()
    {
    }

    internal CatalogueVersion(IndicatorScreening screening, string csv, string rulesJson, DateTime importedAt, UserId importedBy, string importedByName)
    {
        Id = SequentialGuid.Next();
        Label = screening.Catalogue.Label;
        Version = screening.Catalogue.Version;
        RuleSet = screening.Rules.Name;
        Csv = csv;
        RulesJson = rulesJson;
        ImportedAt = importedAt;
        ImportedById = importedBy;
        ImportedByName = importedByName;
    }

    public Guid Id { get; private set; }
    public string Label { get; private set; } = "";

    /// <summary>The catalogue's content hash (<see cref="IndicatorCatalogue.Version"/>).</summary>
    public string Version { get; private set; } = "";
    public string RuleSet { get; private set; } = "";
    public string Csv { get; private set; } = "";
    public string RulesJson { get; private set; } = "";
    public DateTime ImportedAt { get; private set; }
    public UserId ImportedById { get; private set; }
    public string ImportedByName { get; private set; } = "";
}

/// <summary>Finds the screening (catalogue + rules) in force, or the one an assessment was made with. Parsed versions are cached.</summary>
internal static class Catalogues
{
    private static readonly ConcurrentDictionary<(string Version, string RuleSet), IndicatorScreening> Parsed = new();

    public static async Task<IndicatorScreening> CurrentAsync(AppDbContext db, CancellationToken ct)
    {
        var newest = await db.CatalogueVersions.AsNoTracking().OrderByDescending(c => c.ImportedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        return newest is null ? IndicatorScreening.Bundled : Load(newest);
    }

    public static async Task<IndicatorScreening> ForAsync(AppDbContext db, string version, string ruleSet, CancellationToken ct)
    {
        var bundled = IndicatorScreening.Bundled;
        if (bundled.Catalogue.Version == version && bundled.Rules.Name == ruleSet)
        {
            return bundled;
        }
        if (Parsed.TryGetValue((version, ruleSet), out var cached))
        {
            return cached;
        }
        var stored = await db.CatalogueVersions.AsNoTracking().Where(c => c.Version == version && c.RuleSet == ruleSet)
            .OrderByDescending(c => c.ImportedAt).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"The indicator catalogue {version}");
        return Load(stored);
    }

    private static IndicatorScreening Load(CatalogueVersion stored) =>
        Parsed.GetOrAdd((stored.Version, stored.RuleSet), _ => new IndicatorScreening(
            IndicatorCatalogue.Parse(stored.Csv, stored.Label),
            CombinationRules.Parse(stored.RulesJson, stored.RuleSet)));
}
