using Lantern.Core;
using Lantern.Core.Persistence;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lantern.Integration.Tests.Persistence;

/// <summary>PostgreSQL: migrated by 'lantern db migrate', and refused when it could lose committed data.</summary>
public sealed class PostgresDatabaseTests
{
    private static async Task<Exception?> PrepareAsync(TestDatabase database)
    {
        var services = new ServiceCollection().AddLogging().AddLanternCore(database.Options).BuildServiceProvider();
        await using (services)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().PrepareForServingAsync(CancellationToken.None);
                return null;
            }
            catch (InvalidOperationException e)
            {
                return e;
            }
        }
    }

    [Fact]
    public async Task Serve_OnAnUnmigratedDatabase_AsksForDbMigrate_ThenStartsAfterIt()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        var refused = await PrepareAsync(database);
        Assert.NotNull(refused);
        Assert.Contains("lantern db migrate", refused.Message, StringComparison.Ordinal);

        var migrate = await Infrastructure.Cli.RunAsync(database, null, "db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        Assert.Contains("applied", migrate.Stderr, StringComparison.Ordinal);
        Assert.Null(await PrepareAsync(database));

        var again = await Infrastructure.Cli.RunAsync(database, null, "db", "migrate");
        Assert.Contains("up to date", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithSynchronousCommitOff_IsRefusedNamingTheSetting()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres, async (connection, name) =>
        {
            await using var command = new NpgsqlCommand($"ALTER DATABASE {name} SET synchronous_commit = off", connection);
            await command.ExecuteNonQueryAsync();
        });
        var refused = await PrepareAsync(database);
        Assert.NotNull(refused);
        Assert.Contains("synchronous_commit", refused.Message, StringComparison.Ordinal);

        var cli = await Infrastructure.Cli.RunAsync(database, null, "db", "migrate");
        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("synchronous_commit=off", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DurabilityCheck_ReadsTheServersFsyncSetting()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        await using var connection = new NpgsqlConnection(database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW fsync", connection);
        // The throwaway test server keeps fsync on (./test must not weaken it), so the check passes here.
        Assert.Equal("on", await command.ExecuteScalarAsync());
        Assert.DoesNotContain("fsync", (await PrepareAsync(database))?.Message ?? "", StringComparison.Ordinal);
    }
}
