namespace Lantern.Core.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Where Lantern keeps its data and keys. Front doors fill it from flags, environment and configuration.</summary>
public sealed record LanternOptions
{
    public const string DefaultDataFolder = "data";

    /// <summary>An ADO.NET connection string; one containing <c>Host=</c> selects PostgreSQL, anything else SQLite.</summary>
    public string ConnectionString { get; init; } = $"Data Source={Path.Combine(DefaultDataFolder, "lantern.db")}";

    /// <summary>The folder that holds the key ring; keep it outside database backups.</summary>
    public string KeyFolder { get; init; } = Path.Combine(DefaultDataFolder, "keys");

    /// <summary>The largest evidence file accepted (default 50 MB); the web host sizes its upload limits from it.</summary>
    public long MaxEvidenceBytes { get; init; } = DefaultMaxEvidenceBytes;

    public const long DefaultMaxEvidenceBytes = 50L * 1024 * 1024;

    public DatabaseProvider Provider => ConnectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        ? DatabaseProvider.Postgres
        : DatabaseProvider.Sqlite;

    /// <summary>Turns a bare file path into a SQLite connection string.</summary>
    public static string NormaliseConnectionString(string value) =>
        value.Contains('=', StringComparison.Ordinal) ? value : $"Data Source={value}";
}
