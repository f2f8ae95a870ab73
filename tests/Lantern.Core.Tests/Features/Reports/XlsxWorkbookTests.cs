using System.IO.Compression;
using System.Xml.Linq;
using Lantern.Core.Common;

namespace Lantern.Core.Tests.Features.Reports;

/// <summary>The XLSX writer read back as a spreadsheet would: cells that look like formulas stay text.</summary>
public sealed class XlsxWorkbookTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The sheet's cells by reference: (type, text or value, has a formula).</summary>
    internal static Dictionary<string, (string? Type, string Text, bool Formula)> Cells(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var xml = XDocument.Load(sheet);
        return xml.Descendants(Main + "c").ToDictionary(
            c => (string)c.Attribute("r")!,
            c => ((string?)c.Attribute("t"), c.Attribute("t")?.Value == "inlineStr" ? string.Concat(c.Descendants(Main + "t").Select(t => t.Value)) : (string?)c.Element(Main + "v") ?? "",
                c.Element(Main + "f") is not null));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+92 300 1234567")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("<5")]
    [InlineData("Rawalpindi & Islamabad \"twin cities\"")]
    public void Write_TextThatLooksLikeAFormula_ComesBackAsTheSameTextNeverAFormula(string text)
    {
        var xlsx = XlsxWorkbook.Write("victims", [["group", "count"], [text, 7]]);

        var cells = Cells(xlsx);

        Assert.Equal(("inlineStr", text, false), cells["A2"]);
        Assert.Equal((null, "7", false), cells["B2"]);
        Assert.DoesNotContain(cells.Values, c => c.Formula);
    }

    [Fact]
    public void Count_PublishedText_IsANumberOnlyWhenExact()
    {
        Assert.Equal(12, XlsxWorkbook.Count("12"));
        Assert.Equal("<5", XlsxWorkbook.Count("<5"));
        Assert.Equal("x", XlsxWorkbook.Count("x"));
        Assert.Equal("-1", XlsxWorkbook.Count("-1"));
    }

    [Fact]
    public void Write_ManyColumns_NamesColumnsBeyondZ()
    {
        var row = Enumerable.Range(0, 30).Select(i => (object?)i).ToList();

        var cells = Cells(XlsxWorkbook.Write("wide", [row]));

        Assert.Equal("25", cells["Z1"].Text);
        Assert.Equal("26", cells["AA1"].Text);
        Assert.Equal("29", cells["AD1"].Text);
    }
}
