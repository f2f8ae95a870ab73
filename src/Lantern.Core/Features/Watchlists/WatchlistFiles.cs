using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Watchlists;

/// <summary>One listed person read from a file: the list's own id of the entry and what it says.</summary>
public sealed record ListedRecord(string ExternalId, ListedDetails Details, PersonId? Person = null);

/// <summary>A whole file read and validated: its records, the records skipped (UN entities) and the SHA-256 of its bytes.</summary>
public sealed record ListedFile(IReadOnlyList<ListedRecord> Records, int Skipped, string Sha256);

/// <summary>
/// Reads the files a list is imported from: the CSV list format of <see cref="WatchlistCsv"/> (plus an optional
/// <c>reason</c> column) and the UN Security Council consolidated list XML. The whole file is read and validated
/// before anything is written; an error names the record (CSV record number, or UN reference number) and the field.
/// </summary>
public static class WatchlistFiles
{
    /// <summary>The largest file accepted (a 100,000-entry list is about 15 MB of CSV or 60 MB of UN XML... the UN list itself is about 2 MB).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    public const string Field = "file";

    private static readonly string[] OptionalColumns = ["aliases", "birth_date", "nationality", "national_id", "passport", "reason"];
    private static readonly string[] NameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

    /// <summary>Parses <c>csv</c>, <c>un-xml</c> (or <c>xml</c>); null or blank guesses from the file name, then the content.</summary>
    public static WatchlistFileFormat ParseFormat(string? format, string? fileName, ReadOnlySpan<byte> content)
    {
        var f = format?.Trim().ToLowerInvariant();
        return f switch
        {
            "csv" => WatchlistFileFormat.Csv,
            "un-xml" or "xml" or "un" => WatchlistFileFormat.UnXml,
            null or "" => fileName?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true || LooksLikeXml(content) ? WatchlistFileFormat.UnXml : WatchlistFileFormat.Csv,
            _ => throw new ValidationException("format", $"'{format}' is not a list format; use csv or un-xml."),
        };
    }

    public static ListedFile Read(byte[] content, WatchlistFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > MaxBytes)
        {
            throw new ValidationException(Field, $"The file is too large: at most {MaxBytes / (1024 * 1024)} MB is accepted.");
        }
        if (content.Length == 0)
        {
            throw new ValidationException(Field, "The file is empty.");
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var (records, skipped) = format switch
        {
            WatchlistFileFormat.Csv => (ReadCsv(content), 0),
            WatchlistFileFormat.UnXml => ReadUnXml(content),
            _ => throw new ValidationException("format", "Records lists are refreshed, not imported."),
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (!seen.Add(r.ExternalId))
            {
                throw new ValidationException("id", $"The id '{r.ExternalId}' appears twice in the file.");
            }
        }
        return new ListedFile(records, skipped, sha);
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> content)
    {
        var start = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content[3..] : content;
        var text = Encoding.UTF8.GetString(start[..Math.Min(start.Length, 64)]).TrimStart();
        return text.StartsWith('<');
    }

