using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Watchlists;

/// <summary>One CSV record: its text exactly as written (quoting kept, line break excluded) and its cells.</summary>
public sealed record CsvRecord(string Raw, string[] Cells);

/// <summary>
/// The CSV files of <c>lantern names score</c> and <c>lantern screen</c>: the list format
/// (<c>id,name,aliases,birth_date,nationality,national_id,passport</c>, aliases separated by ';') and the input format
/// (<c>id,name</c> and optional details, other column names mapped with <c>--map COLUMN=FIELD</c>). Bad input is a
/// <see cref="ValidationException"/> naming the option.
/// </summary>
public static class WatchlistCsv
{
    /// <summary>The fields of an input row that <c>--map</c> may target.</summary>
    public static readonly IReadOnlyList<string> SubjectFields = ["id", "name", "birth_date", "nationality", "national_id", "passport"];

    /// <summary>RFC 4180 records (quoted cells may hold commas, quotes and line breaks); blank lines are skipped.</summary>
    public static List<CsvRecord> ReadRecords(string path, string option)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ValidationException(option, $"cannot read {path}: {e.Message}");
        }
        return Parse(text, path, option);
    }

    public static List<CsvRecord> Parse(string text, string path, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var i = start;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.ToString().Trim().Length == 0:
                    cell.Clear();
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    cells.Add(Cell(cell, wasQuoted));
                    wasQuoted = false;
                    break;
                case '\n':
                    cells.Add(Cell(cell, wasQuoted));
                    wasQuoted = false;
                    End(text, start, i, cells, records);
                    start = i + 1;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw new ValidationException(option, $"{path}: a quoted cell is not closed.");
        }
        if (cell.Length > 0 || cells.Count > 0 || start < text.Length)
        {
            cells.Add(Cell(cell, wasQuoted));
            End(text, start, text.Length, cells, records);
        }
        return records;
    }

    private static void End(string text, int start, int end, List<string> cells, List<CsvRecord> records)
    {
        var raw = text[start..end].TrimEnd('\r');
        if (cells.Count > 1 || cells[0].Length > 0)
        {
            cells[^1] = cells[^1].TrimEnd('\r');
            records.Add(new CsvRecord(raw, [.. cells]));
        }
        cells.Clear();
    }

    private static string Cell(StringBuilder cell, bool quoted)
    {
        var s = cell.ToString();
        cell.Clear();
        return quoted ? s : s.Trim();
    }

    /// <summary>The index of a header column (ignoring case), or -1.</summary>
    public static int Column(string[] header, string name) => Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a list file; its version is the first 12 hex digits of the SHA-256 of its bytes.</summary>
    public static (List<WatchlistEntry> Entries, string Version) ReadList(string path)
    {
        const string option = "--list";
        var records = ReadRecords(path, option);
        if (records.Count == 0)
        {
            throw new ValidationException(option, $"{path} is empty: a header line is required.");
        }
        var header = records[0].Cells;
        var id = Required(header, "id", path, option);
        var name = Required(header, "name", path, option);
        var (aliases, birth, nationality, nationalId, passport) = (Column(header, "aliases"), Column(header, "birth_date"), Column(header, "nationality"), Column(header, "national_id"), Column(header, "passport"));
        var entries = new List<WatchlistEntry>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var cells = records[r].Cells;
            var entryId = Get(cells, id);
            if (entryId is null)
            {
                throw new ValidationException(option, $"{path}: record {r + 1} has no id.");
            }
            var names = new List<string>(2);
            if (Get(cells, name) is { } main)
            {
                names.Add(main);
            }
            if (Get(cells, aliases) is { } a)
            {
                names.AddRange(a.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            entries.Add(new WatchlistEntry(entryId, names, Get(cells, birth), Get(cells, nationality), Get(cells, nationalId), Get(cells, passport)));
        }
        string version;
        try
        {
            using var stream = File.OpenRead(path);
            version = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        }
        catch (IOException e)
        {
            throw new ValidationException(option, $"cannot read {path}: {e.Message}");
        }
        return (entries, version);
    }

    /// <summary>Parses <c>COLUMN=FIELD</c> mappings of input columns to <see cref="SubjectFields"/>.</summary>
    public static Dictionary<string, string> ParseMappings(IEnumerable<string> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mappings)
        {
            var eq = m.LastIndexOf('=');
            if (eq <= 0 || eq == m.Length - 1)
            {
                throw new ValidationException("--map", $"'{m}' is not COLUMN=FIELD.");
            }
            var column = m[..eq].Trim();
            var field = m[(eq + 1)..].Trim().ToLowerInvariant();
            if (!SubjectFields.Contains(field))
            {
                throw new ValidationException("--map", $"'{m}': '{field}' is not a field; use one of {string.Join(", ", SubjectFields)}.");
            }
            if (!map.TryAdd(column, field) || !targets.Add(field))
            {
                throw new ValidationException("--map", $"'{m}': the column or the field is mapped twice.");
            }
        }
        return map;
    }

    /// <summary>Reads the names to screen; a column named like a field is that field unless <paramref name="map"/> maps another column to it.</summary>
    public static List<ScreeningSubject> ReadSubjects(string path, IReadOnlyDictionary<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        const string option = "--input";
        var records = ReadRecords(path, option);
        if (records.Count == 0)
        {
            throw new ValidationException(option, $"{path} is empty: a header line is required.");
        }
        var header = records[0].Cells;
        foreach (var column in map.Keys)
        {
            if (Column(header, column) < 0)
            {
                throw new ValidationException("--map", $"{path} has no column '{column}' (columns: {string.Join(", ", header)}).");
            }
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in SubjectFields)
        {
            var mapped = map.FirstOrDefault(kv => kv.Value == field).Key;
            index[field] = mapped is not null ? Column(header, mapped) : map.ContainsKey(field) ? -1 : Column(header, field);
        }
        if (index["id"] < 0)
        {
            throw new ValidationException(option, $"{path} has no column 'id' (columns: {string.Join(", ", header)}); name it or use --map COLUMN=id.");
        }
        if (index["name"] < 0)
        {
            throw new ValidationException(option, $"{path} has no column 'name' (columns: {string.Join(", ", header)}); name it or use --map COLUMN=name.");
        }
        var subjects = new List<ScreeningSubject>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var cells = records[r].Cells;
            var id = Get(cells, index["id"]) ?? throw new ValidationException(option, $"{path}: record {r + 1} has no id.");
            subjects.Add(new ScreeningSubject(id, Get(cells, index["name"]) ?? "", Get(cells, index["birth_date"]), Get(cells, index["nationality"]), Get(cells, index["national_id"]), Get(cells, index["passport"])));
        }
        return subjects;
    }

    private static int Required(string[] header, string column, string path, string option)
    {
        var i = Column(header, column);
        return i >= 0 ? i : throw new ValidationException(option, $"{path} has no column '{column}' (columns: {string.Join(", ", header)}).");
    }

    private static string? Get(string[] cells, int i) => i >= 0 && i < cells.Length && cells[i].Trim() is { Length: > 0 } v ? v : null;
}
