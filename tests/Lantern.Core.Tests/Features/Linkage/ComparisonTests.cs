using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Tests.Features.Linkage;

public sealed class ComparisonTests
{
    private static int NameLevel(string a, string b) => Level(LinkageField.FullName, a, b);

    private static int Level(LinkageField field, string? a, string? b)
    {
        var comparison = Comparison.For(new LinkageColumn("column", field), [a, b], NameKnowledge.Bundled);
        return comparison.Level(0, 1);
    }

    [Theory]
    [InlineData("Muhammad Aslam", "Mohd Aslam")]
    [InlineData("Muhammad Aslam", "Mohammed Aslam")]
    [InlineData("Md Aslam", "Mohammad Aslam")]
    [InlineData("Muhammad Hussain", "Mohammed Husain")]
    [InlineData("Ali Hossain", "Ali Hussain")]
    [InlineData("Imran Khan", "Imran Khaan")]
    [InlineData("Aslam Muhammad", "Muhammad Aslam")]
    [InlineData("Yousaf Qureshi", "Yusuf Kureshi")]
    public void Name_TransliterationVariantOrWordOrder_IsVariant(string a, string b) =>
        Assert.Equal(NameComparison.Variant, NameLevel(a, b));

    [Theory]
    [InlineData("Haji Muhammad Aslam", "Muhammad Aslam")]
    [InlineData("Syed Ali Raza", "ali raza")]
    [InlineData("Dr. Farah Naz", "Farah  Naz")]
    [InlineData("Muhammad Aslam s/o Ghulam Rasool", "Muhammad Aslam")]
    public void Name_HonorificsKinshipCaseAndSpacing_AreExact(string a, string b) =>
        Assert.Equal(NameComparison.Exact, NameLevel(a, b));

    [Theory]
    [InlineData("محمد اسلم", "Muhammad Aslam")]
    [InlineData("محمد اسلم", "Mohd Aslam")]
    [InlineData("حسين", "Hussain")]
    [InlineData("محمد اسلم بٹ", "Muhammad Aslam Butt")]
    [InlineData("یوسف", "Yousuf")]
    public void Name_ArabicOrUrduScriptAgainstLatin_IsVariant(string a, string b) =>
        Assert.Equal(NameComparison.Variant, NameLevel(a, b));

    [Theory]
    [InlineData("M. Aslam", "Muhammad Aslam")]
    [InlineData("Muhammad Aslam Butt", "Muhammad Butt")]
    [InlineData("Aslam", "Mohd Aslam Butt")]
    public void Name_InitialsOrMissingMiddleName_IsPartial(string a, string b) =>
        Assert.Equal(NameComparison.Partial, NameLevel(a, b));

    [Theory]
    [InlineData("Muhammad Aslam", "Muhammad Asalm")]
    [InlineData("Zubair Ahmed", "Zubiar Ahmed")]
    public void Name_TypingSlip_IsClose(string a, string b) =>
        Assert.Equal(NameComparison.Close, NameLevel(a, b));

    [Theory]
    [InlineData("Muhammad Ali", "Muhammad Aslam")]
    [InlineData("Fatima Bibi", "Ayesha Bibi")]
    [InlineData("Hussain", "Hassan")]
    public void Name_DifferentPeopleWithAShareOfTheName_IsNotAVariant(string a, string b) =>
        Assert.True(NameLevel(a, b) > NameComparison.Partial, $"{a} / {b}: level {NameLevel(a, b)}");

    [Fact]
    public void Level_EitherOrderAndRepeated_IsTheSame()
    {
        string?[] names = ["Muhammad Aslam Butt", "Aslam Muhammad", "M. Aslam", "Mohd Aslam", "محمد اسلم", "Muhammad Ali", "Muhammad Aslam Butt"];
        var comparison = Comparison.For(new LinkageColumn("name", LinkageField.FullName), names, NameKnowledge.Bundled);

        for (var a = 0; a < names.Length; a++)
        {
            for (var b = 0; b < names.Length; b++)
            {
                var first = comparison.Level(a, b);
                Assert.Equal(first, comparison.Level(b, a));
                Assert.Equal(first, comparison.Level(a, b));
            }
        }
        Assert.Equal(NameComparison.Exact, comparison.Level(0, 6));
    }

