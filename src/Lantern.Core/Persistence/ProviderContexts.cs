using System.Data.Common;
using Lantern.Core.Auditing;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantern.Core.Persistence;

/// <summary>The embedded default. Owns the migrations in Persistence/Migrations/Sqlite; applied on start.</summary>
internal sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, FieldCipher cipher, KeyRing keys, AuditGroupCommit? groupCommit = null)
    : AppDbContext(options, cipher, keys, groupCommit)
{
    // SQLite serialises writers; BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already holds the write lock.
    protected override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The production database. Owns the migrations in Persistence/Migrations/Postgres; applied by <c>lantern db migrate</c>.</summary>
internal sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, FieldCipher cipher, KeyRing keys, AuditGroupCommit? groupCommit = null)
    : AppDbContext(options, cipher, keys, groupCommit)
{
    // Serialises audit-chain appends across processes for the rest of the transaction.
    protected override Task LockAuditChainAsync(CancellationToken ct) =>
        Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7415263)", ct);
}

/// <summary>Durability on SQLite: every connection runs with synchronous=FULL and a generous busy timeout (the CLI may write while the server runs).</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var keys = KeyRing.OpenOrCreate(Path.Combine(Path.GetTempPath(), "lantern-design-keys"));
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(SqliteAppDbContext).Assembly.FullName))
            .ConfigureWarnings(LanternServices.IgnoreOneProviderPerHost)
            .Options;
        return new SqliteAppDbContext(options, new FieldCipher(keys), keys);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var keys = KeyRing.OpenOrCreate(Path.Combine(Path.GetTempPath(), "lantern-design-keys"));
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=lantern_design")
            .ConfigureWarnings(LanternServices.IgnoreOneProviderPerHost)
            .Options;
        return new PostgresAppDbContext(options, new FieldCipher(keys), keys);
    }
}
