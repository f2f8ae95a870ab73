using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;

namespace Lantern.Core.Tests.Features.Statistics;

/// <summary>
/// National Action Plan indicators: definitions and their errors, every measure over a fixed set of facts counted by
/// hand, filters, progress arithmetic and small-cell protection. The facts (calendar year 2025 unless said):
/// <code>
/// victims 2025: w1 woman, ForcedLabour, Punjab/Kasur, org A     w2 woman, ForcedLabour, Punjab/Lahore, org A
///               g1 girl, SexualExploitation, Sindh/Karachi, org B   b1 boy, BondedLabour, Punjab/Kasur, orgs A and B
///               u1 unknown, no form, no place, org A                (victims 2024: one woman, org A)
/// referrals: 2025-02-01 A victim P1 completed; 2025-03-01 A victim P1 sent; 2025-05-01 B victim P2 completed;
///            2025-12-31 A victim P3 declined (counts as sent); 2024-12-31 A victim P4 completed (not 2025)
/// cases:     2025 A Punjab/Kasur; 2025 A Sindh/Karachi; 2025 B Punjab/Lahore; 2025 (year only) A no place; 2024 A Punjab/Kasur
/// proceedings begun: 2025-01-10 A Punjab FIR+challan+convicted; 2025-06-01 A Sindh FIR+challan; 2025-07-01 B Punjab FIR;
///                    2025-08-01 A Punjab complaint only; 2024-11-01 A Punjab FIR+challan+convicted (not 2025)
/// charges:   X framed 2025-02-01 convicted 2025-09-01 (A); X framed 2025-03-01 (A, second charge, same person);
///            Y framed 2024-05-01 convicted 2025-01-15 (B); Z framed 2025-04-01 acquitted 2025-10-01 (A)
/// inspections: 2025-03-01 A Punjab/Kasur 4 released; 2025-08-01 A Punjab/Sheikhupura 0; 2025-09-01 B Sindh/Karachi 7;
///              2026-02-01 A Punjab/Kasur 3 (financial year 2025-26 only)
/// tips: 2025-01-01, 2025-06-30, 2025-12-31 (org A), 2026-01-01 (org A)
/// population 2025: PK 240,000,000; Punjab 127,000,000
/// </code>
/// </summary>
public sealed class NapIndicatorTests
{
    private static readonly Guid P1 = Guid.NewGuid(), P2 = Guid.NewGuid(), P3 = Guid.NewGuid(), P4 = Guid.NewGuid(), X = Guid.NewGuid(), Y = Guid.NewGuid(), Z = Guid.NewGuid();
    private static readonly ReportingPeriod Y2025 = ReportingPeriod.Year(2025);
    private static readonly ReportingPeriod Y2024 = ReportingPeriod.Year(2024);

    private static VictimFact Victim(int year, AgeGroup group, string? province, string? district, string[] organisations, params ExploitationForm[] forms) =>
        new(year, group is AgeGroup.Women or AgeGroup.Girls ? "female" : group is AgeGroup.Unknown ? "unknown" : "male", null, group, forms, "PK", organisations, province, district);

