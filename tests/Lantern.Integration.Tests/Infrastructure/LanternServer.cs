using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lantern.Integration.Tests.Infrastructure;

/// <summary>The people of the persona matrix. Each has a personal access token for the API.</summary>
public enum Persona { InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous, ProsecutorA, CaseworkerA, InvestigatorB }

/// <summary>
/// A real Lantern on Kestrel (loopback, a free port) over its own database, with two organisations,
/// a user per persona, and intent methods for tests. Log lines are captured to check that no personal data is logged.
/// </summary>
public sealed class LanternServer : IAsyncDisposable
{
    public const string OrganisationA = "FIA AHTC Test Lahore";
    public const string OrganisationB = "Test Shelter Islamabad";
    public const string Password = "Lantern test passphrase 2026";

    private readonly Dictionary<Persona, string> _tokens = [];

    private LanternServer(TestDatabase database, WebApplication app, string address, CapturedLogs logs)
    {
        Database = database;
        App = app;
        Address = address;
        Logs = logs;
    }

    public TestDatabase Database { get; }
    public WebApplication App { get; }
    public string Address { get; }
    public CapturedLogs Logs { get; }
    public Guid OrganisationAId { get; private set; }
    public Guid OrganisationBId { get; private set; }

    public static async Task<LanternServer> StartAsync(Provider provider, bool withPersonas = true, bool demo = false, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var logs = new CapturedLogs();
        var app = LanternWebHost.Build(new WebSettings(database.Options, "http://127.0.0.1:0", demo), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Debug);
            services?.Invoke(builder.Services);
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(CancellationToken.None);
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new LanternServer(database, app, address, logs);
        if (withPersonas)
        {
            await server.CreatePersonasAsync();
        }
        return server;
    }

    public Actor System => Actor.LocalOperator(new OrganisationId(OrganisationAId));

    /// <summary>Runs Core work as the local operator, as the CLI would.</summary>
    public async Task<T> AsOperatorAsync<T>(Func<IServiceProvider, Actor, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider, System);
    }

    public HttpClient Client(Persona persona)
    {
        var client = new HttpClient { BaseAddress = new Uri(Address) };
        if (persona != Persona.Anonymous)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[persona]);
        }
        return client;
    }

    public static string Username(Persona persona) => "test." + persona.ToString().ToLowerInvariant();

    public async Task<Guid> ImportAsync(string json, string organisation = OrganisationA) =>
        (await AsOperatorAsync((sp, actor) => sp.GetRequiredService<ImportCases.Handler>()
            .Handle(actor, new ImportCases.Request([new ImportCases.Source("test.json", json)], organisation), CancellationToken.None))).Cases[0].Id;

    public async Task<int> CountCasesAsync() =>
        (await AsOperatorAsync((sp, actor) => sp.GetRequiredService<SearchCases.Handler>().Handle(actor, new SearchCases.Request(PageSize: 1), CancellationToken.None))).Total;

    private async Task CreatePersonasAsync()
    {
        await AsOperatorAsync(async (sp, actor) =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            OrganisationAId = (await add.Handle(actor, OrganisationA, "LawEnforcement", "PK", "Lahore", CancellationToken.None)).Id;
            OrganisationBId = (await add.Handle(actor, OrganisationB, "NGO", "PK", "Islamabad", CancellationToken.None)).Id;
            return 0;
        });
        var personas = new (Persona Persona, string Organisation, string Role)[]
        {
            (Persona.InvestigatorA, OrganisationA, "investigator"),
            (Persona.CaseworkerB, OrganisationB, "caseworker"),
            (Persona.AnalystA, OrganisationA, "analyst"),
            (Persona.AuditorA, OrganisationA, "auditor"),
            (Persona.AdministratorA, OrganisationA, "administrator"),
            (Persona.DisabledA, OrganisationA, "investigator"),
            // Prosecution proceedings: the prosecutor, a caseworker of the same office, an investigator of another organisation.
            (Persona.ProsecutorA, OrganisationA, "prosecutor"),
            (Persona.CaseworkerA, OrganisationA, "caseworker"),
            (Persona.InvestigatorB, OrganisationB, "investigator"),
        };
        var tokens = new ConcurrentDictionary<Persona, string>();
        await Parallel.ForEachAsync(personas, async (p, ct) =>
        {
            var token = await AsOperatorAsync(async (sp, actor) =>
            {
                await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(Username(p.Persona), p.Organisation, p.Role, Password), ct);
                var (value, _) = await sp.GetRequiredService<AccessTokens>().CreateAsync(actor, Username(p.Persona), "tests", 1, ct);
                return value;
            });
            tokens[p.Persona] = token;
        });
        foreach (var (persona, token) in tokens)
        {
            _tokens[persona] = token;
        }
        await AsOperatorAsync(async (sp, actor) =>
        {
            await sp.GetRequiredService<Users.SetDisabledHandler>().Handle(actor, Username(Persona.DisabledA), true, CancellationToken.None);
            return 0;
        });
    }

    public async Task<HttpResponseMessage> PostJsonAsync(Persona persona, string path, string json)
    {
        using var client = Client(persona);
        using var content = new StringContent(json, global::System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public async Task<T> GetJsonAsync<T>(Persona persona, string path)
    {
        using var client = Client(persona);
        return (await client.GetFromJsonAsync<T>(new Uri(path, UriKind.Relative), Json.Options))!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Collects every log line the server writes.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

public static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
