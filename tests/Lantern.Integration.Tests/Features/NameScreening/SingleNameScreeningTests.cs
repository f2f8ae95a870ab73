using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.NameScreening;

/// <summary>
/// What single-name screening keeps in memory and when it writes (ADR 0024): a cached bearer token stops working at
/// once when it is revoked or its account disabled, through the API or from the command line; a cached set of lists
/// sees a new entry or a retired list at once; the subject, its alert and the audit entry are committed before the
/// answer and reach the database file (not only its write-ahead log) shortly after, and at shutdown.
/// </summary>
public sealed class SingleNameScreeningTests : IAsyncLifetime
{
    private const string Screen = "/api/v1/name-screening/names";

    private LanternServer _server = null!;
    private Guid _listId;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        using var admin = _server.Client(AdministratorA);
        using var created = await admin.PostAsJsonAsync(Uri("/api/v1/watchlists"), new { name = "Wanted (cache test)", purpose = "Screen travellers at Karachi port.", kind = "Wanted", source = "Manual" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _listId = (await created.Content.ReadFromJsonAsync<CreateWatchlist.Response>(Json.Options))!.Id;
        await AddEntryAsync("W-1", "Ghulam Rasool Chandio");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    private async Task AddEntryAsync(string id, string name)
    {
        using var admin = _server.Client(AdministratorA);
        using var added = await admin.PostAsJsonAsync(Uri($"/api/v1/watchlists/{_listId}/items"), new { id, name, aliases = Array.Empty<string>(), nationality = "PK" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
    }

    private static async Task<ScreeningResult> ScreenAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync(Uri(Screen), new { name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ScreeningResult>(Json.Options))!;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync(Uri(Screen), new { name });
        return response.StatusCode;
    }

    /// <summary>A fresh token of InvestigatorA, used until it is trusted from memory (the first use writes its last use).</summary>
    private async Task<(HttpClient Client, Guid Id)> WarmTokenAsync(string username)
    {
        var (token, view) = await _server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<AccessTokens>().CreateAsync(actor, username, "cache test", 1, CancellationToken.None));
        var client = new HttpClient { BaseAddress = new Uri(_server.Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "Ghulam Rasool Chandio"));
        }
        return (client, view.Id);
    }

    [Fact]
    public async Task RevokeToken_ThroughTheApi_NextRequestIsUnauthorised()
    {
        var (client, id) = await WarmTokenAsync(LanternServer.Username(InvestigatorA));
        using (client)
        {
            using var investigator = _server.Client(InvestigatorA);
            using var revoked = await investigator.DeleteAsync(Uri($"/api/v1/tokens/{id}"));
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "Ghulam Rasool Chandio"));
        }
    }

