using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// Loads population figures (CSV <c>area,year,population,source</c>) for SDG 16.2.2. A figure for an area and year
/// already loaded is replaced. All rows are checked before any is saved: nothing half-written.
/// </summary>
public static class ImportPopulation
{
    public static readonly IReadOnlyList<string> Header = ["area", "year", "population", "source"];

    /// <param name="Rows">The CSV rows, header first.</param>
    public sealed record Request(IReadOnlyList<string[]> Rows);

    public sealed record Response(int Added, int Replaced);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsPopulationManage);
            if (request.Rows.Count == 0 || !request.Rows[0].Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(Header))
            {
                throw new ValidationException("file", "The first line must be: area,year,population,source.");
            }
            var parsed = request.Rows.Skip(1).Select((row, i) => Parse(row, i + 2)).ToList();
            var duplicate = parsed.GroupBy(p => (p.Area.ToUpperInvariant(), p.Year)).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ValidationException("file", $"{duplicate.First().Area} {duplicate.Key.Year} is given twice.");
            }
            var years = parsed.Select(p => p.Year).Distinct().ToList();
            var existing = await _db.PopulationFigures.Where(f => years.Contains(f.Year)).ToListAsync(ct);
            var replaced = 0;
            foreach (var p in parsed)
            {
                var known = existing.FirstOrDefault(f => f.Year == p.Year && string.Equals(f.Area, p.Area, StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    _db.PopulationFigures.Add(new PopulationFigure(p.Area, p.Year, p.Population, p.Source));
                }
                else
                {
                    known.Update(p.Population, p.Source);
                    replaced++;
                }
            }
            _audit.Add(actor, "statistics.population-import", "population", null, detail: $"{parsed.Count - replaced} added, {replaced} replaced");
            await _db.SaveChangesAsync(ct);
            return new Response(parsed.Count - replaced, replaced);
        }
    }

    private sealed record Row(string Area, int Year, long Population, string Source);

    private static Row Parse(string[] row, int line)
    {
        if (row.Length != 4)
        {
            throw new ValidationException("file", $"line {line}: expected 4 cells (area,year,population,source), found {row.Length}.");
        }
        var area = row[0].Trim();
        if (area.Length is 0 or > PopulationFigure.MaxAreaLength)
        {
            throw new ValidationException("area", $"line {line}: give the area (a country code or a province), at most {PopulationFigure.MaxAreaLength} characters.");
        }
        if (!int.TryParse(row[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
        {
            throw new ValidationException("year", $"line {line}: '{row[1]}' is not a year.");
        }
        if (!long.TryParse(row[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var population) || population <= 0)
        {
            throw new ValidationException("population", $"line {line}: '{row[2]}' is not a positive whole number.");
        }
        if (string.IsNullOrWhiteSpace(row[3]))
        {
            throw new ValidationException("source", $"line {line}: say where the figure comes from.");
        }
        return new Row(area, year, population, row[3].Trim());
    }
}
