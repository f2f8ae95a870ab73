using System.Globalization;
using System.IO.Compression;
using System.Text;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Evidence;

/// <summary>A file type the evidence register accepts, as recognised from the content.</summary>
public sealed record DetectedType(string ContentType, string Name, EvidenceKind Kind, IReadOnlyList<string> Extensions, bool CanPreview)
{
    public string DefaultExtension => Extensions[0];
}

/// <summary>
/// Decides a file's type from its bytes (magic numbers, container structure), never from its name, against an
/// allow-list: PDF, JPEG, PNG, WebP, MP3, WAV, OGG, MP4/M4A/MOV, DOCX/XLSX and UTF-8 text. Programs, scripts, markup,
/// plain archives and everything unknown are refused. A name whose extension contradicts the content is refused
/// too: a "photo.jpg" that is a PDF is either a mistake or a disguise, and the exhibit register should hold neither.
/// Office files are zip containers: their structure is checked and they are guarded against zip bombs.
/// Every refusal names the field <c>file</c>.
/// </summary>
public static class ContentSniffer
{
    public const string Field = "file";

    /// <summary>At most this many entries in an office file.</summary>
    public const int MaxZipEntries = 1000;

    /// <summary>At most this many bytes once an office file is unpacked.</summary>
    public const long MaxZipUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>An entry of more than 1 MB unpacked may be at most this many times its packed size.</summary>
    public const int MaxZipRatio = 100;

    public static readonly DetectedType Pdf = new("application/pdf", "PDF document", EvidenceKind.Document, ["pdf"], false);
    public static readonly DetectedType Jpeg = new("image/jpeg", "JPEG image", EvidenceKind.Photo, ["jpg", "jpeg", "jpe"], true);
    public static readonly DetectedType Png = new("image/png", "PNG image", EvidenceKind.Photo, ["png"], true);
    public static readonly DetectedType WebP = new("image/webp", "WebP image", EvidenceKind.Photo, ["webp"], true);
    public static readonly DetectedType Mp3 = new("audio/mpeg", "MP3 audio", EvidenceKind.Audio, ["mp3"], false);
    public static readonly DetectedType Wav = new("audio/wav", "WAV audio", EvidenceKind.Audio, ["wav"], false);
    public static readonly DetectedType Ogg = new("audio/ogg", "Ogg audio", EvidenceKind.Audio, ["ogg", "oga", "opus"], false);
    public static readonly DetectedType M4a = new("audio/mp4", "MPEG-4 audio", EvidenceKind.Audio, ["m4a", "mp4"], false);
    public static readonly DetectedType Mp4 = new("video/mp4", "MPEG-4 video", EvidenceKind.Video, ["mp4", "m4v", "3gp"], false);
    public static readonly DetectedType QuickTime = new("video/quicktime", "QuickTime video", EvidenceKind.Video, ["mov", "qt"], false);
    public static readonly DetectedType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", EvidenceKind.Document, ["docx"], false);
    public static readonly DetectedType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", EvidenceKind.Document, ["xlsx"], false);
    public static readonly DetectedType Text = new("text/plain", "plain text", EvidenceKind.Document, ["txt", "text", "csv"], false);
    public static readonly DetectedType Csv = new("text/csv", "CSV text", EvidenceKind.Document, ["csv", "txt"], false);

    public static IReadOnlyList<DetectedType> Allowed { get; } = [Pdf, Jpeg, Png, WebP, Mp3, Wav, Ogg, M4a, Mp4, QuickTime, Docx, Xlsx, Text];

    /// <summary>Recognises <paramref name="content"/> or throws a <see cref="ValidationException"/> on the field <c>file</c>.</summary>
    public static DetectedType Inspect(byte[] content, string? fileName, long maxBytes)
    {
        if (content.Length == 0)
        {
            throw Refuse("The file is empty.");
        }
        if (content.Length > maxBytes)
        {
            throw Refuse(string.Create(CultureInfo.InvariantCulture, $"The file is {Megabytes(content.Length)} MB; at most {Megabytes(maxBytes)} MB is accepted."));
        }
        var type = Recognise(content);
        var extension = Extension(fileName);
        if (extension is not null && !type.Extensions.Contains(extension))
        {
            throw Refuse($"The content is a {type.Name} but the name ends in .{extension}; the register refuses a file whose name contradicts its content. Rename it to .{type.DefaultExtension} if that is what it is.");
        }
        return type == Text && extension == "csv" ? Csv : type;
    }

