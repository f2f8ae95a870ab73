using System.Xml.Linq;
using Lantern.Web;

namespace Lantern.Integration.Tests.Web;

public sealed class ChartsTests
{
    [Fact]
    public void Bars_LabelWithMarkup_IsEncodedAndTheSvgIsWellFormed()
    {
        var svg = Charts.Bars("Victims <by> sex", [new("<script>alert(1)</script>", 3), new("boys", 7)]).ToString()!;

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        var root = XElement.Parse(svg);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("Victims <by> sex", (string?)root.Attribute("aria-label"));
    }

    [Fact]
    public void Bars_LargestValue_GetsTheWidestBar()
    {
        var svg = XElement.Parse(Charts.Bars("t", [new("a", 2), new("b", 8), new("c", 4)]).ToString()!);
        var widths = svg.Elements().Where(e => e.Name.LocalName == "rect").Select(r => double.Parse((string)r.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(3, widths.Count);
        Assert.Equal(widths.Max(), widths[1]);
        Assert.Equal(widths[1] / 4, widths[0], 1);
    }

    [Fact]
    public void Funnel_LaterStages_ShowTheirShareOfTheFirst()
    {
        var svg = Charts.Funnel("Funnel", [new("Complaints", 200), new("FIRs", 100), new("Convictions", 10)]).ToString()!;

        Assert.Contains("100 (50%)", svg, StringComparison.Ordinal);
        Assert.Contains("10 (5%)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_NoData_RendersAnEmptyButValidChart()
    {
        var svg = XElement.Parse(Charts.Columns("Nothing yet", []).ToString()!);

        Assert.DoesNotContain(svg.Elements(), e => e.Name.LocalName == "rect");
        Assert.Contains("No data", svg.Value, StringComparison.Ordinal);
    }
}
