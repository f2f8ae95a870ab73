using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// Origin, transit and destination flows of victims, counted from the recruitment, transit and exploitation events
/// of the cases the actor may see. A victim is counted once per route: the first recruitment place is the origin,
/// the last exploitation place the destination, transit places in date order between. An event that names nobody
/// applies to every victim of its case. Aggregates only: no identities leave this handler.
/// </summary>
public static class VictimRoutes
{
    public enum Level { Country, Province, City }

    /// <param name="Origin">Where the victim was recruited, at the chosen level.</param>
    /// <param name="Transit">Transit places in date order ("A → B"), empty when none.</param>
    /// <param name="Destination">Where the victim was exploited.</param>
    /// <param name="Scope">"domestic" when origin and destination are in the same country, else "cross-border"; "unknown" when either is missing.</param>
    /// <param name="Victims">Victims who took this route.</param>
    public sealed record Flow(string Origin, string Transit, string Destination, string Scope, int Victims);

    public sealed record Response(Level Level, int? Year, int VictimsWithRoute, int VictimsWithoutRoute, IReadOnlyList<Flow> Flows,
        IReadOnlyList<CaseStatistics.Count> Origins, IReadOnlyList<CaseStatistics.Count> Destinations);

    public const string Unknown = "(unknown)";

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        public Task<Response> Handle(Actor actor, string? level, int? year, CancellationToken ct) => Handle(actor, level, year, null, ct);

        /// <summary>The routes; <c>organisations</c> (from <see cref="VictimFacts.OrganisationIdsAsync"/>) narrows to those organisations' cases, as the annual report's scope.</summary>
        public async Task<Response> Handle(Actor actor, string? level, int? year, IReadOnlyCollection<OrganisationId>? organisations, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            var chosen = ParseLevel(level);
            var participants = _db.Participants.AsNoTracking().Where(p => p.Role == CaseRole.Victim && (year == null || p.Case.OpenedYear == year));
            if (organisations is not null)
            {
                participants = participants.Where(p => organisations.Contains(p.Case.OrganisationId));
            }
            var victims = await participants.Select(p => new { p.Id, p.CaseId }).ToListAsync(ct);
            var caseIds = victims.Select(v => v.CaseId).Distinct().ToList();
            var events = await _db.Events.AsNoTracking().Where(e => caseIds.Contains(e.CaseId))
                .Select(e => new Place(e.CaseId, e.Type, e.Date, e.Country, e.State, e.City, e.People.Select(p => p.ParticipantId).ToList()))
                .ToListAsync(ct);
            return Compute(chosen, year, victims.Select(v => (v.Id, v.CaseId)).ToList(), events);
        }
    }

    internal sealed record Place(CaseId CaseId, EventType Type, string? Date, string? Country, string? State, string? City, List<Guid> People);

    internal static Response Compute(Level level, int? year, IReadOnlyList<(Guid Victim, CaseId Case)> victims, IReadOnlyList<Place> events)
    {
        var byCase = events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Date ?? "", StringComparer.Ordinal).ThenBy(e => e.Type).ToList());
        var routes = new List<(string Origin, string Transit, string Destination, string Scope)>();
        var without = 0;
        foreach (var (victim, caseId) in victims)
        {
            var own = byCase.GetValueOrDefault(caseId, []).Where(e => e.People.Count == 0 || e.People.Contains(victim)).ToList();
            var origin = own.FirstOrDefault(e => e.Type == EventType.Recruitment);
            var destination = own.LastOrDefault(e => e.Type == EventType.Exploitation);
            if (origin is null && destination is null)
            {
                without++;
                continue;
            }
            var transit = string.Join(" → ", own.Where(e => e.Type == EventType.Transit).Select(e => Name(e, level)).Distinct());
            var scope = origin?.Country is null || destination?.Country is null ? "unknown"
                : string.Equals(origin.Country, destination.Country, StringComparison.OrdinalIgnoreCase) ? "domestic" : "cross-border";
            routes.Add((origin is null ? Unknown : Name(origin, level), transit, destination is null ? Unknown : Name(destination, level), scope));
        }
        var flows = routes.GroupBy(r => r).Select(g => new Flow(g.Key.Origin, g.Key.Transit, g.Key.Destination, g.Key.Scope, g.Count()))
            .OrderByDescending(f => f.Victims).ThenBy(f => f.Origin, StringComparer.Ordinal).ThenBy(f => f.Destination, StringComparer.Ordinal).ThenBy(f => f.Transit, StringComparer.Ordinal)
            .ToList();
        return new Response(level, year, routes.Count, without, flows, Counts(routes.Select(r => r.Origin)), Counts(routes.Select(r => r.Destination)));
    }

    private static List<CaseStatistics.Count> Counts(IEnumerable<string> places) =>
        places.GroupBy(p => p).Select(g => new CaseStatistics.Count(g.Key, g.Count())).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    /// <summary>The place at the chosen level: "PK"; "Punjab, PK"; "Kasur, Punjab".</summary>
    private static string Name(Place e, Level level) => level switch
    {
        Level.Country => e.Country ?? Unknown,
        Level.Province => e.State is null ? e.Country ?? Unknown : $"{e.State}, {e.Country ?? "?"}",
        Level.City => e.City is null ? (e.State is null ? e.Country ?? Unknown : $"{e.State}, {e.Country ?? "?"}") : $"{e.City}, {e.State ?? e.Country ?? "?"}",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static Level ParseLevel(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "country" => Level.Country,
        "province" => Level.Province,
        "city" => Level.City,
        _ => throw new ValidationException("level", $"'{value}' is not a level; use country, province or city."),
    };
}
