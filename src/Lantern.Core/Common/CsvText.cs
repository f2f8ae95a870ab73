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
        return Quoted(value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);
    }

    /// <summary>
    /// A cell exactly as given, quoted when it holds a comma, quote or line break: for machine-read files whose
    /// values must come back unchanged (ids in a contract's output), where <see cref="Cell"/> would prefix them.
    /// </summary>
    public static string Quoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Row(params string?[] cells) => string.Join(',', cells.Select(Cell));
}
