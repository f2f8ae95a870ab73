using System.Text;

namespace Lantern.Web;

/// <summary>
/// CSV files that people download from pages: UTF-8 with a byte-order mark, which spreadsheet software needs to read
/// Urdu (and any non-ASCII name) as UTF-8 rather than the local code page. The API's CSV is for programs and has none.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Bytes(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
}
