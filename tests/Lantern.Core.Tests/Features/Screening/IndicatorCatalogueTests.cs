using Lantern.Core.Common;
using Lantern.Core.Features.Screening;

namespace Lantern.Core.Tests.Features.Screening;

public sealed class IndicatorCatalogueTests
{
    private const string Header = "population,exploitation,dimension,indicator,strength,verification";

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    [Fact]
    public void Bundled_FourLists_HaveTheRowsOfTheReferenceFile()
    {
        var catalogue = IndicatorCatalogue.Bundled;
        Assert.Equal(264, catalogue.Rows.Count);
        Assert.Equal(67, catalogue.List(Population.Adult, Exploitation.Labour).Count);
        Assert.Equal(67, catalogue.List(Population.Adult, Exploitation.Sexual).Count);
        Assert.Equal(65, catalogue.List(Population.Child, Exploitation.Labour).Count);
        Assert.Equal(65, catalogue.List(Population.Child, Exploitation.Sexual).Count);
        Assert.Matches("^sha256:[0-9a-f]{64}$", catalogue.Version);
    }

    [Fact]
    public void Bundled_AdultLabour_CountsPerDimensionMatchTheIndependentSummary()
    {
        // ilo_indicators_rule.md section 5: the Seafish summary of the ILO list gives these counts.
        var counts = IndicatorCatalogue.Bundled.List(Population.Adult, Exploitation.Labour)
            .GroupBy(r => r.Dimension).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["deceptive recruitment"] = 10,
            ["coercive recruitment"] = 10,
            ["recruitment by abuse of vulnerability"] = 16,
            ["exploitative conditions of work"] = 9,
            ["coercion at destination"] = 15,
            ["abuse of vulnerability at destination"] = 7,
        }, counts);
    }

    [Fact]
    public void Bundled_ChildSexual_KeepsVerificationAndUnverifiedStrengths()
    {
        var list = IndicatorCatalogue.Bundled.List(Population.Child, Exploitation.Sexual);
        Assert.Equal(63, list.Count(r => r.Strength == IndicatorStrength.Unverified));
        var hazardous = Assert.Single(list, r => r.Text == "Hazardous work");
        Assert.Equal(IndicatorStrength.Strong, hazardous.Strength);
        Assert.Equal("secondary_hint", hazardous.Verification);
        Assert.All(list.Where(r => r.Strength == IndicatorStrength.Unverified), r => Assert.StartsWith("unverified (", r.Verification, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SameRowsWrittenDifferently_HasTheSameVersion()
    {
        var plain = IndicatorCatalogue.Parse(Csv("adult,labour,deceptive recruitment,Deceived about wages/earnings,medium,secondary"), "a");
        var other = IndicatorCatalogue.Parse(
            Header.ToUpperInvariant() + "\r\n\"adult\", labour ,deceptive recruitment,\"Deceived about wages/earnings\",medium,secondary\r\n\r\n", "b");
        Assert.Equal(plain.Version, other.Version);
        Assert.NotEqual(plain.Label, other.Label);
    }

    [Fact]
    public void Parse_ChangedStrength_ChangesTheVersion()
    {
        var medium = IndicatorCatalogue.Parse(Csv("adult,labour,deceptive recruitment,Deceived about wages/earnings,medium,secondary"), "a");
        var weak = IndicatorCatalogue.Parse(Csv("adult,labour,deceptive recruitment,Deceived about wages/earnings,weak,secondary"), "a");
        Assert.NotEqual(medium.Version, weak.Version);
    }

    [Fact]
    public void Parse_QuotedCommasAndQuotes_AreKept()
    {
        var catalogue = IndicatorCatalogue.Parse(Csv("adult,labour,coercive recruitment,\"Abduction, forced marriage, \"\"selling\"\"\",medium,secondary"), "a");
        Assert.Equal("Abduction, forced marriage, \"selling\"", Assert.Single(catalogue.Rows).Text);
    }

    [Theory]
    [InlineData("elder,labour,deceptive recruitment,X,medium,secondary", "new.csv row 3, population")]
    [InlineData("adult,domestic,deceptive recruitment,X,medium,secondary", "new.csv row 3, exploitation")]
    [InlineData("adult,labour,deceptive recruitment,X,very strong,secondary", "new.csv row 3, strength")]
    [InlineData("adult,labour,deceptive recruitment,X,medium,", "new.csv row 3, verification")]
    [InlineData("adult,labour,,X,medium,secondary", "new.csv row 3, dimension")]
    [InlineData("adult,labour,deceptive: recruitment,X,medium,secondary", "new.csv row 3, dimension")]
    [InlineData("adult,labour,deceptive recruitment,X,medium", "new.csv row 3")]
    [InlineData("adult,labour,deceptive recruitment,\"X,medium,secondary", "new.csv row 3, column 4")]
    [InlineData("adult,labour,deceptive recruitment,Deceived about wages/earnings,weak,secondary", "new.csv row 3, indicator")]
    public void Parse_BadRow_NamesTheRowAndColumn(string badRow, string field)
    {
        var csv = Csv("adult,labour,deceptive recruitment,Deceived about wages/earnings,medium,secondary", badRow);
        var e = Assert.Throws<ValidationException>(() => IndicatorCatalogue.Parse(csv, "new.csv"));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Parse_UnknownStrength_SaysWhichValuesAreAllowed()
    {
        var e = Assert.Throws<ValidationException>(() => IndicatorCatalogue.Parse(Csv("adult,labour,d,X,strongish,v"), "new.csv"));
        Assert.Equal("new.csv row 2, strength", e.Field);
        Assert.Contains("'strongish'", e.Message, StringComparison.Ordinal);
        Assert.Contains("strong, medium, weak or unverified", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownHeader_NamesTheColumn()
    {
        var csv = "population,exploitation,dimension,indicator,weight,verification\nadult,labour,d,X,medium,v\n";
        var e = Assert.Throws<ValidationException>(() => IndicatorCatalogue.Parse(csv, "new.csv"));
        Assert.Equal("new.csv row 1, column 5", e.Field);
        Assert.Contains("'weight'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingColumn_NamesIt()
    {
        var e = Assert.Throws<ValidationException>(() => IndicatorCatalogue.Parse("population,exploitation,dimension,indicator,strength\nadult,labour,d,X,medium\n", "new.csv"));
        Assert.Equal("new.csv row 1", e.Field);
        Assert.Contains("verification", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(Header + "\n")]
    public void Parse_NoIndicatorRows_IsRefused(string csv) => Assert.Throws<ValidationException>(() => IndicatorCatalogue.Parse(csv, "new.csv"));

    [Fact]
    public void Parse_LineBreakInsideQuotedValue_IsRefusedAtItsRow()
    {
        var csv = Csv("adult,labour,d,\"two\nlines\",medium,v", "adult,labour,d,Y,bad,v");
        var e = Assert.Throws<ValidationException>(() => IndicatorCatalogue.Parse(csv, "new.csv"));
        Assert.Equal("new.csv row 2, indicator", e.Field);
    }
}
