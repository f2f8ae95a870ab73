using System.Buffers.Binary;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Evidence;

/// <summary>
/// Makes the display copy of a photo: the same image without the metadata that can locate or identify (GPS position,
/// camera serial, author, dates, thumbnails). Works on the container's segments or chunks, byte by byte, and never
/// decodes or re-encodes pixels, so the copy shows exactly the image that was sealed. The original is not touched.
/// JPEG: keeps JFIF, ICC colour profile, Adobe and the frame/scan segments; drops EXIF/XMP (APP1), IPTC (APP13),
/// comments and other application segments, and anything after the end of the image.
/// PNG: drops tEXt, zTXt, iTXt, eXIf and tIME chunks, and anything after IEND.
/// WebP: drops the EXIF and XMP chunks and clears their flags.
/// </summary>
public static class MetadataStripper
{
    public static byte[] Strip(byte[] content, DetectedType type)
    {
        if (type == ContentSniffer.Jpeg)
        {
            return Jpeg(content);
        }
        if (type == ContentSniffer.Png)
        {
            return Png(content);
        }
        if (type == ContentSniffer.WebP)
        {
            return WebP(content);
        }
        throw new ArgumentException("No display copy is made for " + type.Name, nameof(type));
    }

    private static byte[] Jpeg(byte[] b)
    {
        using var output = new MemoryStream(b.Length);
        output.Write([0xFF, 0xD8]);
        var i = 2;
        while (i < b.Length)
        {
            if (b[i] != 0xFF || i + 1 >= b.Length)
            {
                throw Damaged("JPEG");
            }
            while (i + 1 < b.Length && b[i + 1] == 0xFF)
            {
                i++; // fill bytes before a marker
            }
            var marker = b[i + 1];
            if (marker == 0xD9)
            {
                output.Write([0xFF, 0xD9]);
                break; // end of image: whatever follows (trailers, appended files) is left out
            }
            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                output.Write(b, i, 2);
                i += 2;
                continue;
            }
            if (i + 4 > b.Length)
            {
                throw Damaged("JPEG");
            }
            var length = (b[i + 2] << 8) | b[i + 3];
            var end = i + 2 + length;
            if (length < 2 || end > b.Length)
            {
                throw Damaged("JPEG");
            }
            if (Keep(marker, b.AsSpan(i + 4, length - 2)))
            {
                output.Write(b, i, end - i);
            }
            i = end;
            if (marker == 0xDA)
            {
                // Entropy-coded scan data runs to the next marker that is not a stuffed byte or a restart marker.
                var scan = i;
                while (i + 1 < b.Length && !(b[i] == 0xFF && b[i + 1] is not 0x00 and not 0xFF and not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }
                if (i + 1 >= b.Length)
                {
                    i = b.Length;
                }
                output.Write(b, scan, i - scan);
            }
        }
        return output.ToArray();
    }

    private static bool Keep(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE0 => payload.StartsWith("JFIF\0"u8),          // JFIF header (JFXX thumbnails are dropped)
        0xE2 => payload.StartsWith("ICC_PROFILE\0"u8),   // colour profile; MPF (more pictures) is dropped
        0xEE => true,                                    // Adobe: colour transform, needed to show the image right
        >= 0xE1 and <= 0xEF => false,                    // EXIF, XMP, IPTC, maker notes, other application data
        0xFE => false,                                   // comment
        _ => true,                                       // frame, tables, restart interval, scan
    };

    private static readonly string[] PngMetadata = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

    private static byte[] Png(byte[] b)
    {
        using var output = new MemoryStream(b.Length);
        output.Write(b, 0, 8);
        var i = 8;
        while (i + 12 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(i));
            if (length > int.MaxValue || i + 12 + (long)length > b.Length)
            {
                throw Damaged("PNG");
            }
            var type = System.Text.Encoding.ASCII.GetString(b, i + 4, 4);
            var end = i + 12 + (int)length;
            if (!PngMetadata.Contains(type, StringComparer.Ordinal))
            {
                output.Write(b, i, end - i);
            }
            i = end;
            if (type == "IEND")
            {
                break;
            }
        }
        return output.ToArray();
    }

    private static byte[] WebP(byte[] b)
    {
        using var output = new MemoryStream(b.Length);
        output.Write(b, 0, 12);
        var i = 12;
        var vp8xFlagsAt = -1;
        while (i + 8 <= b.Length)
        {
            var fourcc = System.Text.Encoding.ASCII.GetString(b, i, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i + 4));
            var padded = size + (size & 1);
            if (i + 8 + (long)padded > b.Length && i + 8 + (long)size != b.Length)
            {
                throw Damaged("WebP");
            }
            var end = (int)Math.Min(b.Length, i + 8 + padded);
            if (fourcc is not ("EXIF" or "XMP "))
            {
                if (fourcc == "VP8X" && size >= 1)
                {
                    vp8xFlagsAt = (int)output.Position + 8;
                }
                output.Write(b, i, end - i);
            }
            i = end;
        }
        var copy = output.ToArray();
        if (vp8xFlagsAt >= 0)
        {
            copy[vp8xFlagsAt] &= unchecked((byte)~(0x08 | 0x04)); // EXIF and XMP present
        }
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(4), (uint)(copy.Length - 8));
        return copy;
    }

    private static ValidationException Damaged(string format) => new(ContentSniffer.Field, $"The {format} file is damaged: its structure cannot be read.");
}
