using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// GLOTIP figures on offenders for one year, each by sex and citizenship (a two-way table with its totals):
/// <list type="bullet">
/// <item>suspects: persons named as suspects in a case opened in the year;</item>
/// <item>persons prosecuted: persons against whom a charge was framed in the year (Features/Prosecutions);</item>
/// <item>persons convicted: persons convicted on a charge decided in the year.</item>
/// </list>
/// A person counts once per measure and year however many cases or charges name them; confirmed duplicates count as one.
/// Suppressed (<see cref="SmallCells.TwoWay"/>) unless the actor has <see cref="Permissions.StatisticsExact"/> and did not ask for the public version.
/// </summary>
public static class CountOffenders
{
    /// <summary>The year, or a period instead (cases opened, charges framed or decided in it; the year is then ignored).</summary>
    public sealed record Request(int? Year, string? Organisation = null, bool Public = false, ReportingPeriod? Period = null);

    /// <summary>One row of a two-way table: the sex, a count per citizenship column, and the row total.</summary>
    public sealed record Line(string Group, IReadOnlyList<CountVictims.GroupCount> Cells, CountVictims.GroupCount Total);

    /// <param name="Name">suspects, prosecuted or convicted.</param>
    /// <param name="Columns">Citizenships (ISO 3166 alpha-2, then unknown).</param>
    /// <param name="Rows">female, male, unknown.</param>
    /// <param name="ColumnTotals">Per citizenship.</param>
    /// <param name="Total">Persons counted.</param>
    public sealed record Table(string Name, IReadOnlyList<string> Columns, IReadOnlyList<Line> Rows, IReadOnlyList<CountVictims.GroupCount> ColumnTotals, CountVictims.GroupCount Total);

    public sealed record Response(int Year, string? Organisation, bool Suppressed, IReadOnlyList<Table> Tables);

    internal sealed record Offender(Guid Person, string Sex, string? Citizenship);

    private sealed record Row(Guid ParticipantId, PersonId PersonId, Common.Gender? Gender, string Citizenships, Guid? IdentityId);

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
            var period = request.Period ?? ReportingPeriod.Year(CountVictims.ValidYear(request.Year));
            var year = period.From.Year;
            var (from, to) = (period.From, period.To);
            var organisation = string.IsNullOrWhiteSpace(request.Organisation) ? null : request.Organisation.Trim();
            var organisationIds = await VictimFacts.OrganisationIdsAsync(_db, organisation, ct);
            var participants = _db.Participants.AsNoTracking();
            var charges = _db.Charges.AsNoTracking();
            if (organisationIds is not null)
            {
                participants = participants.Where(p => organisationIds.Contains(p.Case.OrganisationId));
                charges = charges.Where(c => organisationIds.Contains(c.Case.OrganisationId));
            }
            var named = participants.Where(p => p.Role == CaseRole.Suspect);
            named = period.IsCalendarYear ? named.Where(p => p.Case.OpenedYear == year) : named.Where(p => p.Case.OpenedOn != null && p.Case.OpenedOn >= from && p.Case.OpenedOn <= to);
            var suspects = await named.Select(p => p.Id).ToListAsync(ct);
            var prosecuted = await charges.Where(c => c.FramedOn != null && c.FramedOn >= from && c.FramedOn <= to).Select(c => c.AccusedParticipantId).ToListAsync(ct);
            var convicted = await charges.Where(c => c.Outcome == ChargeOutcome.Convicted && c.DecidedOn != null && c.DecidedOn >= from && c.DecidedOn <= to).Select(c => c.AccusedParticipantId).ToListAsync(ct);
            var ids = suspects.Concat(prosecuted).Concat(convicted).Distinct().ToList();
            var people = (await _db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new Row(p.Id, p.PersonId, p.Person.Gender, p.Person.Citizenships,
                    _db.PersonIdentityMembers.Where(m => m.PersonId == p.PersonId).Select(m => (Guid?)m.IdentityId).FirstOrDefault()))
                .ToListAsync(ct))
                .ToDictionary(r => r.ParticipantId, r => new Offender(r.IdentityId ?? r.PersonId.Value, VictimFacts.Sex(r.Gender),
                    r.Citizenships.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()));
            List<Offender> Of(IEnumerable<Guid> participantIds) => [.. participantIds.Where(people.ContainsKey).Select(i => people[i]).DistinctBy(o => o.Person)];
            var suppressed = request.Public || !actor.Has(Permissions.StatisticsExact);
            _audit.Add(actor, "statistics.offenders", "statistics", null,
                detail: $"{(period.IsCalendarYear ? $"year {year}" : $"period {period.Code}")}{(organisation is null ? "" : ", organisation " + organisation)}, {(suppressed ? "suppressed" : "exact")}");
            await _db.SaveChangesAsync(ct);
            return new Response(year, organisation, suppressed,
                [Tabulate("suspects", Of(suspects), suppressed), Tabulate("prosecuted", Of(prosecuted), suppressed), Tabulate("convicted", Of(convicted), suppressed)]);
        }
    }

    private static readonly string[] Sexes = ["female", "male", "unknown"];

    internal static Table Tabulate(string name, IReadOnlyList<Offender> offenders, bool suppressed)
    {
        var columns = offenders.Where(o => o.Citizenship is not null).GroupBy(o => o.Citizenship!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Append(CountVictims.Unknown).ToList();
        var counts = new int[Sexes.Length, columns.Count];
        foreach (var o in offenders)
        {
            counts[Array.IndexOf(Sexes, o.Sex), columns.IndexOf(o.Citizenship ?? CountVictims.Unknown)]++;
        }
        var table = suppressed ? SmallCells.TwoWay(counts) : Exact(counts);
        CountVictims.GroupCount Show(string group, SmallCells.Cell c) => new(group, c.Value, c.Text);
        return new Table(name, columns,
            [.. Sexes.Select((s, r) => new Line(s, [.. columns.Select((col, c) => Show(col, table.Cells[r, c]))], Show(s, table.RowTotals[r])))],
            [.. columns.Select((col, c) => Show(col, table.ColumnTotals[c]))], Show("total", table.Total));
    }

    private static SmallCells.TwoWayTable Exact(int[,] counts)
    {
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var cells = new SmallCells.Cell[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[r, c] = SmallCells.Cell.Exact(counts[r, c]);
            }
        }
        return new SmallCells.TwoWayTable(cells,
            [.. Enumerable.Range(0, rows).Select(r => SmallCells.Cell.Exact(Enumerable.Range(0, columns).Sum(c => counts[r, c])))],
            [.. Enumerable.Range(0, columns).Select(c => SmallCells.Cell.Exact(Enumerable.Range(0, rows).Sum(r => counts[r, c])))],
            SmallCells.Cell.Exact(counts.Cast<int>().Sum()));
    }
}