    private static List<ListedRecord> ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationException(Field, "The file is not UTF-8 text; save it as CSV UTF-8.");
        }
        var rows = WatchlistCsv.Parse(text, "the file", Field);
        if (rows.Count == 0)
        {
            throw new ValidationException(Field, "The file is empty: a header line is required.");
        }
        var header = rows[0].Cells;
        int Required(string column) => WatchlistCsv.Column(header, column) is var i and >= 0
            ? i
            : throw new ValidationException(Field, $"The file has no column '{column}' (columns: {string.Join(", ", header)}); the header is id,name,aliases,birth_date,nationality,national_id,passport[,reason].");
        var (id, name) = (Required("id"), Required("name"));
        int[] optional = [.. OptionalColumns.Select(c => WatchlistCsv.Column(header, c))];
        var records = new List<ListedRecord>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = rows[r].Cells;
            var where = $"record {r + 1}";
            var externalId = Cell(cells, id) ?? throw new ValidationException("id", $"{where}: the entry has no id.");
            where += $" (id {externalId})";
            var aliases = Cell(cells, optional[0])?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            records.Add(Validated(where, externalId, new ListedDetails(Cell(cells, name) ?? "", aliases, Cell(cells, optional[1]), Cell(cells, optional[2]),
                Cell(cells, optional[3]), Cell(cells, optional[4]), Cell(cells, optional[5]))));
        }
        return records;
    }

    private static string? Cell(string[] cells, int i) => i >= 0 && i < cells.Length && cells[i].Trim() is { Length: > 0 } v ? v : null;

    /// <summary>Validates one record; an error names the record and the field.</summary>
    private static ListedRecord Validated(string where, string externalId, ListedDetails details)
    {
        try
        {
            var id = TextRules.FreeText(externalId, "id", WatchlistItem.MaxExternalIdLength)!;
            return new ListedRecord(id, details.Validated());
        }
        catch (ValidationException e)
        {
            throw new ValidationException(e.Field, $"{where}: {e.Message}");
        }
    }

    /// <summary>
    /// The UN Security Council consolidated list (https://scsanctions.un.org/resources/xml/en/consolidated.xml):
    /// INDIVIDUALS/INDIVIDUAL become entries (id = REFERENCE_NUMBER, else DATAID); ENTITIES are not persons and are
    /// counted as skipped. Good-quality aliases and the name in original script become aliases; low-quality aliases,
    /// further or ranged birth dates and COMMENTS1 go into the reason.
    /// </summary>
    private static (List<ListedRecord> Records, int Skipped) ReadUnXml(byte[] content)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new ValidationException(Field, $"The file is not well-formed XML (line {e.LineNumber}): {e.Message.Split('\n')[0]}");
        }
        var root = document.Root;
        if (root is null || root.Name.LocalName != "CONSOLIDATED_LIST")
        {
            throw new ValidationException(Field, "The file is not a UN consolidated list: its root element must be CONSOLIDATED_LIST.");
        }
        var individuals = root.Elements().Where(e => e.Name.LocalName == "INDIVIDUALS").SelectMany(e => e.Elements().Where(i => i.Name.LocalName == "INDIVIDUAL")).ToList();
        var skipped = root.Elements().Where(e => e.Name.LocalName == "ENTITIES").Sum(e => e.Elements().Count(i => i.Name.LocalName == "ENTITY"));
        var records = new List<ListedRecord>(individuals.Count);
        var n = 0;
        foreach (var x in individuals)
        {
            n++;
            var dataId = Text(x, "DATAID");
            var reference = Text(x, "REFERENCE_NUMBER");
            var externalId = reference ?? dataId ?? throw new ValidationException("id", $"INDIVIDUAL {n}: has neither REFERENCE_NUMBER nor DATAID.");
            records.Add(Validated($"INDIVIDUAL {n} ({externalId})", externalId, Individual(x)));
        }
        return (records, skipped);
    }

    private static ListedDetails Individual(XElement x)
    {
        var name = string.Join(' ', NameParts.Select(f => Text(x, f)).OfType<string>());
        var aliases = new List<string>();
        var lowQuality = new List<string>();
        if (Text(x, "NAME_ORIGINAL_SCRIPT") is { } original)
        {
            aliases.Add(original);
        }
        foreach (var a in Children(x, "INDIVIDUAL_ALIAS"))
        {
            if (Text(a, "ALIAS_NAME") is not { } alias)
            {
                continue;
            }
            (string.Equals(Text(a, "QUALITY"), "Low", StringComparison.OrdinalIgnoreCase) ? lowQuality : aliases).Add(alias);
        }
        var births = Children(x, "INDIVIDUAL_DATE_OF_BIRTH").Select(BirthDate).OfType<(string? Date, string Said)>().ToList();
        var birth = births.FirstOrDefault(b => b.Date is not null).Date;
        var nationalities = Children(x, "NATIONALITY").SelectMany(e => Children(e, "VALUE")).Select(v => v.Value.Trim()).Where(v => v.Length > 0).ToList();
        var nationality = nationalities.Select(CountryCode).FirstOrDefault(c => c is not null);
        string? passport = null, nationalId = null;
        foreach (var d in Children(x, "INDIVIDUAL_DOCUMENT"))
        {
            var type = Text(d, "TYPE_OF_DOCUMENT") ?? "";
            var number = Text(d, "NUMBER");
            if (number is null)
            {
                continue;
            }
            if (type.Contains("passport", StringComparison.OrdinalIgnoreCase))
            {
                passport ??= number;
            }
            else if (type.Contains("national", StringComparison.OrdinalIgnoreCase) || type.Contains("identi", StringComparison.OrdinalIgnoreCase))
            {
                nationalId ??= number;
            }
        }
        var reason = new List<string>();
        if (Text(x, "UN_LIST_TYPE") is { } listType)
        {
            reason.Add($"UN Security Council sanctions ({listType}).");
        }
        if (births.Where(b => b.Date != birth || b.Date is null).Select(b => b.Said).ToList() is { Count: > 0 } otherBirths)
        {
            reason.Add("Other birth dates: " + string.Join("; ", otherBirths) + ".");
        }
        if (lowQuality.Count > 0)
        {
            reason.Add("Low-quality a.k.a.: " + string.Join("; ", lowQuality) + ".");
        }
        if (nationalities.Count > 0 && nationality is null)
        {
            reason.Add("Nationality: " + string.Join("; ", nationalities) + ".");
        }
        if (Text(x, "COMMENTS1") is { } comments)
        {
            reason.Add(comments);
        }
        var text = string.Join(' ', reason);
        if (text.Length > ListedDetails.MaxReasonLength)
        {
            text = text[..(ListedDetails.MaxReasonLength - 1)] + "…";
        }
        return new ListedDetails(name, aliases.Take(ListedDetails.MaxAliases).ToList(), birth, nationality, nationalId, passport, text.Length == 0 ? null : text);
    }

    /// <summary>One INDIVIDUAL_DATE_OF_BIRTH: a full date, a year, or a range of years (kept as text only).</summary>
    private static (string? Date, string Said)? BirthDate(XElement b)
    {
        var kind = Text(b, "TYPE_OF_DATE");
        if (Text(b, "DATE") is { Length: >= 10 } date)
        {
            return (date[..10], kind is null or "EXACT" ? date[..10] : $"{date[..10]} ({kind.ToLowerInvariant()})");
        }
        if (Text(b, "YEAR") is { } year)
        {
            return (year, kind is null or "EXACT" ? year : $"{year} ({kind.ToLowerInvariant()})");
        }
        if (Text(b, "FROM_YEAR") is { } from && Text(b, "TO_YEAR") is { } to)
        {
            return (from == to ? from : null, $"between {from} and {to}");
        }
        return null;
    }

    private static readonly Lazy<Dictionary<string, string>> Countries = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                if (region.TwoLetterISORegionName.Length == 2 && region.TwoLetterISORegionName.All(char.IsAsciiLetter))
                {
                    map.TryAdd(region.EnglishName, region.TwoLetterISORegionName.ToUpperInvariant());
                    map.TryAdd(region.TwoLetterISORegionName, region.TwoLetterISORegionName.ToUpperInvariant());
                    map.TryAdd(region.ThreeLetterISORegionName, region.TwoLetterISORegionName.ToUpperInvariant());
                }
            }
            catch (ArgumentException)
            {
                // A culture without a region.
            }
        }
        return map;
    });

    /// <summary>ISO 3166 alpha-2 of a country name as the UN list writes it ("Pakistan", "Afghanistan"), or null.</summary>
    internal static string? CountryCode(string name) => Countries.Value.GetValueOrDefault(name.Trim());

    private static IEnumerable<XElement> Children(XElement x, string name) => x.Elements().Where(e => e.Name.LocalName == name);

    private static string? Text(XElement x, string name) => Children(x, name).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);
}
