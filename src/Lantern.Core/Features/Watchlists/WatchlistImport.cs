using Lantern.Core.Common;

namespace Lantern.Core.Features.Watchlists;

/// <summary>The file formats a list can be imported from.</summary>
public enum WatchlistFileFormat
{
    /// <summary><c>id,name,aliases,birth_date,nationality,national_id,passport[,reason]</c>, aliases separated by ';', UTF-8.</summary>
    Csv,

    /// <summary>The UN Security Council consolidated list XML (CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL).</summary>
    UnXml,

    /// <summary>Not a file: the refresh of a list built from Lantern's records.</summary>
    Records,
}

/// <summary>
/// One replacement of a list's entries (an import of a file or a refresh from records): which list version it made,
/// the file's name and SHA-256, and what changed. Kept for good, shown as the list's import history.
/// </summary>
public sealed class WatchlistImport
{
    public const int MaxFileNameLength = 255;

    private WatchlistImport()
    {
    }

    internal WatchlistImport(Watchlist list, int listVersion, WatchlistFileFormat format, string? fileName, string? sha256, ReplacementCounts counts, int skipped, UserId by, string byName, DateTime now)
    {
        Id = SequentialGuid.Next();
        WatchlistId = list.Id;
        ListVersion = listVersion;
        Format = format;
        FileName = string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileName(fileName.Trim()) is { Length: > 0 } n ? n[..Math.Min(n.Length, MaxFileNameLength)] : null;
        Sha256 = sha256;
        Added = counts.Added;
        Changed = counts.Changed;
        Removed = counts.Removed;
        Unchanged = counts.Unchanged;
        Skipped = skipped;
        ImportedBy = by;
        ImportedByName = byName;
        ImportedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid WatchlistId { get; private set; }

    /// <summary>The list version the import made (unchanged when nothing changed).</summary>
    public int ListVersion { get; private set; }
    public WatchlistFileFormat Format { get; private set; }

    /// <summary>The uploaded file's name (encrypted: a file name can name a person).</summary>
    public string? FileName { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string? Sha256 { get; private set; }
    public int Added { get; private set; }
    public int Changed { get; private set; }
    public int Removed { get; private set; }
    public int Unchanged { get; private set; }

    /// <summary>Records of the file not imported (UN entities, which are not persons).</summary>
    public int Skipped { get; private set; }
    public UserId ImportedBy { get; private set; }
    public string ImportedByName { get; private set; } = "";
    public DateTime ImportedAt { get; private set; }
}

/// <summary>What a replacement of a list's entries did.</summary>
public sealed record ReplacementCounts(int Added, int Changed, int Removed, int Unchanged);