    private static readonly NapMeasures.Facts Facts = new(
        new Dictionary<ReportingPeriod, IReadOnlyList<VictimFact>>
        {
            [Y2025] =
            [
                Victim(2025, AgeGroup.Women, "Punjab", "Kasur", ["A"], ExploitationForm.ForcedLabour),
                Victim(2025, AgeGroup.Women, "Punjab", "Lahore", ["A"], ExploitationForm.ForcedLabour),
                Victim(2025, AgeGroup.Girls, "Sindh", "Karachi", ["B"], ExploitationForm.SexualExploitation),
                Victim(2025, AgeGroup.Boys, "Punjab", "Kasur", ["A", "B"], ExploitationForm.BondedLabour),
                Victim(2025, AgeGroup.Unknown, null, null, ["A"]),
            ],
            [Y2024] = [Victim(2024, AgeGroup.Women, "Punjab", "Kasur", ["A"], ExploitationForm.ForcedLabour)],
        },
        [
            new(new DateOnly(2025, 2, 1), "A", P1, Completed: true),
            new(new DateOnly(2025, 3, 1), "A", P1, Completed: false),
            new(new DateOnly(2025, 5, 1), "B", P2, Completed: true),
            new(new DateOnly(2025, 12, 31), "A", P3, Completed: false),
            new(new DateOnly(2024, 12, 31), "A", P4, Completed: true),
        ],
        [
            new(new DateOnly(2025, 1, 5), 2025, "A", "Punjab", "Kasur"),
            new(new DateOnly(2025, 4, 5), 2025, "A", "Sindh", "Karachi"),
            new(new DateOnly(2025, 9, 5), 2025, "B", "Punjab", "Lahore"),
            new(null, 2025, "A", null, null),
            new(new DateOnly(2024, 9, 5), 2024, "A", "Punjab", "Kasur"),
        ],
        [
            new(new DateOnly(2025, 1, 10), "A", "Punjab", Fir: true, Challan: true, Convicted: true),
            new(new DateOnly(2025, 6, 1), "A", "Sindh", Fir: true, Challan: true, Convicted: false),
            new(new DateOnly(2025, 7, 1), "B", "Punjab", Fir: true, Challan: false, Convicted: false),
            new(new DateOnly(2025, 8, 1), "A", "Punjab", Fir: false, Challan: false, Convicted: false),
            new(new DateOnly(2024, 11, 1), "A", "Punjab", Fir: true, Challan: true, Convicted: true),
        ],
        [
            new(new DateOnly(2025, 2, 1), new DateOnly(2025, 9, 1), Convicted: true, X, "A"),
            new(new DateOnly(2025, 3, 1), null, Convicted: false, X, "A"),
            new(new DateOnly(2024, 5, 1), new DateOnly(2025, 1, 15), Convicted: true, Y, "B"),
            new(new DateOnly(2025, 4, 1), new DateOnly(2025, 10, 1), Convicted: false, Z, "A"),
        ],
        [
            new(new DateOnly(2025, 3, 1), "A", "Punjab", "Kasur", 4),
            new(new DateOnly(2025, 8, 1), "A", "Punjab", "Sheikhupura", 0),
            new(new DateOnly(2025, 9, 1), "B", "Sindh", "Karachi", 7),
            new(new DateOnly(2026, 2, 1), "A", "Punjab", "Kasur", 3),
        ],
        [
            new(new DateOnly(2025, 1, 1), "A"), new(new DateOnly(2025, 6, 30), "A"), new(new DateOnly(2025, 12, 31), "A"), new(new DateOnly(2026, 1, 1), "A"),
        ],
        [new("PK", 2025, 240_000_000), new("Punjab", 2025, 127_000_000), new("PK", 2024, 235_000_000)]);

    private static long Count(string measure, IndicatorFilters? filters = null, ReportingPeriod? period = null) =>
        NapMeasures.Count(measure, Facts, period ?? Y2025, filters ?? IndicatorFilters.None);

    [Theory]
    [InlineData("victims.identified", 5)]
    [InlineData("victims.children", 2)]
    [InlineData("victims.referred", 3)]
    [InlineData("referrals.sent", 4)]
    [InlineData("referrals.completed", 2)]
    [InlineData("cases.registered", 4)]
    [InlineData("proceedings.fir", 3)]
    [InlineData("proceedings.challan", 2)]
    [InlineData("proceedings.convicted", 1)]
    [InlineData("persons.prosecuted", 2)]
    [InlineData("persons.convicted", 2)]
    [InlineData("inspections.made", 3)]
    [InlineData("workers.released", 11)]
    [InlineData("tips.received", 3)]
    [InlineData("population", 240_000_000)]
    public void Count_EachMeasureOver2025_IsTheHandCountedValue(string measure, long expected) =>
        Assert.Equal(expected, Count(measure));

    [Fact]
    public void Count_Victims2024_CountsOnlyThatPeriodsFacts() => Assert.Equal(1, Count("victims.identified", period: Y2024));

