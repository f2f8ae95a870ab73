using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Evidence;

namespace Lantern.Core.Tests.Features.Evidence;

public sealed class ContentSnifferTests
{
    private const long Limit = 50L * 1024 * 1024;

    [Fact]
    public void Inspect_WindowsProgramRenamedToPdf_IsRefusedOnTheFileField()
    {
        var e = Assert.Throws<ValidationException>(() => ContentSniffer.Inspect(EvidenceSamples.WindowsProgram(), "statement.pdf", Limit));
        Assert.Equal("file", e.Field);
        Assert.Contains("Windows program", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_LinuxProgramRenamedToJpeg_IsRefused()
    {
        var e = Assert.Throws<ValidationException>(() => ContentSniffer.Inspect(EvidenceSamples.LinuxProgram(), "photo.jpg", Limit));
        Assert.Contains("ELF", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!/bin/sh\nrm -rf /\n", "notes.txt")]
    [InlineData("<html><script>alert(1)</script></html>", "page.txt")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "drawing.txt")]
    public void Inspect_ScriptsAndMarkupDisguisedAsText_AreRefused(string content, string name) =>
        Assert.Equal("file", Assert.Throws<ValidationException>(() => ContentSniffer.Inspect(Encoding.UTF8.GetBytes(content), name, Limit)).Field);

    [Fact]
    public void Inspect_OversizeFile_IsRefusedNamingTheLimit()
    {
        var big = new byte[2048];
        EvidenceSamples.Pdf().CopyTo(big, 0);
        var e = Assert.Throws<ValidationException>(() => ContentSniffer.Inspect(big, "big.pdf", 1024));
        Assert.Equal("file", e.Field);
        Assert.Contains("at most", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ZipBombDressedAsWordFile_IsRefusedBeforeUnpacking()
    {
        var bomb = EvidenceSamples.ZipBomb();
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes packed");
        var e = Assert.Throws<ValidationException>(() => ContentSniffer.Inspect(bomb, "contract.docx", Limit));
        Assert.Contains("zip bomb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_WordFileHoldingAnotherArchive_IsRefused() =>
        Assert.Contains("nested", Assert.Throws<ValidationException>(() => ContentSniffer.Inspect(EvidenceSamples.NestedArchive(), "contract.docx", Limit)).Message, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Inspect_PlainZip_IsRefusedAsAnArchive() =>
        Assert.Contains("archive", Assert.Throws<ValidationException>(() => ContentSniffer.Inspect(EvidenceSamples.PlainZip(), "evidence.zip", Limit)).Message, StringComparison.Ordinal);

    [Fact]
    public void Inspect_WordFile_IsAcceptedAsDocx() =>
        Assert.Equal(ContentSniffer.Docx, ContentSniffer.Inspect(EvidenceSamples.Docx(), "contract.docx", Limit));

    [Fact]
    public void Inspect_JpegPngWebPAndPdf_AreRecognisedFromContentWithoutAName()
    {
        Assert.Equal(ContentSniffer.Jpeg, ContentSniffer.Inspect(EvidenceSamples.JpegWithGps(), null, Limit));
        Assert.Equal(ContentSniffer.Png, ContentSniffer.Inspect(EvidenceSamples.PngWithText(), null, Limit));
        Assert.Equal(ContentSniffer.WebP, ContentSniffer.Inspect(EvidenceSamples.WebPWithExif(), null, Limit));
        Assert.Equal(ContentSniffer.Pdf, ContentSniffer.Inspect(EvidenceSamples.Pdf(), "FIR scan.PDF", Limit));
    }

    [Fact]
    public void Inspect_PdfNamedAsJpeg_IsRefusedAsAContradiction()
    {
        var e = Assert.Throws<ValidationException>(() => ContentSniffer.Inspect(EvidenceSamples.Pdf(), "photo.jpg", Limit));
        Assert.Contains(".pdf", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name,Phone\nNargis,0300\n", "contacts.csv", "text/csv")]
    [InlineData("گواہ کا بیان: وہ لاہور میں تھی۔\n", "statement.txt", "text/plain")]
    public void Inspect_Utf8Text_IsAccepted(string content, string name, string type) =>
        Assert.Equal(type, ContentSniffer.Inspect(Encoding.UTF8.GetBytes(content), name, Limit).ContentType);

    [Fact]
    public void Inspect_TextWithNul_IsRefused() =>
        Assert.Throws<ValidationException>(() => ContentSniffer.Inspect([(byte)'a', 0, (byte)'b'], "notes.txt", Limit));

    [Fact]
    public void Inspect_AudioAndVideoContainers_AreRecognised()
    {
        Assert.Equal(ContentSniffer.Mp3, ContentSniffer.Inspect([.. "ID3"u8, 3, 0, 0, 0, 0, 0, 0], "call.mp3", Limit));
        Assert.Equal(ContentSniffer.Wav, ContentSniffer.Inspect([.. "RIFF"u8, 0, 0, 0, 0, .. "WAVEfmt "u8], "call.wav", Limit));
        Assert.Equal(ContentSniffer.Mp4, ContentSniffer.Inspect([0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 0, 0], "raid.mp4", Limit));
        Assert.Equal(ContentSniffer.QuickTime, ContentSniffer.Inspect([0, 0, 0, 0x14, .. "ftypqt  "u8, 0, 0, 0, 0], "raid.mov", Limit));
        Assert.Equal(ContentSniffer.M4a, ContentSniffer.Inspect([0, 0, 0, 0x18, .. "ftypM4A "u8, 0, 0, 0, 0], "voice.m4a", Limit));
    }
}
