using Lantern.Core.Features.Linkage;
using Lantern.Core.Security;

namespace Lantern.Core.Tests.Features.Linkage;

public sealed class TransliterationTests
{
    [Theory]
    [InlineData("محمد اسلم", "Muhammad Aslam")] // both in the name knowledge: the usual Pakistani spellings
    [InlineData("نسرین اختر", "Nasreen Akhtar")]
    [InlineData("شگفتہ", "Shagfta")] // in no group: spelled out, the unwritten vowels supplied where Urdu usually has them
    [InlineData("رحیم", "Rahim")]
    [InlineData("علی", "Ali")]
    [InlineData("سعید", "Saeed")]
    [InlineData("Bibi نسرین", "Bibi Nasreen")] // Latin words are kept
    public void ToLatin_UrduScriptName_GivesItsLatinSpelling(string name, string expected)
    {
        Assert.Equal(expected, Transliteration.ToLatin(name));
    }

    [Theory]
    [InlineData("Nasreen Akhtar")]
    [InlineData("")]
    [InlineData(null)]
    public void ToLatin_NameWithoutArabicScript_IsNull(string? name)
    {
        Assert.Null(Transliteration.ToLatin(name));
    }

    [Theory]
    [InlineData("شگفتہ", "Shagufta")]
    [InlineData("رحیم", "Rahim")]
    [InlineData("کلثوم", "Kulsoom")]
    [InlineData("ذوالفقار", "Zulfiqar")]
    public void SpellOut_ConsonantsOfTheReading_MeetTheUsualLatinSpelling(string urdu, string latin)
    {
        // Search compares consonant keys: the spelled-out reading need not be the usual spelling, only meet it there.
        var reading = Transliteration.SpellOut(urdu);
        Assert.Equal(NameTokens.PhoneticKey(latin.ToLowerInvariant()), NameTokens.PhoneticKey(reading));
    }

    [Fact]
    public void SpellOut_AspiratedLettersAndFinalHeh_AreReadAsInUrdu()
    {
        Assert.Equal("bhati", Transliteration.SpellOut("بھٹی")); // Bhatti: the doubled t is unwritten without a shadda
        Assert.Equal("fatma", Transliteration.SpellOut("فاطمہ"));
    }
}
