using System.Text;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Linkage;

/// <summary>
/// Reads the CSV files of <c>lantern link</c> into a <see cref="LinkageDataset"/>: the id column, columns mapped by
/// <c>--map COLUMN=FIELD</c> or by their name, cells trimmed, empty cells missing. Bad input is a
/// <see cref="ValidationException"/> naming the option.
/// </summary>
public static class LinkageInput
{
    /// <summary>Parses <c>COLUMN=FIELD</c> mappings (column names compared ignoring case).</summary>
    public static IReadOnlyDictionary<string, LinkageField> ParseMappings(IEnumerable<string> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var map = new Dictionary<string, LinkageField>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in mappings)
        {
            var eq = m.LastIndexOf('=');
            if (eq <= 0 || eq == m.Length - 1)
            {
                throw new ValidationException("--map", $"'{m}' is not COLUMN=FIELD.");
            }
            var column = m[..eq].Trim();
            var name = m[(eq + 1)..].Trim();
            if (!LinkageFields.TryParse(name, out var field))
            {
                throw new ValidationException("--map", $"'{m}': '{name}' is not a field; use one of {string.Join(", ", LinkageFields.All)}.");
            }
            if (!map.TryAdd(column, field))
            {
                throw new ValidationException("--map", $"'{column}' is mapped twice.");
            }
        }
        return map;
    }

    /// <summary>
    /// Reads one file (deduplication) or two (linkage of the first with the second). <paramref name="notice"/> hears
    /// which columns are used and which are ignored.
    /// </summary>
    public static LinkageDataset Read(IReadOnlyList<string> paths, string idColumn, IReadOnlyDictionary<string, LinkageField> map, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(map);
        if (paths.Count is < 1 or > 2)
        {
            throw new ValidationException("--input", "Give one input to deduplicate or two to link.");
        }
        if (string.IsNullOrWhiteSpace(idColumn))
        {
            throw new ValidationException("--id-column", "The id column is required.");
        }
        var files = paths.Select(p => (Path: p, Rows: ReadCsv(p))).ToList();
        var headers = new List<string[]>();
        foreach (var (path, rows) in files)
        {
            if (rows.Count == 0)
            {
                throw new ValidationException("--input", $"{path} is empty: a header line is required.");
            }
            var header = rows[0];
            if (!header.Contains(idColumn, StringComparer.OrdinalIgnoreCase))
            {
                throw new ValidationException("--id-column", $"{path} has no column '{idColumn}' (columns: {string.Join(", ", header)}).");
            }
            headers.Add(header);
        }
        foreach (var column in map.Keys)
        {
            if (!headers.Any(h => h.Contains(column, StringComparer.OrdinalIgnoreCase)))
            {
                throw new ValidationException("--map", $"No input has a column '{column}'.");
            }
            if (string.Equals(column, idColumn, StringComparison.OrdinalIgnoreCase))
            {
                throw new ValidationException("--map", $"'{column}' is the id column; it is not compared.");
            }
        }

        // one dataset column per field (per column name for 'other'), shared by both files
        var columns = new List<LinkageColumn>();
        var layouts = new List<int[]>();
        for (var f = 0; f < files.Count; f++)
        {
            var header = headers[f];
            var layout = new int[header.Length];
            Array.Fill(layout, -1);
            var ignored = new List<string>();
            for (var i = 0; i < header.Length; i++)
            {
                var name = header[i];
                if (string.Equals(name, idColumn, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (!map.TryGetValue(name, out var field) && (map.Values.Contains(LinkageFieldsAutoTarget(name)) || !LinkageFields.TryAutoMap(name, out field)))
                {
                    ignored.Add(name);
                    continue;
                }
                var index = columns.FindIndex(c => c.Field == field && (field != LinkageField.Other || string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)));
                if (index < 0)
                {
                    index = columns.Count;
                    columns.Add(new LinkageColumn(name, field));
                }
                else if (layout.Contains(index))
                {
                    throw new ValidationException("--map", $"{files[f].Path}: more than one column is mapped to {LinkageFields.Name(field)}.");
                }
                layout[i] = index;
            }
            layouts.Add(layout);
            if (ignored.Count > 0)
            {
                notice?.Invoke($"{files[f].Path}: ignored (not mapped to a field): {string.Join(", ", ignored)}");
            }
        }
        notice?.Invoke("compared: " + string.Join(", ", columns.Select(c => $"{c.Name}={LinkageFields.Name(c.Field)}")));

        var dataset = new LinkageDataset(columns);
        var values = new string?[columns.Count];
        for (var f = 0; f < files.Count; f++)
        {
            var header = headers[f];
            var id = Array.FindIndex(header, h => string.Equals(h, idColumn, StringComparison.OrdinalIgnoreCase));
            var rows = files[f].Rows;
            for (var r = 1; r < rows.Count; r++)
            {
                var row = rows[r];
                if (row.Length > header.Length)
                {
                    throw new ValidationException("--input", $"{files[f].Path}: line {r + 1} has {row.Length} cells; the header has {header.Length}.");
                }
                var recordId = id < row.Length ? row[id].Trim() : "";
                if (recordId.Length == 0)
                {
                    throw new ValidationException("--id-column", $"{files[f].Path}: line {r + 1} has no id.");
                }
                Array.Clear(values);
                for (var i = 0; i < row.Length; i++)
                {
                    if (layouts[f][i] >= 0)
                    {
                        values[layouts[f][i]] = row[i];
                    }
                }
                dataset.Add(f, recordId, values);
            }
        }
        return dataset;
    }

    /// <summary>
    /// The field a column would get by its name, so an explicit mapping of another column to that field wins over
    /// the name (with --map surname=family_name, a column literally called family_name is not mapped twice).
    /// </summary>
    private static LinkageField LinkageFieldsAutoTarget(string column) =>
        LinkageFields.TryAutoMap(column, out var f) && f != LinkageField.Other ? f : (LinkageField)(-1);

    /// <summary>RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks. Blank lines are skipped.</summary>
    public static List<string[]> ReadCsv(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ValidationException("--input", $"cannot read {path}: {e.Message}");
        }
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.ToString().Trim().Length == 0:
                    cell.Clear();
                    quoted = true;
                    wasQuoted = true;
                    break;
                case ',':
                    row.Add(Cell(cell, wasQuoted));
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(Cell(cell, wasQuoted));
                    wasQuoted = false;
                    if (row.Count > 1 || row[0].Length > 0)
                    {
                        rows.Add([.. row]);
                    }
                    row.Clear();
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw new ValidationException("--input", $"{path}: a quoted cell is not closed.");
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(Cell(cell, wasQuoted));
            if (row.Count > 1 || row[0].Length > 0)
            {
                rows.Add([.. row]);
            }
        }
        return rows;
    }

    private static string Cell(StringBuilder cell, bool quoted)
    {
        var s = cell.ToString();
        cell.Clear();
        return quoted ? s : s.Trim();
    }
}
