using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// Aggregate counts for analysts: cases by status and year, victims by sex/age group and form of exploitation, over
/// every year or the cases opened in a period. A victim (the resolved identity, as GLOTIP counts) counts once however
/// many cases of the period name them. Exact for users with <see cref="Permissions.StatisticsExact"/>; everyone else
/// gets each list protected as a one-way table with its total (<see cref="SmallCells"/>). No identity leaves this handler.
/// </summary>
public static class CaseStatistics
{
    /// <summary>An exact count (the routes' places).</summary>
    public sealed record Count(string Key, int Value);

    /// <summary>The counts as the actor may see them; <c>Period</c> is "all years", "2025" or "1 March 2025 to 31 August 2025".</summary>
    public sealed record Response(string Period, bool Suppressed, CountVictims.GroupCount Cases, CountVictims.GroupCount Victims, CountVictims.GroupCount Suspects,
        IReadOnlyList<CountVictims.GroupCount> ByStatus, IReadOnlyList<CountVictims.GroupCount> ByYear,
        IReadOnlyList<CountVictims.GroupCount> VictimsBySexAndAge, IReadOnlyList<CountVictims.GroupCount> VictimsByExploitation);

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        public Task<Response> Handle(Actor actor, CancellationToken ct) => Handle(actor, null, ct);

        /// <summary>The counts over the cases opened in <paramref name="period"/> (null: every year).</summary>
        public async Task<Response> Handle(Actor actor, ReportingPeriod? period, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            var cases = _db.Cases.AsNoTracking();
            if (period is not null)
            {
                var (year, from, to) = (period.From.Year, period.From, period.To);
                cases = period.IsCalendarYear ? cases.Where(c => c.OpenedYear == year) : cases.Where(c => c.OpenedOn != null && c.OpenedOn >= from && c.OpenedOn <= to);
            }
            var byStatus = await cases.GroupBy(c => c.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            var byYear = await cases.GroupBy(c => c.OpenedYear).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            var caseIds = cases.Select(c => c.Id);
            var participations = await _db.Participants.AsNoTracking().Where(p => p.Role == CaseRole.Victim && caseIds.Contains(p.CaseId))
                .Select(p => new
                {
                    Person = _db.PersonIdentityMembers.Where(m => m.PersonId == p.PersonId).Select(m => (Guid?)m.IdentityId).FirstOrDefault() ?? p.PersonId.Value,
                    p.Case.OpenedOn,
                    p.Person.Gender,
                    p.AgeWhenTrafficked,
                    p.ExploitationCodes,
                })
                .ToListAsync(ct);
            // Once per victim: the earliest opened case that records it gives sex and age; forms are the union.
            var victims = participations.GroupBy(p => p.Person).Select(g =>
            {
                var ordered = g.OrderBy(p => p.OpenedOn ?? DateOnly.MaxValue).ToList();
                return (Gender: ordered.Select(p => p.Gender).FirstOrDefault(x => x is not null), Age: ordered.Select(p => p.AgeWhenTrafficked).FirstOrDefault(a => a is not null),
                    Forms: ordered.SelectMany(p => p.ExploitationCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList());
            }).ToList();
            var suspects = await _db.Participants.Where(p => p.Role == CaseRole.Suspect && caseIds.Contains(p.CaseId)).Select(p => p.PersonId).Distinct().CountAsync(ct);
            var suppressed = !actor.Has(Permissions.StatisticsExact);
            var totalCases = byStatus.Sum(s => s.N);
            var status = Publish([.. byStatus.OrderBy(s => s.Key).Select(s => (s.Key.ToString(), s.N))], totalCases, suppressed);
            var years = Publish([.. byYear.OrderBy(y => y.Key).Select(y => (y.Key.ToString(CultureInfo.InvariantCulture), y.N))], totalCases, suppressed);
            var groups = Publish([.. victims.GroupBy(v => Group(v.Gender, v.Age)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))], victims.Count, suppressed);
            var forms = Publish([.. victims.SelectMany(v => v.Forms).GroupBy(x => x).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))],
                victims.Count, suppressed);
            var suspectCount = suppressed && suspects is > 0 and < SmallCells.Threshold ? new CountVictims.GroupCount("suspects", null, SmallCells.Small)
                : new CountVictims.GroupCount("suspects", suspects, suspects.ToString(CultureInfo.InvariantCulture));
            return new Response(period?.Label ?? "all years", suppressed, status.Total with { Group = "cases" }, groups.Total with { Group = "victims" }, suspectCount,
                status.Rows, years.Rows, groups.Rows, forms.Rows);
        }

        private static (IReadOnlyList<CountVictims.GroupCount> Rows, CountVictims.GroupCount Total) Publish(IReadOnlyList<(string Key, int N)> rows, int total, bool suppressed)
        {
            var (cells, totalCell) = suppressed ? SmallCells.OneWay([.. rows.Select(r => r.N)], total) : (SmallCells.Exact(rows.Select(r => r.N)), SmallCells.Cell.Exact(total));
            return ([.. rows.Select((r, i) => new CountVictims.GroupCount(r.Key, cells[i].Value, cells[i].Text))], new CountVictims.GroupCount("total", totalCell.Value, totalCell.Text));
        }

        /// <summary>GLOTIP groups: women, men, girls, boys (under 18 when trafficked), or unknown.</summary>
        private static string Group(Gender? gender, int? age)
        {
            var child = age is < 18;
            return gender switch
            {
                Gender.Feminine or Gender.TransgenderFeminine => age is null ? "female, age unknown" : child ? "girls" : "women",
                Gender.Masculine or Gender.TransgenderMasculine => age is null ? "male, age unknown" : child ? "boys" : "men",
                _ => "sex unknown",
            };
        }
    }
}
