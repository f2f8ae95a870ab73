using System.Globalization;
using Lantern.Core.Features.Inspections;
using Lantern.Core.Features.Tips;
using Lantern.Core.Security;
using Lantern.Web;
using Lantern.Web.Localisation;

namespace Lantern.Integration.Tests.Features.Localisation;

/// <summary>The values and validation messages shown on the tip line, inspection, workplace and user pages, in Urdu.</summary>
public sealed partial class CatalogueTests
{
    [Fact]
    public void Words_TipLineInspectionAndRoleValues_AreAllInUrdu()
    {
        InUrdu(() =>
        {
            var words = new List<string>();
            words.AddRange(Enum.GetValues<TipProvince>().Select(v => Words.Of(v.ToString())));
            words.AddRange(Enum.GetValues<ChildrenAtRisk>().Select(v => Words.Of(v.ToString())));
            words.AddRange(Enum.GetValues<TipState>().Select(v => Words.Of(v.ToString())));
            words.AddRange(Enum.GetValues<TipCloseReason>().Select(v => Words.Of(v.ToString())));
            words.AddRange(Enum.GetValues<WorkplaceKind>().Select(v => Words.OfCode(Codes.Kebab(v))));
            words.AddRange(Enum.GetValues<WorkplaceStatus>().Select(v => Words.OfCode(Codes.Kebab(v))));
            words.AddRange(Enum.GetValues<ForcedLabourIndicator>().Select(v => Words.OfCode(Codes.Kebab(v))));
            words.AddRange(Enum.GetValues<Role>().Select(v => Words.OfCode(RolePermissions.Name(v))));
            var english = words.Where(w => LatinWord().IsMatch(w)).ToList();
            Assert.True(english.Count == 0, "Still in English in Urdu: " + string.Join(", ", english));
        });
    }

    [Fact]
    public void Messages_CoreMessageWithValues_IsTranslatedWithTheValuesKept()
    {
        InUrdu(() =>
        {
            Assert.Equal("براہِ کرم بتائیں کہ کیا ہوا۔", Messages.Translate("Please say what happened."));
            Assert.Equal("موجود بچوں کی تعداد (5) موجود مزدوروں (3) سے زیادہ نہیں ہو سکتی۔", Messages.Translate("Children found (5) cannot be more than workers found (3)."));
            Assert.Equal("آپ کے ادارے میں 'imran.k' نام کا کوئی صارف نہیں۔", Messages.Translate("There is no user named 'imran.k' in your organisation."));
            // A message nobody translated stays as Core wrote it.
            Assert.Equal("A message nobody translated (7).", Messages.Translate("A message nobody translated (7)."));
        });
        Assert.Equal("Please say what happened.", Messages.Translate("Please say what happened."));
    }

    [Fact]
    public void FieldLabels_CoreFieldNameInAnyCase_IsLabelled()
    {
        // ModelState merges Core's "whatHappened" into the bound "WhatHappened": both get the label.
        Assert.Equal("What happened", FieldLabels.For("whatHappened"));
        Assert.Equal("What happened", FieldLabels.For("WhatHappened"));
        Assert.Equal("Peshgi owed", FieldLabels.For("peshgiAmount"));
    }

    private static void InUrdu(Action check)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ur-PK");
            check();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
