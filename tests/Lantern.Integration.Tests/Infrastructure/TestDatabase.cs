using Lantern.Core.Persistence;
using Npgsql;

namespace Lantern.Integration.Tests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// A database of its own for one fixture: a SQLite file in a temporary data folder, or a fresh database on the
/// throwaway PostgreSQL server that ./test starts (LANTERN_TEST_POSTGRES). Tests that need PostgreSQL fail,
/// never skip, when it is missing.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "LANTERN_TEST_POSTGRES";

    private TestDatabase(string dataFolder, LanternOptions options, string? postgresName)
    {
        DataFolder = dataFolder;
        Options = options;
        PostgresName = postgresName;
    }

    public string DataFolder { get; }
    public LanternOptions Options { get; }
    public string? PostgresName { get; }

    public static async Task<TestDatabase> CreateAsync(Provider provider, Func<NpgsqlConnection, string, Task>? configurePostgres = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var keys = Path.Combine(folder, "keys");
        if (provider == Provider.Sqlite)
        {
            return new TestDatabase(folder, new LanternOptions { ConnectionString = $"Data Source={Path.Combine(folder, "lantern.db")}", KeyFolder = keys }, null);
        }
        var server = PostgresServer();
        var name = "lantern_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection))
            {
                await create.ExecuteNonQueryAsync();
            }
            if (configurePostgres is not null)
            {
                await configurePostgres(connection, name);
            }
        }
        return new TestDatabase(folder, new LanternOptions { ConnectionString = $"{server};Database={name}", KeyFolder = keys }, name);
    }

    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable)
        ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through ./test, which starts a throwaway PostgreSQL.");

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer() + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a closing connection; the temp folder is cleaned by the OS.
        }
    }
}
