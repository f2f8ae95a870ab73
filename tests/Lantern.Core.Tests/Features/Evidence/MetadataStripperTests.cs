using Lantern.Core.Features.Evidence;

namespace Lantern.Core.Tests.Features.Evidence;

public sealed class MetadataStripperTests
{
    private static readonly byte[] ScanData = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0x78];

    [Fact]
    public void Strip_JpegWithGpsExif_DropsExifCommentAndTrailer_KeepsTheImage()
    {
        var original = EvidenceSamples.JpegWithGps();
        var before = AddEvidence.Hash(original);

        var copy = MetadataStripper.Strip(original, ContentSniffer.Jpeg);

        Assert.True(EvidenceSamples.Contains(original, EvidenceSamples.GpsMarker));
        Assert.False(EvidenceSamples.Contains(copy, EvidenceSamples.GpsMarker));
        Assert.False(EvidenceSamples.Contains(copy, "Exif"));
        Assert.False(EvidenceSamples.Contains(copy, EvidenceSamples.CameraSerial));
        Assert.True(EvidenceSamples.Contains(copy, "JFIF"));
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, copy[..2]);
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, copy[^2..]);
        // The scan data, with its stuffed byte and restart marker, is there unchanged.
        Assert.True(copy.AsSpan().IndexOf(ScanData) > 0);
        Assert.Equal(before, AddEvidence.Hash(original));
        Assert.Equal(ContentSniffer.Jpeg, ContentSniffer.Inspect(copy, "copy.jpg", 1024 * 1024));
    }

    [Fact]
    public void Strip_PngWithText_DropsTextAndTimeChunks()
    {
        var copy = MetadataStripper.Strip(EvidenceSamples.PngWithText(), ContentSniffer.Png);

        Assert.False(EvidenceSamples.Contains(copy, EvidenceSamples.GpsMarker));
        Assert.False(EvidenceSamples.Contains(copy, "tIME"));
        Assert.True(EvidenceSamples.Contains(copy, "IHDR"));
        Assert.True(EvidenceSamples.Contains(copy, "IDAT"));
        Assert.True(EvidenceSamples.Contains(copy, "IEND"));
    }

    [Fact]
    public void Strip_WebPWithExif_DropsTheChunkAndClearsTheFlag()
    {
        var copy = MetadataStripper.Strip(EvidenceSamples.WebPWithExif(), ContentSniffer.WebP);

        Assert.False(EvidenceSamples.Contains(copy, EvidenceSamples.GpsMarker));
        Assert.False(EvidenceSamples.Contains(copy, "EXIF"));
        Assert.Equal(0, copy[20] & 0x08);
        Assert.Equal((uint)(copy.Length - 8), System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(4)));
    }
}
