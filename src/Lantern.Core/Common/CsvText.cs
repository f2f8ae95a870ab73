namespace Lantern.Core.Common;

/// <summary>
/// CSV cells as RFC 4180 wants them, with spreadsheet formula injection neutralised: a cell that a spreadsheet would
/// read as a formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
/// Numbers written by Lantern itself are not passed through here.
/// </summary>
public static class CsvText
{
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var safe = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) < 0 ? safe : "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Row(params string?[] cells) => string.Join(',', cells.Select(Cell));
}
