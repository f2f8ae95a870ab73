using System.Globalization;
using System.Text.RegularExpressions;
using Lantern.Core.Features.Inspections;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Features.Statistics;

namespace Lantern.Core.Features.Reports;

/// <summary>A table of the report as published: every cell already text ("12", "&lt;5", "x").</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string>? Footer);

/// <summary>One bar of a chart: <paramref name="Value"/> is null when the count is hidden; <paramref name="Text"/> is what to print.</summary>
public sealed record ReportBar(string Label, int? Value, string Text);

/// <summary>A bar chart, or a funnel (centred bars, each stage within the one before) when <c>Funnel</c>.</summary>
public sealed record ReportChart(string Title, IReadOnlyList<ReportBar> Bars, bool Funnel = false);

/// <summary>
/// Everything the annual report prints, built only from the statistics handlers' published (suppressed) answers, so
/// the report shows the same figures as the dashboards. Pure: the handler gathers the answers, this turns them into
/// tables, charts, maps and values by name (the names the template may use, <see cref="ReportTemplate"/>).
/// </summary>
public sealed partial record AnnualReportFigures(int Year, string Scope, DateTime Generated,
    IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, ReportTable> Tables,
    IReadOnlyDictionary<string, ReportChart> Charts, IReadOnlyDictionary<string, DistrictMap.Data> Maps, string? Period = null)
{
    /// <summary>What the report covers, as printed: "2025", or "1 March 2025 to 31 August 2025".</summary>
    public string PeriodLabel => Period ?? Year.ToString(Invariant);

    public const string SuppressionNote =
        "Small counts are suppressed in this report, as in everything Lantern publishes: a count from 1 to 4 is shown as \"<5\", and some other counts as \"x\" so that a hidden count cannot be worked out from the totals.";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static AnnualReportFigures Build(int year, string scope, DateTime generated,
        IReadOnlyList<CountVictims.Response> victims, CountOffenders.Response offenders, VictimRoutes.Response routes,
        IReadOnlyList<ProsecutionFigures.FunnelRow> funnel, InspectionStatisticsTable inspectionsByDistrict, InspectionStatisticsTable inspectionsBySector,
        DistrictCatalogue districts) =>
        Build(ReportingPeriod.Year(year), scope, generated, victims, offenders, routes, funnel, inspectionsByDistrict, inspectionsBySector, districts);

    internal static AnnualReportFigures Build(ReportingPeriod period, string scope, DateTime generated,
        IReadOnlyList<CountVictims.Response> victims, CountOffenders.Response offenders, VictimRoutes.Response routes,
        IReadOnlyList<ProsecutionFigures.FunnelRow> funnel, InspectionStatisticsTable inspectionsByDistrict, InspectionStatisticsTable inspectionsBySector,
        DistrictCatalogue districts)
    {
        var tables = new Dictionary<string, ReportTable>(StringComparer.Ordinal);
        var charts = new Dictionary<string, ReportChart>(StringComparer.Ordinal);
        var maps = new Dictionary<string, DistrictMap.Data>(StringComparer.Ordinal);
        CountVictims.Response By(string name) => victims.Single(v => v.By == name);

        foreach (var (name, by, title, label) in new[]
        {
            ("victims-by-sex-age", "sex-age", "Detected victims by sex and age group", "Sex and age group"),
            ("victims-by-exploitation", "exploitation", "Detected victims by form of exploitation", "Form of exploitation"),
            ("victims-by-citizenship", "citizenship", "Detected victims by citizenship", "Citizenship"),
            ("victims-by-province", "province", "Detected victims by province", "Province"),
            ("victims-by-district", "district", "Detected victims by district", "District"),
        })
        {
            var r = By(by);
            var rows = r.Rows.Where(g => g.Value != 0).ToList();
            tables[name] = new ReportTable(title, [label, "Victims"], [.. rows.Select(g => (IReadOnlyList<string>)[Label(g.Group), g.Text])], ["Total", r.Total.Text]);
            if (ReportTemplate.Charts.Contains(name))
            {
                charts[name] = new ReportChart(title, [.. rows.Select(g => new ReportBar(Label(g.Group), g.Value, g.Text))]);
            }
        }
        maps["victims-by-district"] = DistrictMap.Layout("Detected victims by district", "victims",
            [.. By("district").Rows.Where(g => g.Group != CountVictims.Unknown && g.Value != 0).Select(g => new DistrictMap.Count(g.Group, g.Value, g.Text))], districts);

        foreach (var t in offenders.Tables)
        {
            var title = t.Name switch { "suspects" => "Suspects", "prosecuted" => "Persons prosecuted", _ => "Persons convicted" } + " by sex and citizenship";
            tables[t.Name] = new ReportTable(title, ["Sex", .. t.Columns.Select(Label), "Total"],
                [.. t.Rows.Select(l => (IReadOnlyList<string>)[Label(l.Group), .. l.Cells.Select(c => c.Text), l.Total.Text])],
                ["Total", .. t.ColumnTotals.Select(c => c.Text), t.Total.Text]);
        }
        charts["offenders"] = new ReportChart("Suspects, persons prosecuted and persons convicted",
            [.. offenders.Tables.Select(t => new ReportBar(t.Name switch { "suspects" => "Suspects", "prosecuted" => "Prosecuted", _ => "Convicted" }, t.Total.Value, t.Total.Text))]);

        // Flows: each route's count protected as a one-way table whose total is the victims with a route.
        var flowCells = SmallCells.OneWay([.. routes.Flows.Select(f => f.Victims)], routes.VictimsWithRoute);
        tables["flows"] = new ReportTable("Routes of detected victims (origin, transit, destination)", ["Origin", "Transit", "Destination", "Scope", "Victims"],
            [.. routes.Flows.Select((f, i) => (IReadOnlyList<string>)[f.Origin, f.Transit.Length == 0 ? "-" : f.Transit, f.Destination, f.Scope, flowCells.Cells[i].Text])],
            ["Total", "", "", "", flowCells.Total.Text]);

        // The prosecution funnel by province: each stage protected as a one-way table with its total (as the funnel download, ADR 0021).
        var provinces = funnel.GroupBy(f => f.Province).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        int[][] stages = [.. provinces.Select(g => new[] { g.Sum(f => f.Complaints), g.Sum(f => f.Firs), g.Sum(f => f.Challans), g.Sum(f => f.Trials), g.Sum(f => f.Convictions) })];
        string[] stageNames = ["Complaints", "FIRs", "Challans", "Trials", "Convictions"];
        var columns = Enumerable.Range(0, 5).Select(c => SmallCells.OneWay([.. stages.Select(s => s[c])], stages.Sum(s => s[c]))).ToList();
        tables["prosecution-funnel"] = new ReportTable("Prosecution proceedings by the stage reached, by province", ["Province", .. stageNames],
            [.. provinces.Select((g, r) => (IReadOnlyList<string>)[g.Key, .. columns.Select(c => c.Cells[r].Text)])],
            ["Total", .. columns.Select(c => c.Total.Text)]);
        charts["prosecution-funnel"] = new ReportChart("Prosecution funnel", [.. stageNames.Select((n, c) => new ReportBar(n, columns[c].Total.Value, columns[c].Total.Text))], Funnel: true);

        foreach (var (name, t, label) in new[] { ("inspections-by-district", inspectionsByDistrict, "District"), ("inspections-by-sector", inspectionsBySector, "Sector") })
        {
            var title = $"Labour inspections by {label.ToLowerInvariant()}";
            tables[name] = new ReportTable(title, [label, "Inspections", "Workplaces with children", "Workers released", "FIRs"],
                [.. t.Rows.Select(r => (IReadOnlyList<string>)[Label(r.Group), r.Inspections.Text, r.WorkplacesWithChildren.Text, r.WorkersReleased.Text, r.Firs.Text])],
                ["Total", t.Total.Inspections.Text, t.Total.WorkplacesWithChildren.Text, t.Total.WorkersReleased.Text, t.Total.Firs.Text]);
            charts[name] = new ReportChart(title, [.. t.Rows.Select(r => new ReportBar(Label(r.Group), r.Inspections.Value, r.Inspections.Text))]);
        }
        maps["inspections-by-district"] = DistrictMap.Layout("Labour inspections by district", "inspections",
            [.. inspectionsByDistrict.Rows.Select(r => new DistrictMap.Count(r.Group, r.Inspections.Value, r.Inspections.Text))], districts);

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // A free period prints where the template says year ("the cases of {{year}}"), so every template serves both.
            ["year"] = period.Label,
            ["scope"] = scope,
            ["generated"] = generated.ToString("d MMMM yyyy", Invariant),
            ["suppression-note"] = SuppressionNote,
            ["victims.total"] = By("sex-age").Total.Text,
            ["flows.victims"] = flowCells.Total.Text,
            ["suspects.total"] = offenders.Tables.Single(t => t.Name == "suspects").Total.Text,
            ["prosecuted.total"] = offenders.Tables.Single(t => t.Name == "prosecuted").Total.Text,
            ["convicted.total"] = offenders.Tables.Single(t => t.Name == "convicted").Total.Text,
            ["inspections.total"] = inspectionsByDistrict.Total.Inspections.Text,
            ["inspections.children"] = inspectionsByDistrict.Total.WorkplacesWithChildren.Text,
            ["inspections.released"] = inspectionsByDistrict.Total.WorkersReleased.Text,
            ["inspections.firs"] = inspectionsByDistrict.Total.Firs.Text,
        };
        return new AnnualReportFigures(period.From.Year, scope, generated, values, tables, charts, maps, period.IsCalendarYear ? null : period.Label);
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    /// <summary>A group name for a reader: "SexualExploitation" → "Sexual exploitation", "brick-kiln" → "Brick kiln", "women" → "Women".</summary>
    public static string Label(string group)
    {
        if ((group.Length == 2 && group.All(char.IsUpper)) || group.Contains(' ', StringComparison.Ordinal) || group.Contains('.', StringComparison.Ordinal))
        {
            return group; // an ISO country code or a place name as written
        }
        var words = WordBoundary().Replace(group, " ").Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }
}
