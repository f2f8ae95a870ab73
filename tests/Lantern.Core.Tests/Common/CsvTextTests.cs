using Lantern.Core.Common;

namespace Lantern.Core.Tests.Common;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+92 300", "'+92 300")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void Cell_FormulaLike_IsNeutralised(string value, string expected) => Assert.Equal(expected, CsvText.Cell(value));

    [Theory]
    [InlineData("PTPA 2018 s.3(2)", "PTPA 2018 s.3(2)")]
    [InlineData("Lahore, Punjab", "\"Lahore, Punjab\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData(null, "")]
    public void Cell_PlainText_IsQuotedOnlyWhenNeeded(string? value, string expected) => Assert.Equal(expected, CsvText.Cell(value));

    [Fact]
    public void Row_JoinsCellsWithCommas() => Assert.Equal("a,\"b,c\",'=1", CsvText.Row("a", "b,c", "=1"));
}
