using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Watchlists;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantern.Core.Persistence;

/// <summary>
/// Generations that in-memory caches compare against (ADR 0024): one moves with every saved change of a user or an
/// access token (a revocation, a disabled account, a new role), the other with every saved change of a watchlist or
/// of who may screen it (a new entry moves the list's version; retiring sets its retirement).
/// </summary>
/// <remarks>
/// <para>On SQLite the generations are two counters in a small memory-mapped file beside the database
/// (<c>lantern.db.changes</c>), moved atomically by every process that opens the database, so a token revoked or a
/// list imported from the command line while the server runs ends the server's cached copy at once. Reading one costs
/// a memory read. On PostgreSQL several servers on several machines may share the database and no file is shared,
/// so <see cref="CachesAllowed"/> is false there and the caches read the database every time, as before.</para>
/// <para>A generation moves when the change is saved, again after the save and again when its transaction commits, so
/// a cache filled from a read that overlapped the write is already stale when it is stored: a reader in that window
/// still sees the committed state from before. A cache reads the generation before its database read, keeps what it
/// read only if the generation has not moved meanwhile, and trusts it only while it stays so.</para>
/// </remarks>
internal sealed unsafe class ChangeSignals : ISaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private const int AccountsSlot = 0;
    private const int WatchlistsSlot = 1;
    private const int FileSize = 4096;

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly long* _shared;
    private readonly long[] _local = new long[2];

    public ChangeSignals(LanternOptions options)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        CachesAllowed = true;
        var path = SignalFile(options.ConnectionString);
        if (path is null)
        {
            return; // an in-memory database: no other process can open it
        }
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.OpenOrCreate, null, FileSize, MemoryMappedFileAccess.ReadWrite);
        _view = _file.CreateViewAccessor(0, FileSize, MemoryMappedFileAccess.ReadWrite);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _shared = (long*)(pointer + _view.PointerOffset);
    }

    /// <summary>
    /// Whether in-memory caches may answer without reading the database (SQLite only, see remarks). Settable for the
    /// benchmark, which compares with and without.
    /// </summary>
    public bool CachesAllowed { get; internal set; }

    /// <summary>Moves whenever a user or an access token is changed or removed, by any process on this database.</summary>
    public long AccountsGeneration => Read(AccountsSlot);

    /// <summary>Moves whenever a watchlist or its screeners are added, changed or removed, by any process on this database.</summary>
    public long WatchlistGeneration => Read(WatchlistsSlot);

    /// <summary>The file that holds the counters for a SQLite database, or null for an in-memory one.</summary>
    internal static string? SignalFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:")
        {
            return null;
        }
        return Path.GetFullPath(source) + ".changes";
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Settle(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Finish(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Finish(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(eventData.Context);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _file?.Dispose();
    }

    private long Read(int slot) => _shared is null ? Volatile.Read(ref _local[slot]) : Volatile.Read(ref _shared[slot]);

    private void Move(int slot)
    {
        if (_shared is null)
        {
            Interlocked.Increment(ref _local[slot]);
        }
        else
        {
            Interlocked.Increment(ref _shared[slot]);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var accounts = false;
        var watchlists = false;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted or EntityState.Added))
            {
                continue;
            }
            // A new user or token cannot be cached yet; a new list changes what an organisation may screen.
            accounts |= entry.Entity is User or AccessToken && entry.State != EntityState.Added;
            watchlists |= entry.Entity is Watchlist or WatchlistScreener;
        }
        if (!accounts && !watchlists)
        {
            return;
        }
        var pending = _pending.GetOrCreateValue(context);
        pending.Accounts |= accounts;
        pending.Watchlists |= watchlists;
        Move(pending);
    }

    private void Settle(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }
        Move(pending);
        if (context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }

    private void Finish(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }
        Move(pending);
        _pending.Remove(context);
    }

    private void Move(Pending pending)
    {
        if (pending.Accounts)
        {
            Move(AccountsSlot);
        }
        if (pending.Watchlists)
        {
            Move(WatchlistsSlot);
        }
    }

    private sealed class Pending
    {
        public bool Accounts { get; set; }
        public bool Watchlists { get; set; }
    }
}
