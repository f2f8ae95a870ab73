using Lantern.Core.Features.Screening;

namespace Lantern.Core.Tests.Features.Screening;

public sealed class IndicatorWordingTests
{
    [Fact]
    public void Urdu_EveryBundledIndicatorAndDimension_HasUrduWording()
    {
        var rows = IndicatorCatalogue.Bundled.Rows;

        var missing = rows.Where(r => IndicatorWording.Urdu.Indicator(r.Text) is null).Select(r => r.Text)
            .Concat(rows.Where(r => IndicatorWording.Urdu.Dimension(r.Dimension) is null).Select(r => r.Dimension))
            .Distinct().ToList();

        Assert.True(missing.Count == 0, "No Urdu wording for: " + string.Join(", ", missing));
        Assert.All(rows, r => Assert.DoesNotMatch("[A-Za-z]", IndicatorWording.Urdu.Indicator(r.Text)!));
    }

    [Fact]
    public void Urdu_Provenance_SaysItIsAnUnreviewedDraft()
    {
        Assert.Equal("ur", IndicatorWording.Urdu.Language);
        Assert.Contains("not yet reviewed by a native speaker", IndicatorWording.Urdu.Provenance, StringComparison.Ordinal);
    }

    [Fact]
    public void Urdu_WordingNotInTheFile_IsNull()
    {
        Assert.Null(IndicatorWording.Urdu.Indicator("An indicator an administrator reworded"));
        Assert.Null(IndicatorWording.Urdu.Dimension("deceptive recruitment (reworded)"));
    }
}
