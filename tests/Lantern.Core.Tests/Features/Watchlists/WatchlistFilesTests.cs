using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;

namespace Lantern.Core.Tests.Features.Watchlists;

public sealed class WatchlistFilesTests
{
    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "watchlists", name));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Validated_BadNationality_NamesTheField()
    {
        var e = Assert.Throws<ValidationException>(() => new ListedDetails("Imran Butt", [], null, "Pakistan", null, null, null).Validated());
        Assert.Equal("nationality", e.Field);
    }

    [Fact]
    public void Validated_BadBirthDate_NamesTheField()
    {
        var e = Assert.Throws<ValidationException>(() => new ListedDetails("Imran Butt", [], "last spring", null, null, null, null).Validated());
        Assert.Equal("birth_date", e.Field);
    }

    [Fact]
    public void Validated_AliasEqualToNameOrRepeated_IsDropped()
    {
        var d = new ListedDetails(" Imran Butt ", ["imran butt", "Imi", "IMI", " "], "1984", "pk", null, null, null).Validated();
        Assert.Equal("Imran Butt", d.Name);
        Assert.Equal(["Imi"], d.Aliases);
        Assert.Equal("PK", d.Nationality);
    }

    [Fact]
    public void Validated_NoName_NamesTheField()
    {
        var e = Assert.Throws<ValidationException>(() => new ListedDetails(" ", [], null, null, null, null, null).Validated());
        Assert.Equal("name", e.Field);
    }

    [Fact]
    public void Read_SampleCsv_ReadsQuotedCellsArabicScriptAliasesAndReason()
    {
        var file = WatchlistFiles.Read(Sample("wanted-sample.csv"), WatchlistFileFormat.Csv);
        Assert.Equal(3, file.Records.Count);
        var first = file.Records[0];
        Assert.Equal("W-001", first.ExternalId);
        Assert.Equal(["عمران سلیم بٹ", "Imi Butt"], first.Details.Aliases);
        Assert.Equal("35202-1234567-1", first.Details.NationalId);
        Assert.Equal("Absconder in a synthetic FIR", first.Details.Reason);
        Assert.Equal("Rana, Asif Iqbal", file.Records[2].Details.Name);
        Assert.Equal("03/1990", file.Records[2].Details.BirthDate);
        Assert.Equal(64, file.Sha256.Length);
    }

    [Fact]
    public void Read_CsvWithBadBirthDate_NamesTheRecordAndTheField()
    {
        var csv = "id,name,birth_date\nA1,Imran Butt,1984\nA2,Tariq Gondal,sometime\n";
        var e = Assert.Throws<ValidationException>(() => WatchlistFiles.Read(Utf8(csv), WatchlistFileFormat.Csv));
        Assert.Equal("birth_date", e.Field);
        Assert.Contains("record 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("A2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvWithoutNameColumn_NamesTheFile()
    {
        var e = Assert.Throws<ValidationException>(() => WatchlistFiles.Read(Utf8("id,full_name\nA1,Imran\n"), WatchlistFileFormat.Csv));
        Assert.Equal("file", e.Field);
        Assert.Contains("'name'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvWithRepeatedId_IsRefused()
    {
        var e = Assert.Throws<ValidationException>(() => WatchlistFiles.Read(Utf8("id,name\nA1,Imran Butt\nA1,Tariq Gondal\n"), WatchlistFileFormat.Csv));
        Assert.Equal("id", e.Field);
    }

    [Fact]
    public void Read_CsvNotUtf8_IsRefused()
    {
        byte[] latin1 = [.. Encoding.ASCII.GetBytes("id,name\nA1,Jos"), 0xE9, (byte)'\n'];
        var e = Assert.Throws<ValidationException>(() => WatchlistFiles.Read(latin1, WatchlistFileFormat.Csv));
        Assert.Equal("file", e.Field);
    }

    [Fact]
    public void Read_SampleUnXml_ReadsIndividualsAndSkipsEntities()
    {
        var file = WatchlistFiles.Read(Sample("un-consolidated-sample.xml"), WatchlistFileFormat.UnXml);
        Assert.Equal(4, file.Records.Count);
        Assert.Equal(1, file.Skipped);
        var first = file.Records[0];
        Assert.Equal("SMPi.001", first.ExternalId);
        Assert.Equal("ZARGHUN KHAN DURRANI", first.Details.Name);
        Assert.Equal(["زرغون خان درانی", "Zarghoon Durrani"], first.Details.Aliases);
        Assert.Equal("1971-05-09", first.Details.BirthDate);
        Assert.Equal("PK", first.Details.Nationality);
        Assert.Equal("ZX0000001", first.Details.Passport);
        Assert.Equal("00000-0000001-1", first.Details.NationalId);
        Assert.Contains("Low-quality a.k.a.: Haji Sahib", first.Details.Reason, StringComparison.Ordinal);
        Assert.Contains("fictitious smuggling route", first.Details.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnXmlPartialDates_KeepsTheYearAndNotesRanges()
    {
        var file = WatchlistFiles.Read(Sample("un-consolidated-sample.xml"), WatchlistFileFormat.UnXml);
        var approximate = file.Records.Single(r => r.ExternalId == "SMPi.002");
        Assert.Equal("1966", approximate.Details.BirthDate);
        Assert.Equal("AF", approximate.Details.Nationality);
        Assert.Contains("between 1963 and 1968", approximate.Details.Reason, StringComparison.Ordinal);
        var range = file.Records.Single(r => r.ExternalId == "SMPi.003");
        Assert.Null(range.Details.BirthDate);
        Assert.Equal("SHERBAZ AKHTAR MALIK QURESHI", range.Details.Name);
        Assert.Contains("between 1975 and 1979", range.Details.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnXmlWithDoctype_IsRefused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>";
        var e = Assert.Throws<ValidationException>(() => WatchlistFiles.Read(Utf8(xml), WatchlistFileFormat.UnXml));
        Assert.Equal("file", e.Field);
    }

    [Fact]
    public void Read_XmlOfAnotherKind_IsRefused()
    {
        var e = Assert.Throws<ValidationException>(() => WatchlistFiles.Read(Utf8("<sdnList></sdnList>"), WatchlistFileFormat.UnXml));
        Assert.Contains("CONSOLIDATED_LIST", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFormat_BlankFormat_GuessesFromNameThenContent()
    {
        Assert.Equal(WatchlistFileFormat.UnXml, WatchlistFiles.ParseFormat(null, "list.xml", Utf8("id,name")));
        Assert.Equal(WatchlistFileFormat.UnXml, WatchlistFiles.ParseFormat("", null, Utf8("\uFEFF <CONSOLIDATED_LIST/>")));
        Assert.Equal(WatchlistFileFormat.Csv, WatchlistFiles.ParseFormat(null, null, Utf8("id,name")));
        Assert.Equal("format", Assert.Throws<ValidationException>(() => WatchlistFiles.ParseFormat("json", null, [])).Field);
    }
}
