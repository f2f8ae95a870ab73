using Lantern.Core.Common;
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
    public sealed record FunnelRow(int Year, string Province, string Circle, string Offence, int Complaints, int Firs, int Challans, int Trials, int Convictions);

    public sealed record ConvictionRate(string Offence, int Charges, int Decided, int Convicted, double? Rate);

    public sealed record StageDuration(ProceedingStage Stage, int Completed, double? MedianDays);

    public sealed record OpenCase(string CaseReference, ProceedingStage? Stage, int AgeDays);

    public sealed record Response(
        IReadOnlyList<FunnelRow> Funnel,
        IReadOnlyList<ConvictionRate> ConvictionRates,
        IReadOnlyList<StageDuration> MedianDaysPerStage,
        IReadOnlyList<OpenCase> OldestOpen,
        int VictimsWithCompensation);

    public const string NoCharge = "(no charge)";
    public const string Unknown = "(unknown)";

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
            var references = await _db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Reference }).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
            var provinces = (await _db.Events.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.State != null).Select(e => new { e.CaseId, e.Type, e.State }).ToListAsync(ct))
                .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Type == EventType.Exploitation ? 0 : 1).First().State!);
            return Compute(proceedings, references, provinces, today);
        }
    }

    internal static Response Compute(IReadOnlyList<Proceeding> proceedings, IReadOnlyDictionary<CaseId, string> references, IReadOnlyDictionary<CaseId, string> provinces, DateOnly today)
    {
        var rows = new List<(int Year, string Province, string Circle, string Offence, Proceeding P)>();
        foreach (var p in proceedings.Where(p => p.Stages.Count > 0))
        {
            var year = p.Stages.Min(s => s.StartedOn).Year;
            var province = provinces.GetValueOrDefault(p.CaseId, Unknown);
            var circle = p.Stage(ProceedingStage.FirRegistered)?.PoliceStation ?? Unknown;
            var offences = p.Charges.Select(Offence).Distinct().DefaultIfEmpty(NoCharge);
            rows.AddRange(offences.Select(o => (year, province, circle, o, p)));
        }
        var funnel = rows.GroupBy(r => (r.Year, r.Province, r.Circle, r.Offence))
            .Select(g => new FunnelRow(g.Key.Year, g.Key.Province, g.Key.Circle, g.Key.Offence,
                g.Count(r => r.P.Stage(ProceedingStage.ComplaintReceived) is not null),
                g.Count(r => r.P.Stage(ProceedingStage.FirRegistered) is not null),
                g.Count(r => r.P.Stage(ProceedingStage.FinalReport) is not null),
                g.Count(r => r.P.Stage(ProceedingStage.Trial) is not null),
                g.Count(r => r.P.Charges.Any(c => c.Outcome == ChargeOutcome.Convicted && (r.Offence == NoCharge || Offence(c) == r.Offence)))))
            .OrderBy(f => f.Year).ThenBy(f => f.Province, StringComparer.Ordinal).ThenBy(f => f.Circle, StringComparer.Ordinal).ThenBy(f => f.Offence, StringComparer.Ordinal)
            .ToList();
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
        return new Response(funnel, rates, medians, oldest, compensated);
    }

    private static string Offence(Charge c) => $"{c.Instrument} s.{c.Section}";

    private static double? Median(List<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
