using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Inspections;

/// <summary>
/// One inspection as the statistics count it, with no personal data: the query the dashboard, the district map and the
/// annual report reuse (<see cref="InspectionStatistics.Handler.FactsAsync"/>).
/// </summary>
public sealed record InspectionFact(Guid InspectionId, Guid WorkplaceId, string Province, string District, WorkplaceKind Kind, DateOnly InspectedOn,
    int WorkersFound, int ChildrenFound, int WorkersReleased, bool Fir, bool VigilanceCommitteeReferral);

/// <summary>One line of the inspection statistics: a district or a sector, with its four figures as published.</summary>
public sealed record InspectionStatisticsRow(string Group, SmallCells.Cell Inspections, SmallCells.Cell WorkplacesWithChildren, SmallCells.Cell WorkersReleased, SmallCells.Cell Firs);

public sealed record InspectionStatisticsTable(string By, DateOnly? From, DateOnly? To, bool Suppressed, IReadOnlyList<InspectionStatisticsRow> Rows, InspectionStatisticsRow Total);

/// <summary>
/// Inspections, workplaces where children were found, workers released under the BLSA 1992, and FIRs, by district or by
/// sector (workplace kind), for a period. Exact for users who see the register or have statistics.exact; small cells
/// suppressed (<see cref="SmallCells"/>) for everyone else and whenever the public version is asked for.
/// </summary>
public static class InspectionStatistics
{
    public enum Breakdown { District, Sector }

    public sealed record Request(string? From = null, string? To = null, string? By = null, bool Public = false);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<InspectionStatisticsTable> Handle(Actor actor, Request request, CancellationToken ct)
        {
            var by = ParseBreakdown(request.By);
            var from = RecordInspection.ParseDate(request.From, "from");
            var to = RecordInspection.ParseDate(request.To, "to");
            if (from > to)
            {
                throw new ValidationException("to", "The end of the period is before its start.");
            }
            var facts = await FactsAsync(actor, from, to, ct);
            _audit.Add(actor, "statistics.inspections", "statistics", null, detail: $"by {by}, from {request.From}, to {request.To}, public {request.Public}");
            await _db.SaveChangesAsync(ct);
            var suppressed = request.Public || !(actor.Has(Permissions.StatisticsExact) || actor.Has(Permissions.InspectionsRead));
            return Tabulate(facts, by, from, to, suppressed);
        }

        /// <summary>The facts of the inspections the actor may see in the period (either end optional).</summary>
        public async Task<IReadOnlyList<InspectionFact>> FactsAsync(Actor actor, DateOnly? from, DateOnly? to, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            if (!actor.Has(Permissions.StatisticsRead) && !actor.Has(Permissions.InspectionsRead))
            {
                actor.Require(Permissions.StatisticsRead);
            }
            var query = _db.Inspections.AsNoTracking();
            if (from is { } f)
            {
                query = query.Where(i => i.InspectedOn >= f);
            }
            if (to is { } t)
            {
                query = query.Where(i => i.InspectedOn <= t);
            }
            return await query.Select(i => new InspectionFact(i.Id, i.WorkplaceId, i.Province, i.District, i.Kind, i.InspectedOn,
                i.WorkersFound, i.ChildrenFound, i.WorkersReleased, i.FirNumber != null, i.VigilanceCommitteeReferral)).ToListAsync(ct);
        }
    }

    public static InspectionStatisticsTable Tabulate(IReadOnlyList<InspectionFact> facts, Breakdown by, DateOnly? from, DateOnly? to, bool suppressed)
    {
        var groups = facts.GroupBy(f => by == Breakdown.District ? f.District : Codes.Kebab(f.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        int[] Measure(IEnumerable<InspectionFact> fs)
        {
            var list = fs.ToList();
            return [list.Count, list.Where(f => f.ChildrenFound > 0).Select(f => f.WorkplaceId).Distinct().Count(), list.Sum(f => f.WorkersReleased), list.Count(f => f.Fir)];
        }
        var rows = groups.Select(g => Measure(g)).ToList();
        var total = Measure(facts);
        var columns = Enumerable.Range(0, 4).Select(c =>
        {
            var counts = rows.Select(r => r[c]).ToList();
            return suppressed ? SmallCells.OneWay(counts, total[c]) : (counts.Select(SmallCells.Cell.Exact).ToList(), SmallCells.Cell.Exact(total[c]));
        }).ToList();
        var table = groups.Select((g, r) => new InspectionStatisticsRow(g.Key, columns[0].Item1[r], columns[1].Item1[r], columns[2].Item1[r], columns[3].Item1[r])).ToList();
        return new InspectionStatisticsTable(by == Breakdown.District ? "district" : "sector", from, to, suppressed, table,
            new InspectionStatisticsRow("Total", columns[0].Item2, columns[1].Item2, columns[2].Item2, columns[3].Item2));
    }

    public static Breakdown ParseBreakdown(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "district" => Breakdown.District,
        "sector" or "kind" => Breakdown.Sector,
        _ => throw new ValidationException("by", $"'{value}' is not a breakdown; use district or sector."),
    };

    /// <summary>The table as CSV (UTF-8, comma-separated, header line), cells as published.</summary>
    public static string ToCsv(InspectionStatisticsTable t)
    {
        var b = new System.Text.StringBuilder();
        b.Append(t.By).Append(",inspections,workplaces_with_children,workers_released,firs\n");
        foreach (var r in t.Rows.Append(t.Total))
        {
            b.Append(Quote(r.Group)).Append(',').Append(r.Inspections.Text).Append(',').Append(r.WorkplacesWithChildren.Text).Append(',')
                .Append(r.WorkersReleased.Text).Append(',').Append(r.Firs.Text).Append('\n');
        }
        return b.ToString();
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 || s.StartsWith('=') || s.StartsWith('+') || s.StartsWith('-') || s.StartsWith('@')
        ? "\"" + (s.StartsWith('=') || s.StartsWith('+') || s.StartsWith('-') || s.StartsWith('@') ? "'" : "") + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : s;
}
