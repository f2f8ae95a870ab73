using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// The National Action Plan indicators in force with their value for a period, progress from baseline toward target,
/// and a series by year (docs/decisions/0026-nap-indicators-as-data.md). Figures cover what the actor may see (tenant
/// scoping, as every statistic). Exact for <see cref="Permissions.StatisticsExact"/> unless the public version is
/// asked for; otherwise a count from 1 to 4 is "&lt;5" and a percentage or rate whose numerator or denominator is one is
/// withheld ("x"), and so is the progress that would give it away.
/// </summary>
public static class ListNapIndicators
{
    /// <summary>
    /// A year (the calendar year, or the financial year beginning in July of it, as each indicator says; this year when
    /// none), or a free period From-To (YYYY-MM-DD), never both; Public applies small-cell protection even for a user who
    /// may see exact figures; Code narrows to one indicator.
    /// </summary>
    public sealed record Request(int? Year, string? From = null, string? To = null, bool Public = false, string? Code = null);

    /// <summary>A published figure: <paramref name="Value"/> is null when withheld or undefined; <paramref name="Text"/> is what to print.</summary>
    public sealed record Figure(double? Value, string Text)
    {
        public bool Hidden => Text is SmallCells.Small or SmallCells.Withheld;
    }

    /// <summary>One year of the series; Expected is where a straight line from baseline to target stands in that year.</summary>
    public sealed record SeriesPoint(int Year, string Period, Figure Value, Figure Numerator, Figure? Denominator, double? Expected);

    /// <summary>
    /// An indicator's figures. Period is that of Value ("2025", "2025-26" or a free period); Progress is the percentage
    /// of the way from baseline to target (below 0 when worse than the baseline, above 100 beyond the target), null when
    /// withheld or undefined; Status is achieved, on track, off track, no data or withheld.
    /// </summary>
    public sealed record IndicatorFigures(string Code, string Title, string? Description, int Version, string Unit, int? Per,
        string Numerator, string? Denominator, string NumeratorLabel, string? DenominatorLabel, string Filters,
        IndicatorPoint Baseline, IndicatorPoint Target, string Period, Figure Value, Figure NumeratorValue, Figure? DenominatorValue,
        double? Expected, double? Progress, string Status, IReadOnlyList<SeriesPoint> Series, string? Source);

    public sealed record Response(string Period, bool Suppressed, IReadOnlyList<IndicatorFigures> Indicators);

    public const string Achieved = "achieved";
    public const string OnTrack = "on track";
    public const string OffTrack = "off track";
    public const string NoData = "no data";
    public const string WithheldStatus = "withheld";

