using System.Data;
using Lantern.Core.Features.Administration;
using Lantern.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Persistence;

/// <summary>Prepares the database: WAL and migrations on SQLite; durability checks and migrations on PostgreSQL.</summary>
public sealed class DatabaseSetup
{
    private readonly AppDbContext _db;
    private readonly LanternOptions _options;
    private readonly PersonIndexer _indexer;

    internal DatabaseSetup(AppDbContext db, LanternOptions options, PersonIndexer indexer)
    {
        _db = db;
        _options = options;
        _indexer = indexer;
    }

    public DatabaseProvider Provider => _options.Provider;

    /// <summary>On start: SQLite is migrated; PostgreSQL is checked for durability and must already be migrated.</summary>
    public async Task PrepareForServingAsync(CancellationToken ct)
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            await MigrateAsync(ct);
            return;
        }
        await CheckPostgresDurabilityAsync(ct);
        var pending = (await _db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException($"The PostgreSQL database has {pending.Count} pending migration(s); run 'lantern db migrate' first.");
        }
        await RefreshSearchKeysAsync(ct);
    }

    /// <summary>
    /// Re-computes the blind-index keys of persons indexed under an older <see cref="BlindIndex.NameKeysVersion"/>
    /// (after an upgrade that changed the name keys or the name knowledge), in batches. Returns how many.
    /// </summary>
    public async Task<int> RefreshSearchKeysAsync(CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            var batch = await _db.Persons.IgnoreQueryFilters()
                .Where(p => p.SearchKeysVersion < BlindIndex.NameKeysVersion)
                .OrderBy(p => p.Id).Take(500)
                .Include(p => p.Aliases).Include(p => p.Documents).Include(p => p.SearchKeys)
                .AsSplitQuery()
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return done;
            }
            foreach (var person in batch)
            {
                _indexer.Reindex(person);
            }
            await _db.SaveChangesAsync(ct);
            _db.ChangeTracker.Clear();
            done += batch.Count;
        }
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(_options.ConnectionString);
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            await _db.Database.OpenConnectionAsync(ct);
            try
            {
                // WAL persists in the file; synchronous=FULL is set on every connection (SqlitePragmas).
                await _db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await _db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await CheckPostgresDurabilityAsync(ct);
        }
        var pending = (await _db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await _db.Database.MigrateAsync(ct);
        await RefreshSearchKeysAsync(ct);
        return pending;
    }

    /// <summary>Refuses a PostgreSQL server that could lose committed data, naming the setting.</summary>
    public async Task CheckPostgresDurabilityAsync(CancellationToken ct)
    {
        foreach (var setting in new[] { "fsync", "synchronous_commit" })
        {
            var value = await ShowAsync(setting, ct);
            if (string.Equals(value, "off", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"PostgreSQL has {setting}=off; Lantern refuses to run without durable commits. Set {setting}=on.");
            }
        }
    }

    public async Task<bool> HasDemoAccountsAsync(CancellationToken ct) => await _db.Users.AnyAsync(u => u.IsDemo, ct);

    public async Task<Organisation?> FirstOrganisationAsync(CancellationToken ct) =>
        await _db.Organisations.OrderBy(o => o.Id).FirstOrDefaultAsync(ct);

    private async Task<string?> ShowAsync(string setting, CancellationToken ct)
    {
        var connection = _db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SHOW " + setting;
            return (await command.ExecuteScalarAsync(ct))?.ToString();
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
