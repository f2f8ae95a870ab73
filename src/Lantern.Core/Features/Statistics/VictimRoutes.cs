using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// Origin, transit and destination flows of victims, counted from the recruitment, transit and exploitation events
/// of the cases the actor may see. A victim (the resolved identity, as GLOTIP counts) is counted once per route in the
/// period, however many of its cases name them: the first recruitment place is the origin,
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

    /// <summary>A route as published: <paramref name="Victims"/> null when hidden; <paramref name="Text"/> what to print ("12", "&lt;5", "x").</summary>
    public sealed record PublishedFlow(string Origin, string Transit, string Destination, string Scope, int? Victims, string Text);

    /// <summary>
    /// The routes as a user or a reader of a publication sees them: exact for users with exact figures, else small cells
    /// protected (<see cref="Publish"/>). <c>Transits</c> names flows without transit <see cref="Direct"/>. <c>Period</c>
    /// is "2025", "1 March 2025 to 31 August 2025" or "all years"; <c>WithRoute</c> the victims with a recorded route,
    /// each once (a victim with two routes counts in both rows); <c>WithoutRoute</c> those with no recorded place.
    /// </summary>
    public sealed record Table(Level Level, string Period, bool Suppressed, CountVictims.GroupCount WithRoute, CountVictims.GroupCount WithoutRoute,
        IReadOnlyList<PublishedFlow> Flows, IReadOnlyList<CountVictims.GroupCount> Origins, IReadOnlyList<CountVictims.GroupCount> Transits,
        IReadOnlyList<CountVictims.GroupCount> Destinations);

    /// <summary>The middle column's name for routes with no transit place.</summary>
    public const string Direct = "(direct)";

    /// <param name="Level">country, province or city.</param>
    /// <param name="Period">A calendar year or a free period (cases opened in it); null for every year.</param>
    /// <param name="Public">Suppress small cells even for a user who may see exact figures.</param>
    public sealed record Request(string? Level, ReportingPeriod? Period, bool Public = false);

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        /// <summary>The routes as the actor may see them: exact with <c>statistics.exact</c> unless public, else suppressed.</summary>
        public async Task<Table> Handle(Actor actor, Request request, CancellationToken ct)
        {
            actor.Require(Permissions.StatisticsRead);
            var chosen = ParseLevel(request.Level);
            var routes = await Handle(actor, chosen, request.Period, null, ct);
            return Publish(routes, request.Period?.Label ?? "all years", request.Public || !actor.Has(Permissions.StatisticsExact));
        }

        /// <summary>The exact routes; <c>organisations</c> (from <see cref="VictimFacts.OrganisationIdsAsync"/>) narrows to those organisations' cases.</summary>
        internal async Task<Response> Handle(Actor actor, Level level, ReportingPeriod? period, IReadOnlyCollection<OrganisationId>? organisations, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            var participants = _db.Participants.AsNoTracking().Where(p => p.Role == CaseRole.Victim);
            if (period is not null)
            {
                var (year, from, to) = (period.From.Year, period.From, period.To);
                participants = period.IsCalendarYear ? participants.Where(p => p.Case.OpenedYear == year)
                    : participants.Where(p => p.Case.OpenedOn != null && p.Case.OpenedOn >= from && p.Case.OpenedOn <= to);
            }
            if (organisations is not null)
            {
                participants = participants.Where(p => organisations.Contains(p.Case.OrganisationId));
            }
            var victims = await participants.Select(p => new
            {
                p.Id,
                p.CaseId,
                Person = _db.PersonIdentityMembers.Where(m => m.PersonId == p.PersonId).Select(m => (Guid?)m.IdentityId).FirstOrDefault() ?? p.PersonId.Value,
            }).ToListAsync(ct);
            // The cases as a subquery: a list of thousands of converted ids is slow to send and to plan (as in VictimFacts).
            var cases = participants.Select(p => p.CaseId);
            var events = await _db.Events.AsNoTracking().Where(e => cases.Contains(e.CaseId))
                .Select(e => new Place(e.CaseId, e.Type, e.Date, e.Country, e.State, e.City, e.People.Select(p => p.ParticipantId).ToList()))
                .ToListAsync(ct);
            return Compute(level, period?.IsCalendarYear == true ? period.From.Year : null, victims.Select(v => (v.Id, v.CaseId, v.Person)).ToList(), events);
        }
    }

    /// <summary>
    /// The routes as published. Suppressed: each route's count is a cell of a one-way table whose total is the victims
    /// with a route (SmallCells: 1 to 4 as "&lt;5", complements "x"); shown routes come first, largest first, then the
    /// hidden ones by name, so their place in the list says nothing of their size. A place (origin, transit, destination)
    /// is hidden whenever a route through it is hidden, so that no place's count, set against the routes, gives away a
    /// hidden route; a shown place is then the sum of shown routes. Exact: every count as it is, largest first.
    /// </summary>
    public static Table Publish(Response routes, string period, bool suppressed)
    {
        var flows = routes.Flows;
        IReadOnlyList<SmallCells.Cell> cells;
        SmallCells.Cell total;
        if (suppressed)
        {
            (cells, total) = SmallCells.OneWay([.. flows.Select(f => f.Victims)], routes.VictimsWithRoute);
        }
        else
        {
            cells = SmallCells.Exact(flows.Select(f => f.Victims));
            total = SmallCells.Cell.Exact(routes.VictimsWithRoute);
        }
        var published = flows.Select((f, i) => (Flow: f, Cell: cells[i]))
            .OrderBy(x => x.Cell.Hidden).ThenByDescending(x => x.Cell.Value ?? 0)
            .ThenBy(x => x.Flow.Origin, StringComparer.Ordinal).ThenBy(x => x.Flow.Destination, StringComparer.Ordinal).ThenBy(x => x.Flow.Transit, StringComparer.Ordinal)
            .ToList();
        List<CountVictims.GroupCount> Places(Func<Flow, string> place) =>
        [
            .. published.GroupBy(x => place(x.Flow), StringComparer.Ordinal).Select(g =>
            {
                var n = g.Sum(x => x.Flow.Victims);
                var hidden = g.Any(x => x.Cell.Hidden);
                return new CountVictims.GroupCount(g.Key, hidden ? null : n, !hidden ? n.ToString(CultureInfo.InvariantCulture) : n < SmallCells.Threshold ? SmallCells.Small : SmallCells.Withheld);
            }).OrderBy(c => c.Value is null).ThenByDescending(c => c.Value ?? 0).ThenBy(c => c.Group, StringComparer.Ordinal),
        ];
        var without = routes.VictimsWithoutRoute;
        var withoutCell = suppressed && without is > 0 and < SmallCells.Threshold
            ? new CountVictims.GroupCount("without route", null, SmallCells.Small)
            : new CountVictims.GroupCount("without route", without, without.ToString(CultureInfo.InvariantCulture));
        return new Table(routes.Level, period, suppressed, new CountVictims.GroupCount("with route", total.Value, total.Text), withoutCell,
            [.. published.Select(x => new PublishedFlow(x.Flow.Origin, x.Flow.Transit, x.Flow.Destination, x.Flow.Scope, x.Cell.Value, x.Cell.Text))],
            Places(f => f.Origin), Places(f => f.Transit.Length == 0 ? Direct : f.Transit), Places(f => f.Destination));
    }

    internal sealed record Place(CaseId CaseId, EventType Type, string? Date, string? Country, string? State, string? City, List<Guid> People);

    internal static Response Compute(Level level, int? year, IReadOnlyList<(Guid Victim, CaseId Case)> victims, IReadOnlyList<Place> events) =>
        Compute(level, year, [.. victims.Select(v => (v.Victim, v.Case, v.Victim))], events);

    /// <summary>
    /// The routes of the victim participations given: <c>Person</c> is the resolved identity, so a victim named in
    /// several cases of the period counts once per route (and once among the victims with a route), as GLOTIP counts
    /// once per period.
    /// </summary>
    internal static Response Compute(Level level, int? year, IReadOnlyList<(Guid Victim, CaseId Case, Guid Person)> victims, IReadOnlyList<Place> events)
    {
        var byCase = events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Date ?? "", StringComparer.Ordinal).ThenBy(e => e.Type).ToList());
        var routes = new HashSet<(Guid Person, string Origin, string Transit, string Destination, string Scope)>();
        var routed = new HashSet<Guid>();
        var unrouted = new HashSet<Guid>();
        foreach (var (victim, caseId, person) in victims)
        {
            var own = byCase.GetValueOrDefault(caseId, []).Where(e => e.People.Count == 0 || e.People.Contains(victim)).ToList();
            var origin = own.FirstOrDefault(e => e.Type == EventType.Recruitment);
            var destination = own.LastOrDefault(e => e.Type == EventType.Exploitation);
            if (origin is null && destination is null)
            {
                unrouted.Add(person);
                continue;
            }
            var transit = string.Join(" → ", own.Where(e => e.Type == EventType.Transit).Select(e => Name(e, level)).Distinct());
            var scope = origin?.Country is null || destination?.Country is null ? "unknown"
                : string.Equals(origin.Country, destination.Country, StringComparison.OrdinalIgnoreCase) ? "domestic" : "cross-border";
            routes.Add((person, origin is null ? Unknown : Name(origin, level), transit, destination is null ? Unknown : Name(destination, level), scope));
            routed.Add(person);
        }
        var without = unrouted.Count(p => !routed.Contains(p));
        var flows = routes.GroupBy(r => (r.Origin, r.Transit, r.Destination, r.Scope)).Select(g => new Flow(g.Key.Origin, g.Key.Transit, g.Key.Destination, g.Key.Scope, g.Count()))
            .OrderByDescending(f => f.Victims).ThenBy(f => f.Origin, StringComparer.Ordinal).ThenBy(f => f.Destination, StringComparer.Ordinal).ThenBy(f => f.Transit, StringComparer.Ordinal)
            .ToList();
        return new Response(level, year, routed.Count, without, flows,
            Counts(routes.DistinctBy(r => (r.Person, r.Origin)).Select(r => r.Origin)), Counts(routes.DistinctBy(r => (r.Person, r.Destination)).Select(r => r.Destination)));
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
