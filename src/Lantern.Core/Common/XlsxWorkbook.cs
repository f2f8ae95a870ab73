using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Lantern.Core.Common;

/// <summary>
/// A one-sheet XLSX (Office Open XML SpreadsheetML) written directly: text cells are inline strings
/// (<c>t="inlineStr"</c>), which a spreadsheet shows as text and never evaluates, so formula injection
/// ("=HYPERLINK(...)", "+", "-", "@", tab, CR) cannot happen and the text comes back unchanged; whole numbers are
/// number cells. No formula element is ever written. Written by hand rather than through ClosedXML or OpenXml: five
/// small fixed parts, no dependency and its native or GDI needs (docs/decisions/0021-reports-and-anonymised-releases.md).
/// </summary>
public static class XlsxWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook: one sheet named <paramref name="sheet"/>; a cell is a string (text), an int or long (number), or null (empty).</summary>
    public static byte[] Write(string sheet, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(SheetName(sheet))}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            var r = 0;
            foreach (var row in rows)
            {
                r++;
                xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
                for (var c = 0; c < row.Count; c++)
                {
                    var reference = Column(c) + r.ToString(CultureInfo.InvariantCulture);
                    switch (row[c])
                    {
                        case null:
                            break;
                        case int or long:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{Convert.ToInt64(row[c], CultureInfo.InvariantCulture)}</v></c>");
                            break;
                        default:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{Escape(Convert.ToString(row[c], CultureInfo.InvariantCulture) ?? "")}</t></is></c>");
                            break;
                    }
                }
                xml.Append("</row>");
            }
            xml.Append("</sheetData></worksheet>");
            Part(zip, "xl/worksheets/sheet1.xml", xml.ToString());
        }
        return buffer.ToArray();
    }

    /// <summary>A counted cell as published: a whole number as a number, anything else ("&lt;5", "x") as text.</summary>
    public static object Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : text;

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = new UTF8Encoding(false).GetBytes(content);
        stream.Write(bytes);
    }

    /// <summary>Escapes text for XML and drops characters XML 1.0 cannot hold (they cannot come back anyway).</summary>
    private static string Escape(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch))
            {
                clean.Append(ch);
            }
        }
        return clean.ToString().Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            // A reader turns a literal carriage return into a line feed; as a character reference it comes back as written.
            .Replace("\r", "&#xD;", StringComparison.Ordinal);
    }

    /// <summary>Sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    private static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }
        return name;
    }
}
