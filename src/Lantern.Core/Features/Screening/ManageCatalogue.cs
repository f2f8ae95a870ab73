using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// The indicator catalogue in force: see it (with each row's strength and verification), and, as an administrator,
/// import a corrected version (for example one that sets the strength of rows still marked unverified).
/// New assessments use the newest import; existing ones keep theirs.
/// </summary>
public static class ManageCatalogue
{
    public sealed record ImportRequest(string? Csv, string? Label, string? RulesJson);

    public sealed record VersionView(string Label, string Version, string RuleSet, DateTime? ImportedAt, string ImportedBy, bool Current);

    public sealed record CatalogueView(string Label, string Version, string RuleSet, IReadOnlyList<Indicator> Indicators, IReadOnlyList<VersionView> Versions);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<CatalogueView> CurrentAsync(Actor actor, CancellationToken ct)
        {
            actor.Require(Permissions.ScreeningAssess);
            var screening = await Catalogues.CurrentAsync(_db, ct);
            var stored = await _db.CatalogueVersions.AsNoTracking().OrderByDescending(c => c.ImportedAt).ThenByDescending(c => c.Id)
                .Select(c => new { c.Label, c.Version, c.RuleSet, c.ImportedAt, c.ImportedByName }).ToListAsync(ct);
            var versions = stored.Select((c, i) => new VersionView(c.Label, c.Version, c.RuleSet, c.ImportedAt, c.ImportedByName, i == 0)).ToList();
            versions.Add(new VersionView(IndicatorScreening.Bundled.Catalogue.Label, IndicatorScreening.Bundled.Catalogue.Version, IndicatorScreening.Bundled.Rules.Name, null, "bundled with Lantern", stored.Count == 0));
            return new CatalogueView(screening.Catalogue.Label, screening.Catalogue.Version, screening.Rules.Name, screening.Catalogue.Rows, versions);
        }

        public async Task<VersionView> ImportAsync(Actor actor, ImportRequest request, CancellationToken ct)
        {
            actor.Require(Permissions.ScreeningCatalogueManage);
            if (string.IsNullOrWhiteSpace(request.Csv))
            {
                throw new ValidationException("csv", "Give the catalogue as CSV (population,exploitation,dimension,indicator,strength,verification).");
            }
            var label = TextRules.Name(request.Label, "label", 200) ?? throw new ValidationException("label", "Name this catalogue version, e.g. 'ILO/EC 2009, strengths checked against WCMS_105023'.");
            var catalogue = IndicatorCatalogue.Parse(request.Csv, label);
            var rulesJson = string.IsNullOrWhiteSpace(request.RulesJson) ? IndicatorCatalogue.ReadResource("combination_rules_reading_a.json") : request.RulesJson;
            var rules = CombinationRules.Parse(rulesJson, "rules");
            var screening = new IndicatorScreening(catalogue, rules);
            var now = _clock.GetUtcNow().UtcDateTime;
            var version = new CatalogueVersion(screening, request.Csv, rulesJson, now, actor.UserId, actor.Username);
            _db.CatalogueVersions.Add(version);
            _audit.Add(actor, "screening.catalogue-import", "indicator-catalogue", version.Id.ToString(), detail: $"{version.Version}; {catalogue.Rows.Count} indicators; rules {rules.Name}");
            await _db.SaveChangesAsync(ct);
            return new VersionView(version.Label, version.Version, version.RuleSet, version.ImportedAt, version.ImportedByName, true);
        }
    }
}
