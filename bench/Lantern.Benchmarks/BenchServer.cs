using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Demo;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lantern.Benchmarks;

/// <summary>
/// A real Lantern (<see cref="LanternWebHost"/>, the host <c>lantern serve</c> runs) on Kestrel at 127.0.0.1 and a
/// free port, over a database of its own: a SQLite file in a temporary folder, or a new database on a PostgreSQL
/// server. Set-up work (seeding, bulk import, the benchmark account) runs in-process through Core's handlers, as the CLI does.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string UserName = "bench.investigator";
    private const string Password = "Lantern benchmark passphrase 2026";

    private readonly string _folder;
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;

    private BenchServer(WebApplication app, Uri address, string folder, string? postgresServer, string? postgresDatabase, DatabaseProvider provider)
    {
        App = app;
        Address = address;
        Provider = provider;
        _folder = folder;
        _postgresServer = postgresServer;
        _postgresDatabase = postgresDatabase;
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public DatabaseProvider Provider { get; }

    /// <param name="provider">The database to serve from.</param>
    /// <param name="postgresServer">For PostgreSQL: the server to create a scratch database on.</param>
    /// <param name="postgresExtra">Appended to the connection string Lantern gets (not to the one that creates the database).</param>
    /// <param name="ct">Cancels the start.</param>
    /// <param name="services">Changes to the server's services (a benchmark that runs background work itself removes it).</param>
    public static async Task<BenchServer> StartAsync(DatabaseProvider provider, string? postgresServer, string postgresExtra, CancellationToken ct, Action<IServiceCollection>? services = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string connection;
        string? database = null;
        if (provider == DatabaseProvider.Sqlite)
        {
            connection = $"Data Source={Path.Combine(folder, "lantern.db")}";
        }
        else
        {
            var server = postgresServer ?? throw new InvalidOperationException("A PostgreSQL server is needed.");
            database = "lantern_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using var admin = new NpgsqlConnection(server + ";Database=postgres");
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync(ct);
            connection = $"{server};Database={database}" + postgresExtra;
        }

        var options = new LanternOptions { ConnectionString = connection, KeyFolder = Path.Combine(folder, "keys") };
        var app = LanternWebHost.Build(new WebSettings(options, "http://127.0.0.1:0", Demo: false), builder =>
        {
            // stdout carries the results; the server's warnings and errors go to stderr.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            services?.Invoke(builder.Services);
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(ct);
        }
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchServer(app, new Uri(address), folder, postgresServer, database, provider);
    }

    /// <summary>Runs Core work as the local operator of <paramref name="organisation"/>, in a scope of its own.</summary>
    public async Task<T> AsOperatorAsync<T>(OrganisationId organisation, Func<IServiceProvider, Actor, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider, Actor.LocalOperator(organisation));
    }

    /// <summary>The demo seeder on the empty database, as <c>lantern serve --demo</c> runs it.</summary>
    public Task<SeedDemoData.Response> SeedDemoAsync(CancellationToken ct) =>
        AsOperatorAsync(default, (sp, actor) => sp.GetRequiredService<SeedDemoData.Handler>()
            .Handle(actor, ct, new Progress<string>(line => Console.Error.WriteLine("  demo: " + line))));

    public Task<IReadOnlyList<Organisations.View>> OrganisationsAsync(CancellationToken ct) =>
        AsOperatorAsync(default, (sp, actor) => sp.GetRequiredService<Organisations.ListHandler>().Handle(actor, ct));

    public Task<Organisations.View> AddOrganisationAsync(string name, CancellationToken ct) =>
        AsOperatorAsync(default, (sp, actor) => sp.GetRequiredService<Organisations.AddHandler>().Handle(actor, name, "LawEnforcement", "PK", "Lahore", ct));

    /// <summary>An investigator in <paramref name="organisation"/> and a personal access token for it: what an API client holds.</summary>
    public Task<string> AddBenchUserAsync(Organisations.View organisation, CancellationToken ct) =>
        AsOperatorAsync(new OrganisationId(organisation.Id), async (sp, actor) =>
        {
            await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(UserName, organisation.Name, "investigator", Password), ct);
            var (token, _) = await sp.GetRequiredService<AccessTokens>().CreateAsync(actor, UserName, "benchmark", 1, ct);
            return token;
        });

    /// <summary>How many cases <paramref name="organisation"/> holds, and (up to <paramref name="maxIds"/>) their ids.</summary>
    public async Task<(int Total, List<Guid> Ids)> CasesOfAsync(Guid organisation, int maxIds, CancellationToken ct)
    {
        var ids = new List<Guid>();
        var total = 0;
        for (var page = 1; ids.Count < maxIds; page++)
        {
            var result = await AsOperatorAsync(new OrganisationId(organisation), (sp, actor) => sp.GetRequiredService<SearchCases.Handler>()
                .Handle(actor, new SearchCases.Request(OrganisationId: organisation, Page: page, PageSize: SearchCases.MaxPageSize), ct));
            total = result.Total;
            ids.AddRange(result.Items.Select(c => c.Id));
            if (result.Items.Count < SearchCases.MaxPageSize)
            {
                break;
            }
        }
        return (total, ids);
    }

    /// <summary>Imports documents in one call of the import use case (all or nothing), as <c>lantern cases import</c> does.</summary>
    public Task<ImportCases.Response> ImportAsync(string organisationName, string jsonArray, CancellationToken ct) =>
        AsOperatorAsync(default, (sp, actor) => sp.GetRequiredService<ImportCases.Handler>()
            .Handle(actor, new ImportCases.Request([new ImportCases.Source("synthetic.json", jsonArray)], organisationName), ct));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_postgresDatabase is not null && _postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresServer + ";Database=postgres");
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; it sits in the temporary folder.
        }
    }
}
