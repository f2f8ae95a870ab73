using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Persistence;

/// <summary>
/// Saves whose answer may go out before the disk has synced them (ADR 0024): on SQLite the save commits with
/// <c>synchronous=NORMAL</c> in WAL mode, i.e. into the write-ahead log in the operating system's cache without an
/// fsync, so the transaction is committed, visible and survives a crash of the process, but not yet a power failure.
/// A background checkpoint then syncs the log, at most <see cref="Interval"/> after the first unsynced commit, so a
/// power failure loses at most the transactions of that window, each whole (the chain of audit entries stays intact:
/// it only loses its end). On PostgreSQL the save is an ordinary durable commit.
/// </summary>
/// <remarks>
/// A passive checkpoint syncs the log before it copies pages back and never holds the write lock, so foreground
/// commits do not wait for the disk; it also keeps the log short, so a request rarely pays for an automatic
/// checkpoint. When a reader keeps the checkpoint from reaching the end of the log, it is tried again next interval.
/// The last checkpoint runs when the host disposes its services (a clean shutdown, or the end of a command).
/// </remarks>
internal sealed class DeferredSync(LanternOptions options) : IAsyncDisposable
{
    /// <summary>The longest a commit made here stays unsynced while the process runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>False commits durably like any other save (the benchmark compares both).</summary>
    internal bool Defers { get; set; } = true;

    private readonly Lock _gate = new();
    private Task _flushing = Task.CompletedTask;
    private bool _dirty;
    private bool _running;
    private bool _disposed;
    private bool? _wal;

    /// <summary>Commits <paramref name="db"/>'s changes (and their audit entries) as <see cref="DeferredSync"/> describes.</summary>
    public async Task<int> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        if (!Defers || options.Provider != DatabaseProvider.Sqlite || db.Database.CurrentTransaction is not null)
        {
            return await db.SaveChangesAsync(ct);
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // NORMAL is safe from corruption only in WAL mode (an in-memory or rollback-journal database stays FULL).
            _wal ??= await JournalIsWalAsync(db, ct);
            if (_wal != true)
            {
                return await db.SaveChangesAsync(ct);
            }
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
            var saved = await db.SaveChangesAsync(ct);
            Committed();
            return saved;
        }
        finally
        {
            // The pool reopens it with synchronous=FULL anyway (SqlitePragmas); this keeps the rest of the request durable.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Syncs whatever is unsynced now; the next commits are synced by the background checkpoint as usual.</summary>
    public async Task FlushAsync()
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await CheckpointAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task flushing;
        lock (_gate)
        {
            _disposed = true;
            flushing = _flushing;
        }
        await flushing;
        await FlushAsync();
    }

    private void Committed()
    {
        lock (_gate)
        {
            _dirty = true;
            if (_running || _disposed)
            {
                return;
            }
            _running = true;
            _flushing = Task.Run(FlushLaterAsync);
        }
    }

    private async Task FlushLaterAsync()
    {
        while (true)
        {
            await Task.Delay(Interval);
            lock (_gate)
            {
                // Commits from here on set it again; those before are in the log the checkpoint syncs.
                _dirty = false;
            }
            bool complete;
            try
            {
                complete = await CheckpointAsync();
            }
#pragma warning disable CA1031 // a failed checkpoint is tried again; the data is committed and the next sync covers it
            catch (Exception)
#pragma warning restore CA1031
            {
                complete = false;
            }
            lock (_gate)
            {
                _dirty |= !complete;
                if (!_dirty || _disposed)
                {
                    _running = false;
                    return;
                }
            }
        }
    }

    private static async Task<bool> JournalIsWalAsync(AppDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return string.Equals(await command.ExecuteScalarAsync(ct) as string, "wal", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A passive checkpoint (which syncs the log first); true when it reached the end of the log.</summary>
    private async Task<bool> CheckpointAsync()
    {
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return false;
        }
        var busy = reader.GetInt64(0);
        var log = reader.GetInt64(1);
        var done = reader.GetInt64(2);
        return busy == 0 && done >= log;
    }
}
