using Lantern.Web.Localisation;
using Microsoft.Extensions.Localization;

namespace Lantern.Integration.Tests.Features.Localisation;

/// <summary>Keys with a context (one English word, two meanings) and sentences with data in them.</summary>
public sealed partial class CatalogueTests
{
    [Fact]
    public void Catalogue_KeyWithContext_ShowsItsEnglishWithoutTheContextAndHasItsOwnUrdu()
    {
        var localizer = new CatalogueLocalizer(Catalogue.Shipped);
        Assert.Equal("Places", localizer["Places|capacity"].Value);
        InUrdu(() =>
        {
            // A shelter's places are its capacity; the network's places are locations.
            Assert.Equal("گنجائش", localizer["Places|capacity"].Value);
            Assert.Equal("مقامات", localizer["Places"].Value);
            Assert.NotEqual(localizer["From"].Value, localizer["From|stage"].Value);
            // A context nobody translated falls back to the English, without the context.
            var missing = localizer["Places|nobody-translated-this"];
            Assert.True(missing.ResourceNotFound);
            Assert.Equal("Places", missing.Value);
        });
    }

    [Fact]
    public void Sentence_ValuesInTranslation_AreMarkedAsDataAndEncoded()
    {
        InUrdu(() =>
        {
            var localizer = new CatalogueLocalizer(Catalogue.Shipped);
            using var html = new StringWriter();
            Sentence.With(localizer["Package from {0} imported: {1} item(s)."], Sentence.Pack("FIA <Lahore>", 3)).WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
            var text = html.ToString();
            Assert.StartsWith("<bdi translate=\"no\">FIA &lt;Lahore&gt;</bdi>", text, StringComparison.Ordinal);
            Assert.Contains("<bdi translate=\"no\">3</bdi>", text, StringComparison.Ordinal);
            Assert.Contains("پیکج", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Sentence_MessageWithoutValues_IsShownAsItIs()
    {
        using var html = new StringWriter();
        Sentence.With(new LocalizedString("k", "Imported <all>."), null).WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Equal("Imported &lt;all&gt;.", html.ToString());
    }
}
