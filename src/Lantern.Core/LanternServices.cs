using System.Reflection;
using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core;

/// <summary>Registers Core: the database for the configured provider, the key ring, and every use-case handler.</summary>
public static class LanternServices
{
    public static IServiceCollection AddLanternCore(this IServiceCollection services, LanternOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => KeyRing.OpenOrCreate(options.KeyFolder));
        services.AddSingleton<FieldCipher>();
        services.AddSingleton<BlindIndex>();
        services.AddSingleton<PersonIndexer>();
        services.AddSingleton<DecryptingMaterializer>();
        services.AddSingleton(sp => new AuditGroupCommit(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<ChangeSignals>();
        services.AddSingleton<DeferredSync>();
        services.AddSingleton(sp =>
        {
            // made after DeferredSync, so disposed before it: late commits finish before the last sync at shutdown
            _ = sp.GetRequiredService<DeferredSync>();
            return new CommitBudget(sp.GetService<Microsoft.Extensions.Logging.ILogger<CommitBudget>>());
        });
        services.AddSingleton(sp => new Features.Administration.AccessTokenCache(sp.GetRequiredService<ChangeSignals>()));

        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresAppDbContext>((sp, b) => b
                .UseNpgsql(WithPoolLimit(options.ConnectionString), o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(sp.GetRequiredService<DecryptingMaterializer>(), sp.GetRequiredService<ChangeSignals>())
                .ConfigureWarnings(IgnoreOneProviderPerHost));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteAppDbContext>((sp, b) => b
                .UseSqlite(options.ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<DecryptingMaterializer>(), sp.GetRequiredService<ChangeSignals>())
                .ConfigureWarnings(IgnoreOneProviderPerHost));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }

        services.AddScoped<Visibility>();
        // ---- Networks (Features/Networks): each scope's built network, kept briefly ----
        services.AddSingleton<Features.Networks.NetworkCache>();
        // ---- end ----
        // ---- Watchlists (Features/Watchlists): each list's built screening index, per list version ----
        services.AddSingleton(sp => new Features.Watchlists.WatchlistIndexes(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton(sp => new Features.Watchlists.ScreenedPopulations(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Features.Watchlists.ScreenableLists(sp.GetRequiredService<ChangeSignals>(), sp.GetRequiredService<TimeProvider>()));
        // ---- end ----
        // ---- Signed sharing packages (Features/Sharing): this installation's key pairs, beside the key ring ----
        services.AddSingleton(_ => SharingKeys.OpenOrCreate(options.KeyFolder));
        // ---- end ----
        AddInternalConstructed<AuditLog>(services);
        AddInternalConstructed<DatabaseSetup>(services);
        AddInternalConstructed<Features.Administration.SignIn>(services);
        AddInternalConstructed<Features.Administration.AccessTokens>(services);
        foreach (var handler in typeof(LanternServices).Assembly.GetTypes().Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal) && t.IsNested && t.IsPublic == false && t.IsNestedPublic && t.IsClass && !t.IsAbstract))
        {
            AddInternalConstructed(services, handler);
        }
        return services;
    }

    /// <summary>
    /// Two defaults for PostgreSQL that a connection string may override. Npgsql's default pool (100) equals
    /// PostgreSQL's default max_connections, so an overloaded server ran out of connections (53300) and a hundred
    /// backends fought over the CPU; a smaller pool queues requests in Lantern instead. Automatic preparation keeps
    /// the plans of Lantern's few, repeated, filter-heavy statements on each connection: without it PostgreSQL
    /// planned every statement of every request (docs/benchmarks.md).
    /// </summary>
    internal static string WithPoolLimit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultPostgresPoolSize;
        }
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = DefaultPostgresAutoPrepare;
        }
        return builder.ConnectionString;
    }

    public const int DefaultPostgresPoolSize = 32;
    public const int DefaultPostgresAutoPrepare = 64;

    // EF builds one internal service provider per host (and per design-time context). A process holds one host in
    // production; the test suite starts dozens, which EF would otherwise report as a misconfiguration.
    internal static void IgnoreOneProviderPerHost(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning);

    private static void AddInternalConstructed<T>(IServiceCollection services) => AddInternalConstructed(services, typeof(T));

    // Handlers are public so front doors can call them, but their dependencies (the DbContext, the key ring)
    // are internal to Core, so their constructors are internal and DI needs an explicit factory.
    private static void AddInternalConstructed(IServiceCollection services, Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).Single();
        var parameters = constructor.GetParameters();
        services.AddScoped(type, sp => constructor.Invoke(parameters.Select(p => sp.GetRequiredService(p.ParameterType)).ToArray()));
    }
}
