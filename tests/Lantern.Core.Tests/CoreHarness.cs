using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lantern.Core.Tests;

/// <summary>Core over a real SQLite file in a temporary folder, with a controllable clock.</summary>
public sealed class CoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CoreHarness(string folder, ServiceProvider provider, FakeTimeProvider clock)
    {
        Folder = folder;
        _provider = provider;
        Clock = clock;
    }

    public string Folder { get; }
    public FakeTimeProvider Clock { get; }
    public string DatabasePath => Path.Combine(Folder, "lantern.db");

    public static async Task<CoreHarness> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLanternCore(new LanternOptions { ConnectionString = $"Data Source={Path.Combine(folder, "lantern.db")}", KeyFolder = Path.Combine(folder, "keys") });
        services.AddSingleton<TimeProvider>(clock);
        var provider = services.BuildServiceProvider();
        var harness = new CoreHarness(folder, provider, clock);
        await harness.RunAsync(sp => sp.GetRequiredService<DatabaseSetup>().MigrateAsync(CancellationToken.None));
        return harness;
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static Actor Operator => Actor.LocalOperator(default);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