    private const int MaxSeries = 30;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            var thisYear = _clock.GetUtcNow().Year;
            var free = !string.IsNullOrWhiteSpace(request.From) || !string.IsNullOrWhiteSpace(request.To);
            var requested = ReportingPeriod.Of(free ? request.Year : request.Year ?? thisYear, request.From, request.To);
            var year = requested.From.Year;
            var versions = (await DefineNapIndicator.NewestAsync(_db, ct, _clock)).Where(v => !v.Retired)
                .Where(v => request.Code is null || string.Equals(v.Code, request.Code, StringComparison.Ordinal)).ToList();
            if (request.Code is not null && versions.Count == 0)
            {
                throw new Common.NotFoundException($"The indicator '{request.Code}'");
            }
            var definitions = versions.Select(v => (Version: v.Version, Definition: v.Parsed())).ToList();
            var plans = definitions.Select(x => (x.Version, x.Definition, Period: free ? requested : x.Definition.PeriodOf(year), Years: SeriesYears(x.Definition, year, thisYear))).ToList();
            var periods = plans.SelectMany(p => p.Years.Select(p.Definition.PeriodOf).Append(p.Period)).Distinct().ToList();
            var measures = definitions.SelectMany(x => new[] { x.Definition.Numerator, x.Definition.Denominator }).OfType<string>().Distinct().ToList();
            var facts = await NapMeasures.LoadAsync(_db, measures, periods, ct);
            var suppressed = request.Public || !actor.Has(Permissions.StatisticsExact);
            _audit.Add(actor, "statistics.indicators", "statistics", request.Code,
                detail: $"{(free ? "period " + requested.Code : "year " + year.ToString(Invariant))}, {plans.Count} indicator(s), {(suppressed ? "suppressed" : "exact")}");
            await _db.SaveChangesAsync(ct);
            return new Response(free ? requested.Label : year.ToString(Invariant), suppressed,
                [.. plans.Select(p => Compute(p.Definition, p.Version, facts, p.Period, free ? requested.Label : p.Definition.YearLabel(year), year, p.Years, suppressed))]);
        }
    }

    /// <summary>The series runs from the baseline year to the target year, stopping at this year, and reaches the year asked for.</summary>
    internal static IReadOnlyList<int> SeriesYears(NapIndicatorDefinition d, int year, int thisYear)
    {
        var last = Math.Max(Math.Min(d.Target.Year, thisYear), Math.Min(year, thisYear));
        var first = Math.Min(d.Baseline.Year, Math.Min(year, thisYear));
        return [.. Enumerable.Range(first, last - first + 1).TakeLast(MaxSeries)];
    }

    internal static IndicatorFigures Compute(NapIndicatorDefinition d, int version, NapMeasures.Facts facts, ReportingPeriod period, string periodLabel, int year,
        IReadOnlyList<int> seriesYears, bool suppressed)
    {
        var (value, numerator, denominator) = Evaluate(d, facts, period, suppressed);
        var expected = Expected(d, year);
        var (progress, status) = value.Hidden ? (null, WithheldStatus) : value.Value is { } v ? Progress(d, v, year) : ((double?)null, NoData);
        var series = seriesYears.Select(y =>
        {
            var (sv, sn, sd) = Evaluate(d, facts, d.PeriodOf(y), suppressed);
            return new SeriesPoint(y, d.YearLabel(y), sv, sn, sd, Expected(d, y));
        }).ToList();
        return new IndicatorFigures(d.Code, d.Title, d.Description, version, NapIndicatorDefinition.Name(d.Unit), d.Per, d.Numerator, d.Denominator,
            NapMeasures.Find(d.Numerator)!.Label, d.Denominator is null ? null : NapMeasures.Find(d.Denominator)!.Label, FiltersText(d.Filters),
            d.Baseline, d.Target, periodLabel, value, numerator, denominator, expected, progress, status, series, d.Source);
    }

    /// <summary>The value, numerator and denominator as published.</summary>
    internal static (Figure Value, Figure Numerator, Figure? Denominator) Evaluate(NapIndicatorDefinition d, NapMeasures.Facts facts, ReportingPeriod period, bool suppressed)
    {
        var n = NapMeasures.Count(d.Numerator, facts, period, d.Filters);
        var numerator = Count(n, suppressed);
        if (d.Denominator is null)
        {
            return (numerator, numerator, null);
        }
        var m = NapMeasures.Count(d.Denominator, facts, period, d.Filters);
        // A population is a public figure: publishing it small gives no one away.
        var denominator = NapMeasures.Find(d.Denominator)!.Public ? Count(m, suppressed: false) : Count(m, suppressed);
        if (m == 0)
        {
            return (new Figure(null, "—"), numerator, denominator);
        }
        var raw = d.Unit == IndicatorUnit.Percentage ? n * 100.0 / m : n * (double)d.Per!.Value / m;
        if (numerator.Hidden || denominator.Hidden)
        {
            return (new Figure(null, SmallCells.Withheld), numerator, denominator);
        }
        var rounded = Math.Round(raw, d.Unit == IndicatorUnit.Percentage ? 1 : 2);
        return (new Figure(rounded, rounded.ToString(d.Unit == IndicatorUnit.Percentage ? "0.0" : "0.00", Invariant)), numerator, denominator);
    }

    private static Figure Count(long n, bool suppressed) => suppressed && n is > 0 and < SmallCells.Threshold
        ? new Figure(null, SmallCells.Small)
        : new Figure(n, n.ToString(Invariant));

    /// <summary>Where a straight line from the baseline to the target stands in <paramref name="year"/> (the baseline before it, the target after).</summary>
    internal static double Expected(NapIndicatorDefinition d, int year)
    {
        var (b, t) = (d.Baseline, d.Target);
        var share = Math.Clamp((year - b.Year) / (double)(t.Year - b.Year), 0, 1);
        return Math.Round(b.Value + (t.Value - b.Value) * share, 2);
    }

    /// <summary>
    /// Progress in percent of the way from baseline to target, and the status: achieved once the target is reached,
    /// on track while at or beyond the straight line from baseline to target, else off track. A target below the
    /// baseline (fewer cases pending, say) is progress downward.
    /// </summary>
    internal static (double? Progress, string Status) Progress(NapIndicatorDefinition d, double value, int year)
    {
        var (b, t) = (d.Baseline.Value, d.Target.Value);
        var progress = Math.Round((value - b) / (t - b) * 100, 1);
        var upward = t > b;
        var expected = Expected(d, year);
        var status = (upward ? value >= t : value <= t) ? Achieved
            : (upward ? value >= expected : value <= expected) ? OnTrack
            : OffTrack;
        return (progress, status);
    }

    public static string FiltersText(IndicatorFilters f) => string.Join("; ", new[]
    {
        f.Organisation is null ? null : "organisation " + f.Organisation,
        f.Province is null ? null : "province " + f.Province,
        f.District is null ? null : "district " + f.District,
        f.SexAge.Count == 0 ? null : "sex-age " + string.Join(", ", f.SexAge.Select(g => g.ToString().ToLowerInvariant())),
        f.Exploitation.Count == 0 ? null : "exploitation " + string.Join(", ", f.Exploitation),
    }.OfType<string>());

    /// <summary>The header of the indicators' CSV (the page's download and <c>lantern stats indicators</c>).</summary>
    public const string CsvHeader = "code,title,unit,period,value,numerator,denominator,baseline_year,baseline,target_year,target,expected,progress_percent,status";

    /// <summary>One indicator's line of that CSV: text guarded against formulas, numbers written as they are (a negative progress is a number).</summary>
    public static string CsvLine(IndicatorFigures i) =>
        CsvText.Row(i.Code, i.Title, i.Unit, i.Period, i.Value.Text, i.NumeratorValue.Text, i.DenominatorValue?.Text ?? "") + ","
        + string.Join(',', i.Baseline.Year.ToString(CultureInfo.InvariantCulture), CsvNumber(i.Baseline.Value), i.Target.Year.ToString(CultureInfo.InvariantCulture),
            CsvNumber(i.Target.Value), CsvNumber(i.Expected), CsvNumber(i.Progress)) + "," + CsvText.Cell(i.Status);

    /// <summary>A figure in a CSV: up to two decimals, empty when there is none.</summary>
    public static string CsvNumber(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
