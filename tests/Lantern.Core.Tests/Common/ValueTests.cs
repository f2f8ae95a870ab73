using Lantern.Core.Common;

namespace Lantern.Core.Tests.Common;

public sealed class ValueTests
{
    [Theory]
    [InlineData("2009", "2009")]
    [InlineData("2009-05", "2009-05")]
    [InlineData("2009-05-17", "2009-05-17")]
    public void PartialDate_ValidForms_RoundTrip(string input, string expected) => Assert.Equal(expected, PartialDate.Parse(input, "f").ToString());

    [Theory]
    [InlineData("2009-13")]
    [InlineData("2009-02-30")]
    [InlineData("09-05")]
    [InlineData("1800")]
    [InlineData("2009/05/17")]
    public void PartialDate_Invalid_NamesTheField(string input) => Assert.Equal("prs_Birthdate", Assert.Throws<ValidationException>(() => PartialDate.Parse(input, "prs_Birthdate")).Field);

    [Fact]
    public void PartialDate_Month_SpansTheMonth()
    {
        var d = PartialDate.Parse("2024-02", "f");
        Assert.Equal(new DateOnly(2024, 2, 1), d.Earliest);
        Assert.Equal(new DateOnly(2024, 2, 29), d.Latest);
    }

    [Theory]
    [InlineData("+923001234567", "+923001234567")]
    [InlineData("923001234567", "+923001234567")]
    [InlineData("+92 300 123-4567", "+923001234567")]
    public void PhoneNumber_E164_IsNormalised(string input, string expected) => Assert.Equal(expected, PhoneNumber.Normalise(input, "f"));

    [Theory]
    [InlineData("03001234567")]
    [InlineData("+92300abc4567")]
    [InlineData("+9230012345678901")]
    public void PhoneNumber_NotE164_IsRefused(string input) => Assert.Throws<ValidationException>(() => PhoneNumber.Normalise(input, "prs_MobilePhone"));

    [Theory]
    [InlineData(DocumentType.CNIC, "35202-1234567-9", true)]
    [InlineData(DocumentType.CNIC, "3520212345679", true)]
    [InlineData(DocumentType.CNIC, "35202-123456-9", false)]
    [InlineData(DocumentType.BForm, "35102-7654321-4", true)]
    [InlineData(DocumentType.Passport, "AB1234567", true)]
    [InlineData(DocumentType.Passport, "--", false)]
    public void DocumentNumber_Shape_IsChecked(DocumentType type, string number, bool valid)
    {
        if (valid)
        {
            DocumentNumber.Validate(type, number, "n");
        }
        else
        {
            Assert.Throws<ValidationException>(() => DocumentNumber.Validate(type, number, "n"));
        }
    }

    [Fact]
    public void DocumentNumber_Normalised_KeepsDigitsAndLetters() => Assert.Equal("3520212345679", DocumentNumber.Normalise("35202-1234567-9"));

    [Theory]
    [InlineData("pk", "PK")]
    [InlineData("IR", "IR")]
    public void CountryCode_Assigned_IsAccepted(string input, string expected) => Assert.Equal(expected, CountryCode.Parse(input, "c").Value);

    [Theory]
    [InlineData("XX")]
    [InlineData("PAK")]
    [InlineData("")]
    public void CountryCode_Unassigned_IsRefused(string input) => Assert.Throws<ValidationException>(() => CountryCode.Parse(input, "c"));

    [Fact]
    public void Picklist_NumericValue_IsRefused() => Assert.Throws<ValidationException>(() => Picklist.Parse<Gender>("1", "prs_Gender"));

    [Fact]
    public void SequentialGuid_StrictlyIncreases()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => SequentialGuid.Next()).ToList();
        for (var i = 1; i < ids.Count; i++)
        {
            Assert.True(ids[i].CompareTo(ids[i - 1]) > 0);
            Assert.True(string.CompareOrdinal(ids[i].ToString(), ids[i - 1].ToString()) > 0);
        }
    }
}
