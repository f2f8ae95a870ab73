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
