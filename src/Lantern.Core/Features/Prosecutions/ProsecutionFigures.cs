using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// Aggregate prosecution figures for analysts and dashboards: the funnel from complaint to conviction, conviction
/// rates per offence, median days per stage, the oldest open cases (reference and age only) and how many victims
/// were awarded compensation. No names, no free text.
/// </summary>
public static class ProsecutionFigures
{
    /// <summary>Proceedings reaching each stage, by year of the first stage, owning organisation, province, police station or circle, and offence.</summary>
    public sealed record FunnelRow(int Year, string Organisation, string Province, string Circle, string Offence, int Complaints, int Firs, int Challans, int Trials, int Convictions);

    public sealed record ConvictionRate(string Offence, int Charges, int Decided, int Convicted, double? Rate);

    public sealed record StageDuration(ProceedingStage Stage, int Completed, double? MedianDays);

    public sealed record OpenCase(string CaseReference, ProceedingStage? Stage, int AgeDays);

    /// <param name="Funnel">One row per offence charged: a proceeding with two offences counts in both rows.</param>
    /// <param name="FunnelByProceeding">The same without the offence (Offence is "(all)"): each proceeding once, for totals.</param>
    /// <param name="ConvictionRates">Per offence: charges, charges decided, convictions.</param>
    /// <param name="MedianDaysPerStage">Median days each completed stage took.</param>
    /// <param name="OldestOpen">The ten oldest proceedings not yet concluded: case reference and age only.</param>
    /// <param name="VictimsWithCompensation">Victims named in at least one compensation order (CrPC s.545).</param>
    public sealed record Response(
        IReadOnlyList<FunnelRow> Funnel,
        IReadOnlyList<FunnelRow> FunnelByProceeding,
        IReadOnlyList<ConvictionRate> ConvictionRates,
        IReadOnlyList<StageDuration> MedianDaysPerStage,
        IReadOnlyList<OpenCase> OldestOpen,
        int VictimsWithCompensation);

