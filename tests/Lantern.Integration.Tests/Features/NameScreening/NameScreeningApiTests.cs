using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.NameScreening;

/// <summary>
/// Name screening through its front doors on a server of its own: a suspects list of organisation A (which
/// organisation B may not screen), single names, batches with progress and results, alert decisions, the CLI, and
/// who may do what (a screening officer of A screens but sees no case).
/// </summary>
public sealed class NameScreeningApiTests : IAsyncLifetime
{
    private const string OfficerName = "test.screening-officer";

    private LanternServer _server = null!;
    private string _officerToken = "";

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        _officerToken = await _server.AsOperatorAsync(async (sp, actor) =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            var list = new Watchlist("Suspected traffickers (test)", "Screen travellers at Lahore airport.", WatchlistKind.Suspects, WatchlistSource.Manual, new OrganisationId(_server.OrganisationAId), actor.UserId, now);
            db.Watchlists.Add(list);
            var v = list.NextVersion(now);
            WatchlistEditing.Add(db, list, v, "S-1", new ListedDetails("Zubair Ahmed Qureshi", ["Zubair Qureshi"], "1984-03-07", "PK", null, null, "FIR 12/2026"), actor, now);
            WatchlistEditing.Add(db, list, v, "S-2", new ListedDetails("Tariq Mehmood Butt", [], "1979", "PK", null, null, "Wanted"), actor, now);
            await db.SaveChangesAsync();
            await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(OfficerName, LanternServer.OrganisationA, "screening-officer", LanternServer.Password), CancellationToken.None);
            var (token, _) = await sp.GetRequiredService<AccessTokens>().CreateAsync(actor, OfficerName, "tests", 1, CancellationToken.None);
            return token;
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    private HttpClient Officer()
    {
        var client = new HttpClient { BaseAddress = new Uri(_server.Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _officerToken);
        return client;
    }

    [Fact]
    public async Task ScreenName_ThroughTheApi_ReturnsExplainedHitsAndRaisesAnAlert()
    {
        using var client = Officer();
        using var response = await client.PostAsJsonAsync(Uri("/api/v1/name-screening/names"), new { name = "Zubair Qureshi", birthDate = "1984-03-07" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var hit = Assert.Single(body.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal("S-1", hit.GetProperty("entryExternalId").GetString());
        Assert.Contains("birth_date agrees", hit.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("open", hit.GetProperty("alertStatus").GetString());
        var alert = hit.GetProperty("alertId").GetGuid();
        using var get = await client.GetAsync(Uri($"/api/v1/name-screening/alerts/{alert}"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task DismissAlert_WithoutReason_IsProblemJsonNamingReason()
    {
        using var client = _server.Client(InvestigatorA);
        var screened = await (await client.PostAsJsonAsync(Uri("/api/v1/name-screening/names"), new { name = "Tariq Mehmood Butt", birthDate = "1979" })).Content.ReadFromJsonAsync<ScreeningResult>(Json.Options);
        var alert = Assert.Single(screened!.Hits).AlertId!.Value;

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/name-screening/alerts/{alert}/dismiss"), new { reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("reason", problem.RootElement.GetProperty("field").GetString());
        using var dismissed = await client.PostAsJsonAsync(Uri($"/api/v1/name-screening/alerts/{alert}/dismiss"), new { reason = "Different father's name and CNIC." });
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
    }

    [Fact]
    public async Task SubmitBatch_Csv_ProgressesToDoneAndResultsDownloadNeutralised()
    {
        using var client = Officer();
        var csv = "id,name,birth_date\nP-1,Zubair Qureshi,1984\nP-2,Sana Iqbal,\n=HYPERLINK(1),Tariq Mehmood Butt,\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var submitted = await client.PostAsync(Uri("/api/v1/name-screening/batches?fileName=manifest.csv"), content);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var batch = (await submitted.Content.ReadFromJsonAsync<ScreeningBatchView>(Json.Options))!;
        Assert.Equal(3, batch.Total);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (batch.Status is "queued" or "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            batch = (await client.GetFromJsonAsync<ScreeningBatchView>(Uri($"/api/v1/name-screening/batches/{batch.Id}"), Json.Options))!;
        }

        Assert.Equal("done", batch.Status);
        Assert.Equal(3, batch.Done);
        Assert.Equal(2, batch.Hits);
        var results = await client.GetStringAsync(Uri($"/api/v1/name-screening/batches/{batch.Id}/results.csv"));
        var lines = results.Trim().Split('\n');
        Assert.Equal("input_id,list,list_entry,score,explanation", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("P-1,Suspected traffickers (test),S-1,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'=HYPERLINK(1),", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("P-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitBatch_BadLine_NamesLineAndField()
    {
        using var response = await _server.PostJsonAsync(InvestigatorA, "/api/v1/name-screening/batches", """[{"id":"a","name":"Ali Raza"},{"id":"b","name":""}]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("rows[1].name", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Personas_WhoMayScreenWhat_GetExactlyTheirAnswers()
    {
        async Task<(HttpStatusCode Status, int Hits)> Screen(HttpClient client)
        {
            using var response = await client.PostAsJsonAsync(Uri("/api/v1/name-screening/names"), new { name = "Zubair Qureshi" });
            return (response.StatusCode, response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<ScreeningResult>(Json.Options))!.Hits.Count : -1);
        }

        using var investigatorA = _server.Client(InvestigatorA);
        using var caseworkerB = _server.Client(CaseworkerB);
        using var analyst = _server.Client(AnalystA);
        using var auditor = _server.Client(AuditorA);
        using var anonymous = _server.Client(Anonymous);
        using var officer = Officer();

        Assert.Equal((HttpStatusCode.OK, 1), await Screen(investigatorA));
        Assert.Equal((HttpStatusCode.OK, 0), await Screen(caseworkerB)); // organisation B may not screen A's list
        Assert.Equal(HttpStatusCode.Forbidden, (await Screen(analyst)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Screen(auditor)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Screen(anonymous)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Screen(officer)).Status);
        using var cases = await officer.GetAsync(Uri("/api/v1/cases"));
        Assert.Equal(HttpStatusCode.Forbidden, cases.StatusCode);
        using var casePage = await officer.GetAsync(Uri("/cases"));
        Assert.NotEqual(HttpStatusCode.OK, casePage.StatusCode);
        using var analystAlerts = await analyst.GetAsync(Uri("/api/v1/name-screening/alerts"));
        Assert.Equal(HttpStatusCode.Forbidden, analystAlerts.StatusCode);
        using var officerProfiles = await officer.PostAsJsonAsync(Uri("/api/v1/name-screening/profiles"), new { name = "Border", use = "border", threshold = 0.8 });
        Assert.Equal(HttpStatusCode.Forbidden, officerProfiles.StatusCode);
    }

    [Fact]
    public async Task Cli_NameThenDismissWithoutReason_ScreensAndFailsOnOneLine()
    {
        var screened = await Infrastructure.Cli.RunAsync(_server.Database, null, "name-screening", "name", "Zubair Qureshi", "--as", LanternServer.Username(InvestigatorA));
        Assert.True(screened.ExitCode == 0, screened.Stderr);
        Assert.Contains("Suspected traffickers (test)", screened.Stdout, StringComparison.Ordinal);
        var alert = screened.Stdout.Trim().Split('\n')[0].Split('\t')[3];

        var dismissed = await Infrastructure.Cli.RunAsync(_server.Database, null, "alerts", "dismiss", alert, "--as", LanternServer.Username(InvestigatorA));

        Assert.Equal(2, dismissed.ExitCode);
        Assert.StartsWith("error: reason:", dismissed.Stderr.Trim(), StringComparison.Ordinal);
        var shown = await Infrastructure.Cli.RunAsync(_server.Database, null, "alerts", "show", alert);
        Assert.Contains("open", shown.Stdout, StringComparison.Ordinal);
    }
}