    [Fact]
    public async Task RevokeToken_FromTheCommandLine_NextRequestIsUnauthorised()
    {
        var (client, id) = await WarmTokenAsync(LanternServer.Username(InvestigatorA));
        using (client)
        {
            var revoked = await Infrastructure.Cli.RunAsync(_server.Database, null, "tokens", "revoke", id.ToString());
            Assert.True(revoked.ExitCode == 0, revoked.Stderr);

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "Ghulam Rasool Chandio"));
        }
    }

    [Fact]
    public async Task DisableUser_ThroughTheApi_TokenIsUnauthorisedAtOnce()
    {
        const string username = "test.cache-investigator";
        await _server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(username, LanternServer.OrganisationA, "investigator", LanternServer.Password), CancellationToken.None));
        var (client, _) = await WarmTokenAsync(username);
        using (client)
        {
            using var admin = _server.Client(AdministratorA);
            using var disabled = await admin.PostAsync(Uri($"/api/v1/users/{username}/disable"), null);
            Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "Ghulam Rasool Chandio"));
        }
    }

    [Fact]
    public async Task AddItem_ThroughTheApi_NewEntryIsScreenedAtOnce()
    {
        using var officer = _server.Client(InvestigatorA);
        Assert.Empty((await ScreenAsync(officer, "Shahida Bano Lashari")).Hits);

        await AddEntryAsync("W-2", "Shahida Bano Lashari");

        var hit = Assert.Single((await ScreenAsync(officer, "Shahida Bano Lashari")).Hits);
        Assert.Equal("W-2", hit.EntryExternalId);
    }

    [Fact]
    public async Task Retire_ThroughTheApi_ListIsNoLongerScreened()
    {
        using var admin = _server.Client(AdministratorA);
        using var created = await admin.PostAsJsonAsync(Uri("/api/v1/watchlists"), new { name = "Retiring (cache test)", purpose = "Screen at Wagah.", kind = "Suspects", source = "Manual" });
        var list = (await created.Content.ReadFromJsonAsync<CreateWatchlist.Response>(Json.Options))!.Id;
        using (await admin.PostAsJsonAsync(Uri($"/api/v1/watchlists/{list}/items"), new { id = "R-1", name = "Mumtaz Ali Jatoi", aliases = Array.Empty<string>() }))
        {
        }
        using var officer = _server.Client(InvestigatorA);
        Assert.Single((await ScreenAsync(officer, "Mumtaz Ali Jatoi")).Hits);

        using var retired = await admin.PostAsync(Uri($"/api/v1/watchlists/{list}/retire"), null);
        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);

        var after = await ScreenAsync(officer, "Mumtaz Ali Jatoi");
        Assert.Empty(after.Hits);
        Assert.DoesNotContain(after.Lists, l => l.Id == list);
    }

    [Fact]
    public async Task Retire_FromTheCommandLine_ListIsNoLongerScreenedByTheServer()
    {
        using var admin = _server.Client(AdministratorA);
        using var created = await admin.PostAsJsonAsync(Uri("/api/v1/watchlists"), new { name = "Retired from the CLI (cache test)", purpose = "Screen at Torkham.", kind = "Suspects", source = "Manual" });
        var list = (await created.Content.ReadFromJsonAsync<CreateWatchlist.Response>(Json.Options))!.Id;
        using (await admin.PostAsJsonAsync(Uri($"/api/v1/watchlists/{list}/items"), new { id = "C-1", name = "Nazir Ahmed Khoso", aliases = Array.Empty<string>() }))
        {
        }
        using var officer = _server.Client(InvestigatorA);
        Assert.Single((await ScreenAsync(officer, "Nazir Ahmed Khoso")).Hits);

        var retired = await Infrastructure.Cli.RunAsync(_server.Database, null, "watchlists", "retire", "--list", list.ToString(), "--as", LanternServer.Username(AdministratorA));
        Assert.True(retired.ExitCode == 0, retired.Stderr);

        Assert.Empty((await ScreenAsync(officer, "Nazir Ahmed Khoso")).Hits);
    }

    [Fact]
    public async Task ScreenName_WhenAnswered_SubjectAlertAndAuditEntryAreCommitted()
    {
        using var officer = _server.Client(InvestigatorA);
        var result = await ScreenAsync(officer, "Ghulam Rasool Chandio");
        var alert = Assert.Single(result.Hits).AlertId!.Value;
        // an answer may go before its commit when the disk is slow (CommitBudget); the commit follows
        await _server.App.Services.GetRequiredService<CommitBudget>().SettledAsync();

        // Another connection, as another process would read it: committed, not merely held by the server.
        var database = Path.Combine(_server.Database.DataFolder, "lantern.db");
        Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM screened_subjects WHERE upper(Id) = upper($id)", result.SubjectId));
        Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM screening_alerts WHERE upper(Id) = upper($id)", alert));
        Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM audit_log WHERE Action = 'name-screening.name' AND upper(EntityId) = upper($id)", result.SubjectId));
    }

    [Fact]
    public async Task ScreenName_AfterTheSyncInterval_IsInTheDatabaseFileWithoutItsLog()
    {
        using var officer = _server.Client(InvestigatorA);
        var result = await ScreenAsync(officer, "Ghulam Rasool Chandio");

        await Task.Delay(DeferredSync.Interval * 10);

        // The main file alone, as a power failure that lost the unsynced log would leave it.
        Assert.Equal(1, await CountInFileAloneAsync(Path.Combine(_server.Database.DataFolder, "lantern.db"), "SELECT count(*) FROM screened_subjects WHERE upper(Id) = upper($id)", result.SubjectId));
    }

    [Fact]
    public async Task ScreenName_DatabaseHeldUp_AnswersFirstAndTheNextRequestWaitsForTheAlert()
    {
        using var officer = _server.Client(InvestigatorA);
        Assert.Single((await ScreenAsync(officer, "Ghulam Rasool Chandio")).Hits);
        var budget = _server.App.Services.GetRequiredService<CommitBudget>();
        await budget.SettledAsync();
        Task<HttpResponseMessage> opening;
        Guid alert;
        await using (var writer = await HoldWritesAsync())
        {
            // a new input (its own reference) raises a new alert, whose commit cannot finish while the write is held
            using var response = await officer.PostAsJsonAsync(Uri(Screen), new { name = "Ghulam Rasool Chandio", externalId = "PAX-" + Guid.NewGuid().ToString("N") }).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = (await response.Content.ReadFromJsonAsync<ScreeningResult>(Json.Options))!;
            alert = Assert.Single(result.Hits).AlertId!.Value;
            Assert.Equal(1, budget.Running);

            opening = officer.GetAsync(Uri($"/api/v1/name-screening/alerts/{alert}"));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.False(opening.IsCompleted);
        }
        using var opened = await opening.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(0, budget.Running);
        Assert.Equal(1, await CountAsync(Path.Combine(_server.Database.DataFolder, "lantern.db"), "SELECT count(*) FROM screening_alerts WHERE upper(Id) = upper($id)", alert));
    }

    [Fact]
    public async Task ScreenName_MissingChildHitWhileDatabaseHeldUp_AnswersOnlyOnceTheAlertIsStored()
    {
        var list = await AddMissingChildAsync(_server, "Missing children (budget test)", "M-7", "Zarina Bibi Chachar");
        using var officer = _server.Client(InvestigatorA);
        Assert.Single((await ScreenAsync(officer, "Ghulam Rasool Chandio")).Hits);
        await _server.App.Services.GetRequiredService<CommitBudget>().SettledAsync();
        Task<ScreeningResult> screening;
        await using (var writer = await HoldWritesAsync())
        {
            screening = ScreenAsync(officer, "Zarina Bibi Chachar");
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.False(screening.IsCompleted);
        }
        var hit = Assert.Single((await screening.WaitAsync(TimeSpan.FromSeconds(30))).Hits);
        Assert.Equal(list, hit.ListId);
        Assert.Equal(1, await CountAsync(Path.Combine(_server.Database.DataFolder, "lantern.db"), "SELECT count(*) FROM screening_alerts WHERE upper(Id) = upper($id)", hit.AlertId!.Value));
    }

    /// <summary>A missing-children list of organisation A with one child, added directly (no screening happens on the way).</summary>
    internal static Task<Guid> AddMissingChildAsync(LanternServer server, string listName, string id, string name) =>
        server.AsOperatorAsync(async (sp, actor) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            var w = new Watchlist(listName, "Screen at bus terminals.", WatchlistKind.MissingChildren, WatchlistSource.Manual, new OrganisationId(server.OrganisationAId), actor.UserId, now);
            db.Watchlists.Add(w);
            WatchlistEditing.Add(db, w, w.NextVersion(now), id, new ListedDetails(name, [], "2014", "PK", null, null, "Missing since March"), actor, now);
            await db.SaveChangesAsync();
            return w.Id;
        });

    /// <summary>Another connection holding the database's write lock, as a slow disk would hold a commit; disposing it lets go.</summary>
    private async Task<SqliteConnection> HoldWritesAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_server.Database.DataFolder, "lantern.db")};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    internal static async Task<long> CountAsync(string database, string sql, Guid id)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task<long> CountInFileAloneAsync(string database, string sql, Guid id)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"lantern-file-alone-{Guid.NewGuid():N}.db");
        File.Copy(database, copy);
        try
        {
            return await CountAsync(copy, sql, id);
        }
        finally
        {
            foreach (var f in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}

/// <summary>A clean shutdown syncs what single-name screening committed without a sync (ADR 0024).</summary>
public sealed class SingleNameScreeningShutdownTests
{
    [Fact]
    public async Task ScreenName_ThenShutdown_IsInTheDatabaseFileWithoutItsLog()
    {
        var server = await LanternServer.StartAsync(Provider.Sqlite);
        try
        {
            var list = await SingleNameScreeningTests.AddMissingChildAsync(server, "Missing children (shutdown test)", "M-1", "Sakina Bibi Marri");
            using var client = server.Client(InvestigatorA);
            using var response = await client.PostAsJsonAsync(new Uri(Screen, UriKind.Relative), new { name = "Sakina Bibi Marri" });
            var result = (await response.Content.ReadFromJsonAsync<ScreeningResult>(Json.Options))!;
            var alert = Assert.Single(result.Hits).AlertId!.Value;

            await server.App.StopAsync();
            await server.App.DisposeAsync();

            var database = Path.Combine(server.Database.DataFolder, "lantern.db");
            Assert.Equal(1, await SingleNameScreeningTests.CountInFileAloneAsync(database, "SELECT count(*) FROM screened_subjects WHERE upper(Id) = upper($id)", result.SubjectId));
            Assert.Equal(1, await SingleNameScreeningTests.CountInFileAloneAsync(database, "SELECT count(*) FROM screening_alerts WHERE upper(Id) = upper($id)", alert));
            Assert.Equal(1, await SingleNameScreeningTests.CountInFileAloneAsync(database, "SELECT count(*) FROM audit_log WHERE Action = 'name-screening.name' AND upper(EntityId) = upper($id)", result.SubjectId));
            Assert.NotEqual(Guid.Empty, list);
        }
        finally
        {
            await server.Database.DisposeAsync();
        }
    }

    private const string Screen = "/api/v1/name-screening/names";
}