    [Fact]
    public void Count_FinancialYear2025_RunsFromJulyToJune()
    {
        var fy = new ReportingPeriod(new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30));

        Assert.Equal(3, Count("inspections.made", period: fy)); // 2025-08, 2025-09, 2026-02
        Assert.Equal(10, Count("workers.released", period: fy));
        Assert.Equal(2, Count("tips.received", period: fy)); // 2025-12-31, 2026-01-01
        Assert.Equal(1, Count("cases.registered", period: fy)); // only the case opened 2025-09-05; a case known by its year alone has no day in it
    }

    [Theory]
    [InlineData("victims.identified", "{\"province\": \"Punjab\"}", 3)]
    [InlineData("victims.identified", "{\"district\": \"Kasur\"}", 2)]
    [InlineData("victims.identified", "{\"organisation\": \"B\"}", 2)]
    [InlineData("victims.identified", "{\"sexAge\": [\"girls\", \"boys\"]}", 2)]
    [InlineData("victims.identified", "{\"sexAge\": [\"women\"], \"exploitation\": [\"ForcedLabour\"], \"district\": \"Lahore\"}", 1)]
    [InlineData("victims.children", "{\"province\": \"Punjab\"}", 1)]
    [InlineData("victims.identified", "{\"exploitation\": [\"BondedLabour\", \"SexualExploitation\"]}", 2)]
    [InlineData("referrals.sent", "{\"organisation\": \"a\"}", 3)]
    [InlineData("cases.registered", "{\"province\": \"Punjab\"}", 2)]
    [InlineData("proceedings.fir", "{\"province\": \"Punjab\", \"organisation\": \"A\"}", 1)]
    [InlineData("persons.convicted", "{\"organisation\": \"A\"}", 1)]
    [InlineData("inspections.made", "{\"district\": \"Kasur\"}", 1)]
    [InlineData("workers.released", "{\"province\": \"Sindh\"}", 7)]
    [InlineData("population", "{\"province\": \"Punjab\"}", 127_000_000)]
    public void Count_WithFilters_IsTheHandCountedValue(string measure, string filters, long expected)
    {
        var definition = NapIndicatorDefinition.Parse($$"""
            { "code": "T", "title": "t", "numerator": "{{(measure == "population" ? "victims.identified" : measure)}}", {{(measure == "population" ? "\"denominator\": \"population\", \"unit\": \"rate\", \"per\": 100000," : "")}}
              "filters": {{filters}}, "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }
            """);

        Assert.Equal(expected, Count(measure, definition.Filters));
    }

    private static NapIndicatorDefinition Definition(string unit = "count", string numerator = "victims.identified", string? denominator = null, double baseline = 40, double target = 80) =>
        NapIndicatorDefinition.Parse($$"""
            { "code": "NAP-T", "title": "Test", "numerator": "{{numerator}}", {{(denominator is null ? "" : $"\"denominator\": \"{denominator}\",")}}
              "unit": "{{unit}}", {{(unit == "rate" ? "\"per\": 100000," : "")}}
              "baseline": { "year": 2023, "value": {{baseline}} }, "target": { "year": 2027, "value": {{target}} } }
            """);

    [Theory]
    [InlineData(60, 50.0, ListNapIndicators.OnTrack)] // expected in 2025: 40 + 40 * 2/4 = 60
    [InlineData(59, 47.5, ListNapIndicators.OffTrack)]
    [InlineData(80, 100.0, ListNapIndicators.Achieved)]
    [InlineData(90, 125.0, ListNapIndicators.Achieved)]
    [InlineData(30, -25.0, ListNapIndicators.OffTrack)]
    public void Progress_UpwardTarget_IsShareOfTheWayAndStatusAgainstTheStraightLine(double value, double progress, string status)
    {
        var (p, s) = ListNapIndicators.Progress(Definition(), value, 2025);

        Assert.Equal(progress, p);
        Assert.Equal(status, s);
    }

    [Theory]
    [InlineData(70, 60.0, ListNapIndicators.OnTrack)] // baseline 100, target 50: expected in 2025 is 75
    [InlineData(76, 48.0, ListNapIndicators.OffTrack)]
    [InlineData(50, 100.0, ListNapIndicators.Achieved)]
    public void Progress_DownwardTarget_CountsProgressDownward(double value, double progress, string status)
    {
        var (p, s) = ListNapIndicators.Progress(Definition(baseline: 100, target: 50), value, 2025);

        Assert.Equal(progress, p);
        Assert.Equal(status, s);
    }

    [Theory]
    [InlineData(2020, 40)]
    [InlineData(2023, 40)]
    [InlineData(2024, 50)]
    [InlineData(2027, 80)]
    [InlineData(2030, 80)]
    public void Expected_ByYear_FollowsTheStraightLineAndHoldsOutsideIt(int year, double expected) =>
        Assert.Equal(expected, ListNapIndicators.Expected(Definition(), year));

    [Fact]
    public void Evaluate_SmallCountSuppressed_IsLessThanFiveAndHidesProgress()
    {
        var figures = ListNapIndicators.Compute(Definition(numerator: "victims.children"), 1, Facts, Y2025, "2025", 2025, [2024, 2025], suppressed: true);

        Assert.Equal("<5", figures.Value.Text);
        Assert.Null(figures.Value.Value);
        Assert.Null(figures.Progress);
        Assert.Equal(ListNapIndicators.WithheldStatus, figures.Status);
        Assert.Equal(["0", "<5"], figures.Series.Select(p => p.Value.Text));
    }

    [Fact]
    public void Evaluate_SmallCountExact_IsShownWithProgress()
    {
        var figures = ListNapIndicators.Compute(Definition(numerator: "victims.children", baseline: 1, target: 5), 1, Facts, Y2025, "2025", 2025, [2025], suppressed: false);

        Assert.Equal("2", figures.Value.Text);
        Assert.Equal(25.0, figures.Progress); // (2 - 1) / (5 - 1)
        Assert.Equal(ListNapIndicators.OffTrack, figures.Status); // expected 3 in 2025
    }

    [Theory]
    [InlineData("referrals.completed", "referrals.sent", false, "50.0", "2", "4")]
    [InlineData("referrals.completed", "referrals.sent", true, "x", "<5", "<5")]
    [InlineData("victims.identified", "cases.registered", true, "x", "5", "<5")] // numerator shown, denominator small
    [InlineData("workers.released", "inspections.made", true, "x", "11", "<5")]
    [InlineData("workers.released", "victims.identified", true, "220.0", "11", "5")]
    public void Evaluate_Percentage_IsWithheldWhenNumeratorOrDenominatorIsOneToFour(string numerator, string denominator, bool suppressed, string value, string n, string d)
    {
        var (v, num, den) = ListNapIndicators.Evaluate(Definition("percentage", numerator, denominator), Facts, Y2025, suppressed);

        Assert.Equal(value, v.Text);
        Assert.Equal(n, num.Text);
        Assert.Equal(d, den!.Text);
    }

    [Fact]
    public void Evaluate_RatePerPopulation_ShowsThePublicPopulationAndTheRate()
    {
        var (v, num, den) = ListNapIndicators.Evaluate(Definition("rate", "victims.identified", "population", 0.01, 0.02), Facts, Y2025, suppressed: true);

        Assert.Equal("5", num.Text);
        Assert.Equal("240000000", den!.Text);
        Assert.Equal("0.00", v.Text); // 5 / 240,000,000 * 100,000 = 0.002
    }

    [Fact]
    public void Evaluate_RateWithSmallNumerator_IsWithheld()
    {
        var (v, _, _) = ListNapIndicators.Evaluate(Definition("rate", "victims.children", "population", 0.01, 0.02), Facts, Y2025, suppressed: true);

        Assert.Equal("x", v.Text);
    }

    [Fact]
    public void Evaluate_ZeroDenominator_HasNoValueAndNoData()
    {
        var figures = ListNapIndicators.Compute(Definition("percentage", "referrals.completed", "referrals.sent"), 1, Facts, ReportingPeriod.Year(2020), "2020", 2020, [], suppressed: false);

        Assert.Null(figures.Value.Value);
        Assert.Equal(ListNapIndicators.NoData, figures.Status);
    }

    [Fact]
    public void SeriesYears_FromBaselineToThisYear_ReachesTheYearAskedFor()
    {
        Assert.Equal([2023, 2024, 2025, 2026], ListNapIndicators.SeriesYears(Definition(), 2025, thisYear: 2026));
        Assert.Equal([2023, 2024, 2025, 2026, 2027], ListNapIndicators.SeriesYears(Definition(), 2027, thisYear: 2030));
        Assert.Equal([2020, 2021, 2022, 2023], ListNapIndicators.SeriesYears(Definition(), 2020, thisYear: 2030).Take(4));
    }

    [Fact]
    public void Parse_FullDefinition_RoundTripsThroughItsCanonicalJson()
    {
        var definition = NapIndicatorDefinition.Parse("""
            { "code": "NAP-2.1", "title": "Share referred", "description": "d", "numerator": "victims.referred", "denominator": "victims.identified",
              "unit": "percentage", "filters": { "organisation": "A" }, "baseline": { "year": 2023, "value": 50 }, "target": { "year": 2027, "value": 90.5 },
              "period": "financial-year", "source": "s" }
            """);

        var again = NapIndicatorDefinition.Parse(definition.ToJson());

        Assert.Equal(definition.ToJson(), again.ToJson());
        Assert.Equal(IndicatorPeriod.FinancialYear, again.Period);
        Assert.Equal(90.5, again.Target.Value);
        Assert.Equal("A", again.Filters.Organisation);
        Assert.Equal("2025-26", again.YearLabel(2025));
        Assert.Equal(new ReportingPeriod(new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30)), again.PeriodOf(2025));
    }

    [Theory]
    [InlineData("""{ "title": "t", "numerator": "victims.identified" }""", "code")]
    [InlineData("""{ "code": "a b", "title": "t" }""", "code")]
    [InlineData("""{ "code": "C" }""", "title")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.rescued", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "numerator")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "population", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "numerator")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "denominator": "cases.registered", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "denominator")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "unit": "percentage", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "denominator")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "denominator": "population", "unit": "rate", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "per")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "unit": "ratio", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "unit")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "period": "quarter", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "period")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "tips.received", "filters": { "province": "Sindh" }, "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "filters.province")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "filters": { "sexAge": ["teenagers"] }, "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "filters.sexAge")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "filters": { "exploitation": ["Piracy"] }, "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "filters.exploitation")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "filters": { "city": "Lahore" }, "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 } }""", "filters.city")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "target": { "year": 2027, "value": 2 } }""", "baseline")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "baseline": { "year": 2023, "value": -1 }, "target": { "year": 2027, "value": 2 } }""", "baseline.value")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2023, "value": 2 } }""", "target.year")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 1 } }""", "target.value")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "baseline": { "year": 2023, "value": 1 }, "target": { "year": "2027", "value": 2 } }""", "target.year")]
    [InlineData("""{ "code": "C", "title": "t", "numerator": "victims.identified", "baseline": { "year": 2023, "value": 1 }, "target": { "year": 2027, "value": 2 }, "owner": "x" }""", "owner")]
    [InlineData("""not json""", "definition")]
    public void Parse_BadDefinition_NamesTheField(string json, string field)
    {
        var e = Assert.Throws<ValidationException>(() => NapIndicatorDefinition.Parse(json));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void StarterSet_EveryIndicator_ParsesSaysItIsIllustrativeAndHasAUniqueCode()
    {
        var set = DefineNapIndicator.StarterSet;

        Assert.True(set.Count >= 10);
        Assert.Equal(set.Count, set.Select(d => d.Code).Distinct().Count());
        Assert.All(set, d => Assert.Equal(DefineNapIndicator.StarterSetProvenance, d.Source));
        Assert.All(set, d => Assert.NotNull(NapMeasures.Find(d.Numerator)));
    }
}