    public const string NoCharge = "(no charge)";
    public const string Unknown = "(unknown)";
    public const string AllOffences = "(all)";

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, TimeProvider clock)
        {
            _db = db;
            _clock = clock;
        }

        public async Task<Response> Handle(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            var today = ProsecutionAccess.Today(_clock.GetUtcNow().UtcDateTime);
            var proceedings = await _db.Proceedings.AsNoTracking().Include(p => p.Stages).Include(p => p.Charges).ThenInclude(c => c.Compensation).AsSplitQuery().ToListAsync(ct);
            var caseIds = proceedings.Select(p => p.CaseId).ToList();
            var cases = await _db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Reference, c.OrganisationId }).ToListAsync(ct);
            var organisationIds = cases.Select(c => c.OrganisationId).Distinct().ToList();
            var organisationNames = await _db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var references = cases.ToDictionary(c => c.Id, c => c.Reference);
            var organisations = cases.ToDictionary(c => c.Id, c => organisationNames.GetValueOrDefault(c.OrganisationId, Unknown));
            var provinces = (await _db.Events.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.State != null).Select(e => new { e.CaseId, e.Type, e.State }).ToListAsync(ct))
                .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Type == EventType.Exploitation ? 0 : 1).First().State!);
            return Compute(proceedings, references, provinces, today, organisations);
        }

        /// <summary>
        /// The funnel by proceeding for the proceedings whose first stage fell in <paramref name="period"/> (the annual
        /// report): the same rows as <see cref="Response.FunnelByProceeding"/> of those proceedings, reading only them.
        /// </summary>
        internal async Task<List<FunnelRow>> FunnelAsync(Actor actor, ReportingPeriod period, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            var (from, to) = (period.From, period.To);
            // A proceeding whose first stage fell in the period has a stage in it; the first stage is checked below.
            var proceedings = (await _db.Proceedings.AsNoTracking().Where(p => p.Stages.Any(s => s.StartedOn >= from && s.StartedOn <= to))
                .Include(p => p.Stages).Include(p => p.Charges).ThenInclude(c => c.Compensation).AsSplitQuery().ToListAsync(ct))
                .Where(p => period.Contains(p.Stages.Min(s => s.StartedOn))).ToList();
            var caseIds = proceedings.Select(p => p.CaseId).Distinct().ToList();
            var cases = await _db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.OrganisationId }).ToListAsync(ct);
            var organisationIds = cases.Select(c => c.OrganisationId).Distinct().ToList();
            var organisationNames = await _db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var organisations = cases.ToDictionary(c => c.Id, c => organisationNames.GetValueOrDefault(c.OrganisationId, Unknown));
            var provinces = (await _db.Events.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.State != null).Select(e => new { e.CaseId, e.Type, e.State }).ToListAsync(ct))
                .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Type == EventType.Exploitation ? 0 : 1).First().State!);
            return [.. Compute(proceedings, new Dictionary<CaseId, string>(), provinces, period.To, organisations).FunnelByProceeding];
        }
    }

    internal static Response Compute(IReadOnlyList<Proceeding> proceedings, IReadOnlyDictionary<CaseId, string> references, IReadOnlyDictionary<CaseId, string> provinces, DateOnly today,
        IReadOnlyDictionary<CaseId, string>? organisations = null)
    {
        var rows = new List<FunnelKey>();
        var byProceeding = new List<FunnelKey>();
        foreach (var p in proceedings.Where(p => p.Stages.Count > 0))
        {
            var key = new FunnelKey(p.Stages.Min(s => s.StartedOn).Year, organisations?.GetValueOrDefault(p.CaseId, Unknown) ?? Unknown,
                provinces.GetValueOrDefault(p.CaseId, Unknown), p.Stage(ProceedingStage.FirRegistered)?.PoliceStation ?? Unknown, AllOffences, p);
            byProceeding.Add(key);
            rows.AddRange(p.Charges.Select(Offence).Distinct().DefaultIfEmpty(NoCharge).Select(o => key with { Offence = o }));
        }
        var funnel = Funnel(rows);
        var charges = proceedings.SelectMany(p => p.Charges).ToList();
        var rates = charges.GroupBy(Offence).Select(g =>
        {
            var decided = g.Count(c => c.Outcome != ChargeOutcome.Pending);
            var convicted = g.Count(c => c.Outcome == ChargeOutcome.Convicted);
            return new ConvictionRate(g.Key, g.Count(), decided, convicted, decided == 0 ? null : Math.Round((double)convicted / decided, 3));
        }).OrderBy(r => r.Offence, StringComparer.Ordinal).ToList();
        var medians = Enum.GetValues<ProceedingStage>().Select(stage =>
        {
            var days = proceedings.SelectMany(p => p.Stages).Where(s => s.Stage == stage && s.CompletedOn is not null).Select(s => s.DaysTaken(today)).Order().ToList();
            return new StageDuration(stage, days.Count, Median(days));
        }).ToList();
        var oldest = proceedings.Where(p => p.Stages.Count > 0 && !p.IsConcluded)
            .Select(p => new OpenCase(references.GetValueOrDefault(p.CaseId, "?"), p.Current?.Stage, today.DayNumber - p.Stages.Min(s => s.StartedOn).DayNumber))
            .OrderByDescending(o => o.AgeDays).ThenBy(o => o.CaseReference, StringComparer.Ordinal).Take(10).ToList();
        var compensated = charges.SelectMany(c => c.Compensation).Select(o => o.VictimParticipantId).Distinct().Count();
        return new Response(funnel, Funnel(byProceeding), rates, medians, oldest, compensated);
    }

    private sealed record FunnelKey(int Year, string Organisation, string Province, string Circle, string Offence, Proceeding P);

    /// <summary>
    /// Counts the proceedings that reached each stage. Every proceeding counts as a complaint: one that began with the
    /// FIR began with the first information. A conviction counts under the offence convicted of.
    /// </summary>
    private static List<FunnelRow> Funnel(List<FunnelKey> rows) =>
        rows.GroupBy(r => (r.Year, r.Organisation, r.Province, r.Circle, r.Offence))
            .Select(g => new FunnelRow(g.Key.Year, g.Key.Organisation, g.Key.Province, g.Key.Circle, g.Key.Offence,
                g.Count(),
                g.Count(r => r.P.Stage(ProceedingStage.FirRegistered) is not null),
                g.Count(r => r.P.Stage(ProceedingStage.FinalReport) is not null),
                g.Count(r => r.P.Stage(ProceedingStage.Trial) is not null),
                g.Count(r => r.P.Charges.Any(c => c.Outcome == ChargeOutcome.Convicted && (r.Offence is NoCharge or AllOffences || Offence(c) == r.Offence)))))
            .OrderBy(f => f.Year).ThenBy(f => f.Organisation, StringComparer.Ordinal).ThenBy(f => f.Province, StringComparer.Ordinal)
            .ThenBy(f => f.Circle, StringComparer.Ordinal).ThenBy(f => f.Offence, StringComparer.Ordinal)
            .ToList();

    private static string Offence(Charge c) => $"{c.Instrument} s.{c.Section}";

    private static double? Median(List<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
