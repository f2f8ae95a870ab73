using Lantern.Core.Common;
using Lantern.Core.Features.Reports;
using UglyToad.PdfPig;

namespace Lantern.Core.Tests.Features.Reports;

public sealed class AnnualReportTests
{
    [Fact]
    public void Parse_DefaultTemplate_HasEveryKindOfBlock()
    {
        var blocks = ReportTemplate.Parse(ReportTemplate.Default);

        Assert.Contains(blocks, b => b is ReportTemplate.Heading { Level: 1 });
        Assert.Contains(blocks, b => b is ReportTemplate.Figure { Kind: "table", Name: "victims-by-sex-age" });
        Assert.Contains(blocks, b => b is ReportTemplate.Figure { Kind: "chart", Name: "prosecution-funnel" });
        Assert.Contains(blocks, b => b is ReportTemplate.Figure { Kind: "map", Name: "inspections-by-district" });
    }

    [Theory]
    [InlineData("# Report\n\n{{victims.totl}} victims", "{{victims.totl}}")]
    [InlineData("{{table:victims-by-colour}}", "{{table:victims-by-colour}}")]
    [InlineData("{{map:rivers}}", "{{map:rivers}}")]
    [InlineData("Before {{chart:offenders}} after", "{{chart:offenders}}")]
    public void Parse_UnknownOrMisplacedPlaceholder_IsRefusedNamingIt(string template, string placeholder)
    {
        var e = Assert.Throws<ValidationException>(() => ReportTemplate.Parse(template));

        Assert.Equal("template", e.Field);
        Assert.Contains(placeholder, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyTemplate_IsRefused() =>
        Assert.Equal("template", Assert.Throws<ValidationException>(() => ReportTemplate.Parse("  \n ")).Field);

    [Fact]
    public void Find_EveryDemoDistrict_IsInTheCatalogue()
    {
        string[] districts = ["Lahore", "Kasur", "Sheikhupura", "D.G. Khan", "Tharparkar", "Swat", "Chagai", "Islamabad", "Mirpurkhas", "Umerkot", "Rahim Yar Khan"];

        Assert.All(districts, d => Assert.NotNull(DistrictCatalogue.Pakistan.Find(d)));
        Assert.InRange(DistrictCatalogue.Pakistan.Outline.Count, 100, 600);
    }

    [Fact]
    public void Layout_UnknownDistrictAndHiddenCount_ListedAndHollow()
    {
        var map = DistrictMap.Layout("Inspections", "inspections",
            [new("Lahore", 12, "12"), new("Kasur", null, "<5"), new("Atlantis", 7, "7")], DistrictCatalogue.Pakistan);

        Assert.Equal("Atlantis", Assert.Single(map.NotOnMap).District);
        Assert.True(map.Markers.Single(m => m.District == "Kasur").Hollow);
        Assert.False(map.Markers.Single(m => m.District == "Lahore").Hollow);
        Assert.All(map.Markers, m => Assert.InRange(m.X, 0, map.Width));
        Assert.Contains("&lt;5", DistrictMap.ToSvg(map), StringComparison.Ordinal);
        Assert.Contains("GeoNames", DistrictMap.ToSvg(map), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TableLongerThanAPage_ContinuesWithFiguresReadableAndPageNumbers()
    {
        var rows = Enumerable.Range(1, 80).Select(i => (IReadOnlyList<string>)[$"Row{i}", i < 5 ? "<5" : i.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        var figures = new AnnualReportFigures(2025, "the test scope", new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc),
            new Dictionary<string, string> { ["year"] = "2025", ["victims.total"] = "321", ["generated"] = "15 January 2026" },
            new Dictionary<string, ReportTable> { ["victims-by-district"] = new("Victims by district", ["District", "Victims"], rows, ["Total", "3240"]) },
            new Dictionary<string, ReportChart> { ["offenders"] = new("Offenders", [new("Suspects", 9, "9"), new("Convicted", null, "<5")]) },
            new Dictionary<string, DistrictMap.Data> { ["inspections-by-district"] = DistrictMap.Layout("Map", "inspections", [new("Lahore", 5, "5"), new("Nowhere", 6, "6")], DistrictCatalogue.Pakistan) });
        var blocks = ReportTemplate.Parse("# Report {{year}}\n\nWe counted {{victims.total}} victims.\n\n{{table:victims-by-district}}\n\n{{chart:offenders}}\n\n{{map:inspections-by-district}}");

        var pdf = AnnualReportPdf.Render(blocks, figures);

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfDocument.Open(pdf);
        var text = Lines(document);
        Assert.True(document.NumberOfPages >= 4, $"{document.NumberOfPages} pages");
        Assert.Contains("We counted 321 victims.", text, StringComparison.Ordinal);
        Assert.Contains("Row80 80", text, StringComparison.Ordinal);
        Assert.Contains("Row3 <5", text, StringComparison.Ordinal);
        Assert.Contains("Total 3240", text, StringComparison.Ordinal);
        Assert.Contains("Page 3", text, StringComparison.Ordinal);
        Assert.Contains("suppressed", text, StringComparison.Ordinal);
        Assert.Contains("Nowhere 6", text, StringComparison.Ordinal);
        // The header is repeated on the page where the table continues.
        Assert.Contains("District Victims", Lines(document, 3), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_TandoAllahyar_IsItsHeadquartersTown()
    {
        var place = DistrictCatalogue.Pakistan.Find("Tando Allahyar");

        Assert.NotNull(place);
        Assert.Equal("Sindh", place.Province);
        Assert.InRange(place.Latitude, 25.40f, 25.52f);
        Assert.InRange(place.Longitude, 68.65f, 68.78f);
    }

    [Fact]
    public void Find_EveryDistrictTheDemoDataUses_HasAPoint()
    {
        string[] provinces = ["Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan", "Islamabad Capital Territory"];
        var districts = provinces
            .SelectMany(Lantern.Core.Features.Demo.DemoPlaces.InProvince).Select(d => d.Name)
            .Concat(Lantern.Core.Features.Demo.DemoSeeder.WorkplaceSpecs.Select(w => w.District)).Distinct().ToList();

        Assert.True(districts.Count > 40, $"{districts.Count} districts");
        Assert.All(districts, d => Assert.True(DistrictCatalogue.Pakistan.Find(d) is not null, $"{d} has no point"));
    }

    [Fact]
    public void Layout_NeighbouringDistricts_LabelsOverlapNeitherEachOtherNorOtherCircles()
    {
        string[] crowded = ["Lahore", "Kasur", "Sheikhupura", "Faisalabad", "Okara", "Gujranwala", "Sialkot", "Hyderabad", "Umerkot", "Tando Allahyar", "Mirpurkhas", "Sanghar", "Badin", "Karachi", "Thatta"];
        var map = DistrictMap.Layout("Inspections", "inspections",
            [.. crowded.Select((d, i) => new DistrictMap.Count(d, i % 3 == 0 ? null : 10 + i * 7, i % 3 == 0 ? "<5" : (10 + i * 7).ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            DistrictCatalogue.Pakistan);

        var boxes = map.Markers.Where(m => m.Label is not null)
            .Select(m => (m, Box: new SkiaSharp.SKRect(m.Label!.X, m.Label.Baseline - DistrictMap.LabelSize * 0.76f, m.Label.X + m.Label.Width, m.Label.Baseline + DistrictMap.LabelSize * 0.24f))).ToList();
        Assert.True(boxes.Count >= crowded.Length - 2, $"only {boxes.Count} of {crowded.Length} labelled");
        foreach (var (m, box) in boxes)
        {
            Assert.DoesNotContain(boxes, o => !ReferenceEquals(o.m, m) && o.Box.IntersectsWith(box));
            Assert.DoesNotContain(map.Markers, o => !ReferenceEquals(o, m) && Distance(o, box) < o.Radius);
            Assert.InRange(box.Left, 0, map.Width);
            Assert.InRange(box.Right, 0, map.Width);
        }
        var svg = DistrictMap.ToSvg(map);
        Assert.All(boxes, b => Assert.Contains($">{System.Net.WebUtility.HtmlEncode(b.m.Label!.Text)}</text>", svg, StringComparison.Ordinal));
        Assert.All(map.Unlabelled, m => Assert.Null(m.Label));
    }

    private static float Distance(DistrictMap.Marker circle, SkiaSharp.SKRect box)
    {
        var dx = circle.X - Math.Clamp(circle.X, box.Left, box.Right);
        var dy = circle.Y - Math.Clamp(circle.Y, box.Top, box.Bottom);
        return MathF.Sqrt(dx * dx + dy * dy);
    }

    [Fact]
    public void Render_HeadingWhereverItFalls_IsNeverTheLastTextOfAPage()
    {
        var rows = Enumerable.Range(1, 6).Select(i => (IReadOnlyList<string>)[$"Sector{i}", "12"]).ToList();
        var figures = new AnnualReportFigures(2025, "the test scope", new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc),
            new Dictionary<string, string> { ["year"] = "2025", ["generated"] = "15 January 2026" },
            new Dictionary<string, ReportTable> { ["inspections-by-sector"] = new("Labour inspections by sector", ["Sector", "Inspections"], rows, ["Total", "72"]) },
            new Dictionary<string, ReportChart>(), new Dictionary<string, DistrictMap.Data>());
        // Filler of every length from none to more than a page moves the heading through every position on the page.
        for (var filler = 0; filler <= 56; filler++)
        {
            var template = "# Report\n\n" + string.Concat(Enumerable.Range(1, filler).Select(i => $"- Filler line {i}.\n")) + "\n### By sector\n\n{{table:inspections-by-sector}}";

            using var document = PdfDocument.Open(AnnualReportPdf.Render(ReportTemplate.Parse(template), figures));

            foreach (var page in document.GetPages().Where(p => p.Number > 1))
            {
                // The body's lowest line (the running footer sits below the bottom margin, under y = 56).
                var body = page.Letters.Where(l => l.StartBaseLine.Y > 56 && !string.IsNullOrWhiteSpace(l.Value)).ToList();
                var last = body.GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderBy(g => g.Key).First();
                Assert.False(last.Any(l => l.PointSize >= 11), $"with {filler} filler lines page {page.Number} ends with the heading \"{string.Concat(last.Select(l => l.Value))}\"");
            }
        }
    }

    [Theory]
    [InlineData(2025, "2025-01-01", "2025-06-30", "year")]
    [InlineData(null, "2025-01-01", null, "to")]
    [InlineData(null, null, "2025-06-30", "from")]
    [InlineData(null, "2025-13-01", "2025-06-30", "from")]
    [InlineData(null, "2025-03-01", "1 June 2025", "to")]
    [InlineData(null, "2025-07-01", "2025-06-30", "to")]
    [InlineData(null, "1989-07-01", "2025-06-30", "from")]
    [InlineData(null, null, null, "year")]
    public void Of_BadPeriod_IsRefusedNamingTheField(int? year, string? from, string? to, string field) =>
        Assert.Equal(field, Assert.Throws<ValidationException>(() => Lantern.Core.Features.Statistics.ReportingPeriod.Of(year, from, to)).Field);

    [Fact]
    public void Of_YearOrPeriod_GivesTheDaysAndTheirLabel()
    {
        var year = Lantern.Core.Features.Statistics.ReportingPeriod.Of(2025, null, " ");
        var period = Lantern.Core.Features.Statistics.ReportingPeriod.Of(null, "2024-07-01", "2025-06-30");

        Assert.True(year.IsCalendarYear);
        Assert.Equal("2025", year.Label);
        Assert.False(period.IsCalendarYear);
        Assert.Equal("1 July 2024 to 30 June 2025", period.Label);
        Assert.Equal("2024-07-01-to-2025-06-30", period.Code);
    }

    /// <summary>
    /// The PDF's text as lines: letters on one baseline, left to right, a space where the gap is wider than kerning
    /// (Skia places each glyph, so PdfPig's own words split at kerned pairs such as "Wo").
    /// </summary>
    internal static string Lines(PdfDocument document, int? page = null) => string.Join("\n",
        document.GetPages().Where(p => page is null || p.Number == page).SelectMany(p => p.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var line = new System.Text.StringBuilder();
                double? end = null;
                foreach (var l in g.OrderBy(l => l.StartBaseLine.X))
                {
                    if (end is { } e && l.StartBaseLine.X - e > 1.5)
                    {
                        line.Append(' ');
                    }
                    line.Append(l.Value);
                    end = l.EndBaseLine.X;
                }
                return System.Text.RegularExpressions.Regex.Replace(line.ToString(), " {2,}", " ").Trim();
            })));
}
