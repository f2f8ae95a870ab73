using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// SDG 16.2.2: detected victims per 100,000 population for every area with a population figure for the year. A
/// country figure (ISO alpha-2) is set against all victims the actor may see; a province figure against the victims
/// exploited there. Where the victim count is suppressed, so is the rate.
/// </summary>
public static class RateVictims
{
    public sealed record Request(int? Year, bool Public = false);

    /// <param name="Area">A country (ISO alpha-2) or a province.</param>
    /// <param name="Population">The loaded figure.</param>
    /// <param name="Source">Where the figure comes from.</param>
    /// <param name="Victims">Detected victims in the area, as published.</param>
    /// <param name="Per100000">Victims per 100,000 (two decimals), or the suppression mark.</param>
    public sealed record Rate(string Area, long Population, string Source, CountVictims.GroupCount Victims, string Per100000);

    public sealed record Response(int Year, bool Suppressed, IReadOnlyList<Rate> Rates);

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
            actor.Require(Permissions.StatisticsRead);
            var year = CountVictims.ValidYear(request.Year);
            var figures = await _db.PopulationFigures.AsNoTracking().Where(f => f.Year == year).OrderBy(f => f.Area).ToListAsync(ct);
            var facts = figures.Count == 0 ? [] : await VictimFacts.LoadAsync(_db, year, null, ct);
            var suppressed = request.Public || !actor.Has(Permissions.StatisticsExact);
            _audit.Add(actor, "statistics.sdg-16.2.2", "statistics", null, detail: $"year {year}, {(suppressed ? "suppressed" : "exact")}");
            await _db.SaveChangesAsync(ct);
            return new Response(year, suppressed, [.. figures.Select(f => Compute(f, facts, suppressed))]);
        }
    }

    internal static Rate Compute(PopulationFigure figure, IReadOnlyList<VictimFact> facts, bool suppressed)
    {
        var national = figure.Area.Length == 2 && figure.Area.All(char.IsUpper);
        var victims = national ? facts.Count : facts.Count(f => string.Equals(f.Province, figure.Area, StringComparison.OrdinalIgnoreCase));
        // A rate is one cell: suppressing it alone is enough, since the population is public.
        var cell = suppressed && victims is > 0 and < SmallCells.Threshold ? new SmallCells.Cell(null, SmallCells.Mark.Small) : SmallCells.Cell.Exact(victims);
        var rate = cell.Hidden ? cell.Text : (victims * 100000.0 / figure.Population).ToString("0.00", CultureInfo.InvariantCulture);
        return new Rate(figure.Area, figure.Population, figure.Source, new CountVictims.GroupCount(figure.Area, cell.Value, cell.Text), rate);
    }
}