    private static DetectedType Recognise(byte[] b)
    {
        var s = b.AsSpan();
        if (s.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (Starts(s, [0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (Starts(s, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (s.Length >= 12 && s.StartsWith("RIFF"u8) && s[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        if (s.Length >= 12 && s.StartsWith("RIFF"u8) && s[8..12].SequenceEqual("WAVE"u8))
        {
            return Wav;
        }
        if (s.StartsWith("OggS"u8))
        {
            return Ogg;
        }
        if (s.StartsWith("ID3"u8) || (s.Length >= 2 && s[0] == 0xFF && (s[1] & 0xE0) == 0xE0 && (s[1] & 0x06) != 0 && (s[1] & 0x18) != 0x08))
        {
            return Mp3;
        }
        if (s.Length >= 12 && s[4..8].SequenceEqual("ftyp"u8))
        {
            return IsoMedia(s[8..12]);
        }
        if (s.StartsWith("PK\u0003\u0004"u8) || s.StartsWith("PK\u0005\u0006"u8))
        {
            return OfficeFile(b);
        }
        if (Forbidden(s) is { } what)
        {
            throw Refuse($"This is {what}; the evidence register accepts documents, photos, audio and video only.");
        }
        return PlainText(b) ?? throw Refuse("This type of file is not accepted. Accepted: PDF, JPEG, PNG, WebP, MP3, WAV, Ogg, MP4, M4A, MOV, Word (.docx), Excel (.xlsx), and UTF-8 text or CSV.");
    }

    private static string? Forbidden(ReadOnlySpan<byte> s)
    {
        if (s.StartsWith("MZ"u8))
        {
            return "a Windows program (MZ/PE executable)";
        }
        if (Starts(s, [0x7F, (byte)'E', (byte)'L', (byte)'F']))
        {
            return "a Linux program (ELF executable)";
        }
        if (Starts(s, [0xFE, 0xED, 0xFA, 0xCE]) || Starts(s, [0xFE, 0xED, 0xFA, 0xCF]) || Starts(s, [0xCE, 0xFA, 0xED, 0xFE])
            || Starts(s, [0xCF, 0xFA, 0xED, 0xFE]) || Starts(s, [0xCA, 0xFE, 0xBA, 0xBE]))
        {
            return "a macOS program (Mach-O executable) or Java class";
        }
        if (s.StartsWith("#!"u8) || Starts(s, [0xEF, 0xBB, 0xBF, (byte)'#', (byte)'!']))
        {
            return "a script";
        }
        if (Starts(s, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return "an old-style Office file (which can carry macros); save it as .docx, .xlsx or PDF";
        }
        if (s.StartsWith("Rar!"u8) || Starts(s, [(byte)'7', (byte)'z', 0xBC, 0xAF]) || Starts(s, [0x1F, 0x8B]))
        {
            return "an archive";
        }
        return null;
    }

    private static DetectedType IsoMedia(ReadOnlySpan<byte> brand)
    {
        var name = Encoding.ASCII.GetString(brand);
        return name switch
        {
            "M4A " or "M4B " or "M4P " => M4a,
            "qt  " => QuickTime,
            "heic" or "heix" or "mif1" or "msf1" or "avif" or "hevc" => throw Refuse("HEIC/AVIF images are not accepted; export the photo as JPEG or PNG."),
            "crx " => throw Refuse("Camera raw files are not accepted; export the photo as JPEG or PNG and keep the raw file as a physical exhibit."),
            _ => Mp4,
        };
    }

    /// <summary>
    /// A zip container must be a Word or Excel file: its parts are listed and counted without trusting the declared
    /// sizes (each entry is unpacked into a counter that stops at the cap), nested archives and macros are refused.
    /// </summary>
    private static DetectedType OfficeFile(byte[] content)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw Refuse("This looks like a zip container but it cannot be read.");
        }
        using (archive)
        {
            var entries = archive.Entries;
            if (entries.Count > MaxZipEntries)
            {
                throw Refuse(string.Create(CultureInfo.InvariantCulture, $"The container holds {entries.Count} parts; at most {MaxZipEntries} are accepted (a zip bomb guard)."));
            }
            var names = entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            var type = names.Contains("[Content_Types].xml") && names.Contains("word/document.xml") ? Docx
                : names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml") ? Xlsx
                : throw Refuse("This is a zip archive, not a Word (.docx) or Excel (.xlsx) file; archives are not accepted. Add the files one by one.");
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                throw Refuse("The office file contains macros; save it without macros (.docx, .xlsx) or as PDF.");
            }
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in entries)
            {
                if (entry.Length > 1024 * 1024 && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxZipRatio)
                {
                    throw Refuse($"A part of the office file unpacks to more than {MaxZipRatio} times its size (a zip bomb guard).");
                }
                if (total + entry.Length > MaxZipUncompressedBytes)
                {
                    throw Refuse(string.Create(CultureInfo.InvariantCulture, $"The office file unpacks to more than {Megabytes(MaxZipUncompressedBytes)} MB (a zip bomb guard)."));
                }
                if (IsArchiveName(entry.FullName))
                {
                    throw Refuse("The office file contains another archive or office file; nested archives are not accepted.");
                }
                try
                {
                    using var stream = entry.Open();
                    var first = true;
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        if (first && read >= 4 && (buffer.AsSpan(0, 4).SequenceEqual("PK\u0003\u0004"u8) || Forbidden(buffer.AsSpan(0, read)) is not null))
                        {
                            throw Refuse("The office file contains another archive or a program; nested content of that kind is not accepted.");
                        }
                        first = false;
                        total += read;
                        if (total > MaxZipUncompressedBytes)
                        {
                            throw Refuse(string.Create(CultureInfo.InvariantCulture, $"The office file unpacks to more than {Megabytes(MaxZipUncompressedBytes)} MB (a zip bomb guard)."));
                        }
                    }
                }
                catch (InvalidDataException)
                {
                    throw Refuse("A part of the office file is damaged and cannot be read.");
                }
            }
            return type;
        }
    }

    private static bool IsArchiveName(string name)
    {
        var extension = Extension(name);
        return extension is "zip" or "jar" or "7z" or "rar" or "gz" or "tar" or "docx" or "xlsx" or "pptx" or "docm" or "xlsm" or "exe" or "dll";
    }

    /// <summary>UTF-8 text without NULs, and not markup (HTML, XML, SVG) that a browser would run.</summary>
    private static DetectedType? PlainText(byte[] content)
    {
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            return null;
        }
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith('<'))
        {
            throw Refuse("This is markup (HTML, XML or SVG), which a browser would run; save it as PDF or plain text.");
        }
        if (text.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t' and not '\f'))
        {
            return null;
        }
        return Text;
    }

    internal static string? Extension(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 ? null : name[(dot + 1)..].ToLowerInvariant();
    }

    private static bool Starts(ReadOnlySpan<byte> content, ReadOnlySpan<byte> prefix) => content.StartsWith(prefix);

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.InvariantCulture);

    private static ValidationException Refuse(string message) => new(Field, message);
}