    [Fact]
    public void Name_MissingOnEitherSide_IsMissing()
    {
        Assert.Equal(Comparison.Missing, NameLevel("", "Muhammad Ali"));
        Assert.Equal(Comparison.Missing, Level(LinkageField.FullName, null, "Muhammad Ali"));
        Assert.Equal(Comparison.Missing, NameLevel("Haji", "Muhammad Ali"));
    }

    [Theory]
    [InlineData("19850312", "1985-03-12", 0)]
    [InlineData("12/03/1985", "1985-03-12", 0)]
    [InlineData("19851203", "19850312", 1)]
    [InlineData("19850312", "19850313", 1)]
    [InlineData("19850312", "19580312", 1)]
    [InlineData("1985", "19850312", 2)]
    [InlineData("1985-03", "19850312", 2)]
    [InlineData("19850312", "19870621", 3)]
    [InlineData("1985", "1990-01-01", 3)]
    public void BirthDate_PartialSwappedOrMistyped_HasItsLevel(string a, string b, int level) =>
        Assert.Equal(level, Level(LinkageField.BirthDate, a, b));

    [Theory]
    [InlineData("35202-1234567-1", "3520212345671", 0)]
    [InlineData("35202-1234567-1", "35202-1234587-1", 1)]
    [InlineData("35202-1234567-1", "35202-1243567-1", 1)]
    [InlineData("35202-1234567-1", "35202-1234567", 1)]
    [InlineData("35202-1234567-1", "35202-1298567-1", 2)]
    [InlineData("35202-1234567-1", "61101-7654321-3", 3)]
    public void NationalId_TypingErrors_HaveTheirLevel(string a, string b, int level) =>
        Assert.Equal(level, Level(LinkageField.NationalId, a, b));

    [Theory]
    [InlineData("+92 300 1234567", "0300-1234567", 0)]
    [InlineData("0092 300 1234567", "03001234567", 0)]
    [InlineData("0300-1234567", "0300-1234576", 1)]
    [InlineData("0300-1234567", "0321-7654321", 3)]
    public void Phone_CountryCodeAndTypingErrors_HaveTheirLevel(string a, string b, int level) =>
        Assert.Equal(level, Level(LinkageField.Phone, a, b));

    [Theory]
    [InlineData("House 12, Street 4, G-9/2", "house 12 street 4 g 9 2", 0)]
    [InlineData("Mohalla Islampura, Gujranwala", "Mohalla Islampur, Gujranwala", 1)]
    [InlineData("Mohalla Islampura, Gujranwala", "Gulberg III, Lahore", 3)]
    public void Address_Spelling_HasItsLevel(string a, string b, int level) =>
        Assert.Equal(level, Level(LinkageField.Address, a, b));

    [Theory]
    [InlineData(LinkageField.Locality, "D.G. Khan", "Dera Ghazi Khan", 0)]
    [InlineData(LinkageField.Locality, "DGK", "dera ghazi khan", 0)]
    [InlineData(LinkageField.Locality, "Lyallpur", "Faisalabad", 0)]
    [InlineData(LinkageField.Locality, "Rawalpindi", "Rawalpndi", 1)]
    [InlineData(LinkageField.Locality, "Rawalpindi", "Lahore", 3)]
    [InlineData(LinkageField.Region, "KPK", "Khyber Pakhtunkhwa", 0)]
    [InlineData(LinkageField.Region, "N.W.F.P.", "KP", 0)]
    [InlineData(LinkageField.Region, "Sindh", "Punjab", 1)]
    public void Place_AbbreviationOrFormerName_IsExact(LinkageField field, string a, string b, int level) =>
        Assert.Equal(level, Level(field, a, b));

    [Theory]
    [InlineData("M", "male", 0)]
    [InlineData("female", "M", 1)]
    public void Sex_Synonyms_AreExact(string a, string b, int level) =>
        Assert.Equal(level, Level(LinkageField.Sex, a, b));

    [Fact]
    public void StringSimilarity_KnownValues_MatchTheDefinitions()
    {
        Assert.Equal(0.961, StringSimilarity.JaroWinkler("martha", "marhta"), 3);
        Assert.Equal(0.840, StringSimilarity.JaroWinkler("dwayne", "duane"), 3);
        Assert.Equal(1, StringSimilarity.DamerauLevenshtein("aslam", "alsam", 3));
        Assert.Equal(3, StringSimilarity.DamerauLevenshtein("kitten", "sitting", 3));
        Assert.Equal(2, StringSimilarity.DamerauLevenshtein("kitten", "sitting", 1));
    }
}
