using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// GLOTIP breakdowns of detected victims for one year: by sex and age group, form of exploitation, citizenship,
/// organisation, province or district, optionally for one organisation's cases. Exact figures for users with
/// <see cref="Permissions.StatisticsExact"/> unless the public (suppressed) version is asked for; everyone else gets
/// the suppressed table (<see cref="SmallCells"/>). Aggregates only: no identity leaves this handler.
/// </summary>
public static class CountVictims
{
    public enum Breakdown { SexAge, Exploitation, Citizenship, Organisation, Province, District }

    public const string Unknown = "unknown";

    /// <param name="Year">Year the cases were opened.</param>
    /// <param name="By">sex-age, exploitation, citizenship, organisation, province or district.</param>
    /// <param name="Organisation">Only the cases of the organisation with this name.</param>
    /// <param name="Public">Apply small-cell suppression even for a user who may see exact figures.</param>
    public sealed record Request(int? Year, string? By, string? Organisation = null, bool Public = false);

    /// <summary>A published count: <paramref name="Value"/> is null when hidden; <paramref name="Text"/> is what to print ("12", "&lt;5" or "x").</summary>
    public sealed record GroupCount(string Group, int? Value, string Text);

    /// <param name="Year">Year the cases were opened.</param>
    /// <param name="By">The breakdown's name.</param>
    /// <param name="Organisation">The organisation whose cases were counted, or null for all the actor may see.</param>
    /// <param name="Suppressed">Whether small-cell protection was applied.</param>
    /// <param name="Rows">One row per group, in the contract's order.</param>
    /// <param name="Total">Victims counted (each once, also in multi-valued breakdowns such as forms of exploitation).</param>
    /// <param name="MultiValued">Whether a victim may count in several rows (forms, organisations), so rows may add up to more than the total.</param>
    public sealed record Response(int Year, string By, string? Organisation, bool Suppressed, bool MultiValued, IReadOnlyList<GroupCount> Rows, GroupCount Total);

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
            actor.Require(Permissions.StatisticsRead);
            var by = ParseBreakdown(request.By);
            return (await HandleAsync(actor, request.Year, [by], request.Organisation, request.Public, ct))[0];
        }

        /// <summary>Every breakdown of one year at once (the dashboard): the facts are read once and the view audited once.</summary>
        public Task<IReadOnlyList<Response>> HandleAll(Actor actor, int? year, string? organisation, bool @public, CancellationToken ct) =>
            HandleAsync(actor, ReportingPeriod.Year(ValidYear(year)), Enum.GetValues<Breakdown>(), organisation, @public, ct);

        /// <summary>Every breakdown over a period (a calendar year or any span of days): each victim counts once in it.</summary>
        public Task<IReadOnlyList<Response>> HandleAll(Actor actor, ReportingPeriod period, string? organisation, bool @public, CancellationToken ct) =>
            HandleAsync(actor, period, Enum.GetValues<Breakdown>(), organisation, @public, ct);

        private async Task<IReadOnlyList<Response>> HandleAsync(Actor actor, int? requestedYear, IReadOnlyList<Breakdown> breakdowns, string? requestedOrganisation, bool @public, CancellationToken ct)
        {
            actor.Require(Permissions.StatisticsRead);
            return await HandleAsync(actor, ReportingPeriod.Year(ValidYear(requestedYear)), breakdowns, requestedOrganisation, @public, ct);
        }

        private async Task<IReadOnlyList<Response>> HandleAsync(Actor actor, ReportingPeriod period, IReadOnlyList<Breakdown> breakdowns, string? requestedOrganisation, bool @public, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            var organisation = string.IsNullOrWhiteSpace(requestedOrganisation) ? null : requestedOrganisation.Trim();
            var organisationIds = await VictimFacts.OrganisationIdsAsync(_db, organisation, ct);
            var facts = period.IsCalendarYear
                ? await VictimFacts.LoadAsync(_db, period.From.Year, organisationIds, ct)
                : (await VictimFacts.ReadAsync(_db, period, organisationIds, ct)).Facts;
            return await TabulateAsync(actor, facts, period, breakdowns, organisation, @public, ct);
        }

        /// <summary>
        /// The breakdowns of facts the caller has read (the annual report reads a period's victims once for these and
        /// for the routes); audited as a view of every breakdown. The caller has scoped the context and resolved the organisation.
        /// </summary>
        internal async Task<IReadOnlyList<Response>> TabulateAsync(Actor actor, IReadOnlyList<VictimFact> facts, ReportingPeriod period, IReadOnlyList<Breakdown> breakdowns,
            string? organisation, bool @public, CancellationToken ct)
        {
            actor.Require(Permissions.StatisticsRead);
            var suppressed = @public || !actor.Has(Permissions.StatisticsExact);
            var when = period.IsCalendarYear ? $"year {period.From.Year}" : $"period {period.Code}";
            _audit.Add(actor, "statistics.victims", "statistics", null,
                detail: $"{when}, by {string.Join('/', breakdowns.Select(Name))}{(organisation is null ? "" : ", organisation " + organisation)}, {(suppressed ? "suppressed" : "exact")}");
            await _db.SaveChangesAsync(ct);
            return [.. breakdowns.Select(by => Tabulate(facts, period.From.Year, by, organisation, suppressed))];
        }
    }

    internal static Response Tabulate(IReadOnlyList<VictimFact> facts, int year, Breakdown by, string? organisation, bool suppressed)
    {
        var groups = Groups(facts, by);
        var total = facts.Count;
        IReadOnlyList<SmallCells.Cell> cells;
        SmallCells.Cell totalCell;
        if (suppressed)
        {
            (cells, totalCell) = SmallCells.OneWay(groups.Select(g => g.N).ToList(), total);
        }
        else
        {
            cells = SmallCells.Exact(groups.Select(g => g.N));
            totalCell = SmallCells.Cell.Exact(total);
        }
        return new Response(year, Name(by), organisation, suppressed, by is Breakdown.Exploitation or Breakdown.Organisation,
            [.. groups.Select((g, i) => new GroupCount(g.Group, cells[i].Value, cells[i].Text))],
            new GroupCount("total", totalCell.Value, totalCell.Text));
    }

    /// <summary>The rows of a breakdown in the contract's order: fixed lists in their order, open lists by count then name, unknown last.</summary>
    internal static List<(string Group, int N)> Groups(IReadOnlyList<VictimFact> facts, Breakdown by)
    {
        switch (by)
        {
            case Breakdown.SexAge:
                return [.. Enum.GetValues<AgeGroup>().Select(g => (g.ToString().ToLowerInvariant(), facts.Count(f => f.Group == g)))];
            case Breakdown.Exploitation:
                return
                [
                    .. Enum.GetValues<ExploitationForm>().Select(form => (form.ToString(), facts.Count(f => f.Forms.Contains(form)))),
                    (Unknown, facts.Count(f => f.Forms.Count == 0)),
                ];
            case Breakdown.Citizenship:
                return Open(facts.Select(f => f.Citizenship));
            case Breakdown.Organisation:
                return Open(facts.SelectMany(f => f.Organisations));
            case Breakdown.Province:
                return Open(facts.Select(f => f.Province));
            case Breakdown.District:
                return Open(facts.Select(f => f.District));
            default:
                throw new ArgumentOutOfRangeException(nameof(by));
        }
    }

    private static List<(string, int)> Open(IEnumerable<string?> values)
    {
        var list = values.ToList();
        return
        [
            .. list.Where(v => v is not null).GroupBy(v => v!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count())),
            (Unknown, list.Count(v => v is null)),
        ];
    }

    /// <summary>A year as typed at a front door (query string, option): refused naming <c>year</c> unless it is one.</summary>
    public static int? ParseYear(string? text) => string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y
        : throw new ValidationException("year", $"'{text}' is not a year (YYYY).");

    /// <summary>The public flag as typed at a front door: true/false, 1/0, yes/no, or absent (false).</summary>
    public static bool ParsePublic(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" or "no" => false,
        "true" or "1" or "yes" or "on" => true,
        _ => throw new ValidationException("public", $"'{text}' is not true or false."),
    };

    public static int ValidYear(int? year) => year is >= 1990 and <= 2100
        ? year.Value
        : throw new ValidationException("year", year is null ? "Give the year (YYYY)." : $"'{year}' is not a year between 1990 and 2100.");

    public static Breakdown ParseBreakdown(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "sex-age" => Breakdown.SexAge,
        "exploitation" => Breakdown.Exploitation,
        "citizenship" => Breakdown.Citizenship,
        "organisation" => Breakdown.Organisation,
        "province" => Breakdown.Province,
        "district" => Breakdown.District,
        null or "" => throw new ValidationException("by", "Say how to break the figures down: sex-age, exploitation, citizenship, organisation, province or district."),
        _ => throw new ValidationException("by", $"'{value}' is not a breakdown; use sex-age, exploitation, citizenship, organisation, province or district."),
    };

    public static string Name(Breakdown by) => by switch
    {
        Breakdown.SexAge => "sex-age",
        _ => by.ToString().ToLowerInvariant(),
    };
}
