using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Lantern.Integration.Tests.Features.Evidence;

/// <summary>Small files built byte by byte for the evidence tests (as in the Core tests): each is what its name says, and nothing more.</summary>
public static class EvidenceSamples
{
    /// <summary>The GPS position written into <see cref="JpegWithGps"/>, as ASCII so a test can search for it.</summary>
    public const string GpsMarker = "GPS-31.5204N-74.3587E";

    public const string CameraSerial = "CAMERA-SERIAL-4711";

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>
    /// A JPEG with an APP1 EXIF segment holding a GPS IFD (latitude reference and a marker string), a comment naming a
    /// camera, a JFIF header, a quantisation table, a frame, a scan with stuffed bytes and a restart marker, and a trailer.
    /// </summary>
    public static byte[] JpegWithGps()
    {
        using var s = new MemoryStream();
        s.Write([0xFF, 0xD8]);
        Segment(s, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(s, 0xE1, Exif());
        Segment(s, 0xFE, Encoding.ASCII.GetBytes(CameraSerial));
        Segment(s, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(s, 0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        Segment(s, 0xDA, [1, 1, 0, 0, 0x3F, 0]);
        s.Write([0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0x78]); // scan data, a stuffed 0xFF, a restart marker
        s.Write([0xFF, 0xD9]);
        s.Write(Encoding.ASCII.GetBytes("TRAILER " + GpsMarker)); // some phones append data after the end of image
        return s.ToArray();
    }

    private static byte[] Exif()
    {
        // "Exif\0\0", then a little-endian TIFF header, IFD0 with one entry pointing to the GPS IFD, and the GPS IFD
        // with GPSLatitudeRef "N" and a GPS processing-method string holding the marker.
        var marker = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        var tiff = new byte[8 + 2 + 12 + 4 + 2 + 24 + 4 + marker.Length];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(10), 0x8825); // GPSInfo IFD pointer
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(12), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(14), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(18), 26);
        var gps = 26;
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(gps), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(gps + 2), 0x0001); // GPSLatitudeRef
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(gps + 4), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(gps + 6), 2);
        tiff[gps + 10] = (byte)'N';
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(gps + 14), 0x001B); // GPSProcessingMethod
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(gps + 16), 7);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(gps + 18), (uint)marker.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(gps + 22), (uint)(gps + 30));
        marker.CopyTo(tiff.AsSpan(gps + 30));
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Segment(Stream s, byte marker, byte[] payload)
    {
        s.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF)]);
        s.Write(payload);
    }

    /// <summary>A one-pixel PNG with a tEXt chunk (a location) and a tIME chunk, both to be dropped from the display copy.</summary>
    public static byte[] PngWithText()
    {
        using var s = new MemoryStream();
        s.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(s, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        Chunk(s, "tEXt", Encoding.Latin1.GetBytes("Location\0" + GpsMarker));
        Chunk(s, "tIME", [0x07, 0xEA, 11, 23, 10, 0, 0]);
        Chunk(s, "IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
        Chunk(s, "IEND", []);
        return s.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(header, 4);
        s.Write(header);
        s.Write(data);
        s.Write(new byte[4]); // CRC: not checked by the stripper, which copies kept chunks verbatim
    }

    /// <summary>A WebP whose VP8X header announces EXIF and which carries an EXIF chunk.</summary>
    public static byte[] WebPWithExif()
    {
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        RiffChunk(body, "VP8X", [0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        RiffChunk(body, "VP8L", [0x2F, 0, 0, 0, 0]);
        RiffChunk(body, "EXIF", Encoding.ASCII.GetBytes(GpsMarker));
        var b = body.ToArray();
        var header = new byte[8];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)b.Length);
        return [.. header, .. b];
    }

    private static void RiffChunk(Stream s, string fourcc, byte[] data)
    {
        var header = new byte[8];
        Encoding.ASCII.GetBytes(fourcc).CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)data.Length);
        s.Write(header);
        s.Write(data);
        if (data.Length % 2 == 1)
        {
            s.WriteByte(0);
        }
    }

    /// <summary>The first bytes of a Windows program: "MZ", a DOS stub, and a PE header offset.</summary>
    public static byte[] WindowsProgram()
    {
        var b = new byte[256];
        b[0] = (byte)'M';
        b[1] = (byte)'Z';
        b[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(b.AsSpan(0x80));
        return b;
    }

    public static byte[] LinuxProgram() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0];

    public static byte[] Docx() => Office(("[Content_Types].xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Types/>")),
        ("word/document.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><w:document><w:body><w:p>Statement of the complainant.</w:p></w:body></w:document>")));

    public static byte[] PlainZip() => Office(("notes.txt", "Hello"u8.ToArray()));

    /// <summary>A Word file with one part of 200 MB of zeros: a few hundred kilobytes packed.</summary>
    public static byte[] ZipBomb()
    {
        using var s = new MemoryStream();
        using (var zip = new ZipArchive(s, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>"));
            Add(zip, "word/document.xml", Encoding.UTF8.GetBytes("<w:document/>"));
            var bomb = zip.CreateEntry("word/media/image1.png", CompressionLevel.SmallestSize);
            using var stream = bomb.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                stream.Write(zeros);
            }
        }
        return s.ToArray();
    }

    /// <summary>A Word file that holds another zip.</summary>
    public static byte[] NestedArchive() => Office(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()), ("word/embeddings/inner.zip", PlainZip()));

    private static byte[] Office(params (string Name, byte[] Content)[] entries)
    {
        using var s = new MemoryStream();
        using (var zip = new ZipArchive(s, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Add(zip, name, content);
            }
        }
        return s.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }

    public static bool Contains(byte[] haystack, string ascii) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii)) >= 0;
}
