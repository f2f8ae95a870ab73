using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// Aggregate counts for analysts: cases by status and year, victims by sex/age group and form of exploitation.
/// No identity leaves this handler; counts below 5 would still be shown here (suppression belongs to published releases).
/// </summary>
public static class CaseStatistics
{
    public sealed record Count(string Key, int Value);

    public sealed record Response(int Cases, int Victims, int Suspects, IReadOnlyList<Count> ByStatus, IReadOnlyList<Count> ByYear, IReadOnlyList<Count> VictimsBySexAndAge, IReadOnlyList<Count> VictimsByExploitation);

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        public async Task<Response> Handle(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            var cases = _db.Cases.AsNoTracking();
            var byStatus = await cases.GroupBy(c => c.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            var byYear = await cases.GroupBy(c => c.OpenedYear).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            var victims = await _db.Participants.AsNoTracking().Where(p => p.Role == CaseRole.Victim)
                .Select(p => new { p.Person.Gender, p.AgeWhenTrafficked, p.ExploitationCodes }).ToListAsync(ct);
            var suspects = await _db.Participants.CountAsync(p => p.Role == CaseRole.Suspect, ct);
            return new Response(
                byStatus.Sum(s => s.N),
                victims.Count,
                suspects,
                byStatus.OrderBy(s => s.Key).Select(s => new Count(s.Key.ToString(), s.N)).ToList(),
                byYear.OrderBy(y => y.Key).Select(y => new Count(y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.N)).ToList(),
                victims.GroupBy(v => Group(v.Gender, v.AgeWhenTrafficked)).OrderBy(g => g.Key).Select(g => new Count(g.Key, g.Count())).ToList(),
                victims.SelectMany(v => v.ExploitationCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)).GroupBy(x => x)
                    .OrderByDescending(g => g.Count()).Select(g => new Count(g.Key, g.Count())).ToList());
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
