using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.Duplicates;

/// <summary>
/// The duplicates queue through its front doors (HTTP API, pages, CLI) on a server of its own: who may see it, what
/// another organisation's record shows (whom to contact, nothing else), and merge and undo.
/// </summary>
public sealed class DuplicatesApiTests : IAsyncLifetime
{
    private const int Ok = 200, BadRequest = 400, Unauthorized = 401, Forbidden = 403, NotFound = 404, Conflict = 409;
    private static readonly Persona[] Personas = [InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous, ProsecutorA, InvestigatorB];

    private LanternServer _server = null!;
    private DuplicateScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        _scenario = await DuplicateScenario.CreateAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    public static TheoryData<string, int[]> Matrix() => new()
    {
        // expected for: InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous, ProsecutorA, InvestigatorB
        { "list the queue", [Ok, Forbidden, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized, Ok, Ok] },
        { "read the cross-organisation pair", [Ok, Forbidden, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized, Ok, Ok] },
        { "read a pair of organisation B", [NotFound, Forbidden, Forbidden, Forbidden, NotFound, Unauthorized, Unauthorized, NotFound, Ok] },
        { "confirm the cross-organisation pair", [Conflict, Forbidden, Forbidden, Forbidden, Conflict, Unauthorized, Unauthorized, Forbidden, Conflict] },
        { "reject a pair of organisation B without a reason", [NotFound, Forbidden, Forbidden, Forbidden, NotFound, Unauthorized, Unauthorized, Forbidden, BadRequest] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_ForEveryPersona_GetsExactlyTheExpectedStatus(string operation, int[] expected)
    {
        for (var i = 0; i < Personas.Length; i++)
        {
            using var client = _server.Client(Personas[i]);
            using var response = operation switch
            {
                "list the queue" => await client.GetAsync(Uri("/api/v1/duplicates")),
                "read the cross-organisation pair" => await client.GetAsync(Uri($"/api/v1/duplicates/{_scenario.CrossPair}")),
                "read a pair of organisation B" => await client.GetAsync(Uri($"/api/v1/duplicates/{_scenario.PairInB}")),
                "confirm the cross-organisation pair" => await client.PostAsJsonAsync(Uri($"/api/v1/duplicates/{_scenario.CrossPair}/confirm"), new { reason = (string?)null }),
                "reject a pair of organisation B without a reason" => await client.PostAsJsonAsync(Uri($"/api/v1/duplicates/{_scenario.PairInB}/reject"), new { reason = "" }),
                _ => throw new ArgumentException(operation, nameof(operation)),
            };
            Assert.True(expected[i] == (int)response.StatusCode, $"{Personas[i]} / {operation}: expected {expected[i]}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData(InvestigatorA, "200")]
    [InlineData(ProsecutorA, "200")]
    [InlineData(AdministratorA, "200")]
    [InlineData(CaseworkerB, "/forbidden")]
    [InlineData(AnalystA, "/forbidden")]
    [InlineData(AuditorA, "/forbidden")]
    [InlineData(DisabledA, "/login")]
    [InlineData(Anonymous, "/login")]
    public async Task QueuePage_ForPersona_IsShownOnlyToReviewers(Persona persona, string expected)
    {
        using var client = _server.Client(persona);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var raw = new HttpClient(handler) { BaseAddress = client.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;

        using var response = await raw.GetAsync(Uri("/duplicates"));

        var outcome = response.StatusCode == HttpStatusCode.OK ? "200" : response.Headers.Location?.OriginalString.Split('?')[0] ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, outcome);
    }

    /// <summary>What organisation A holds of Muhammad Aslam, which organisation B's reviewer must never see.</summary>
    private string[] SecretsOfA() => ["Muhammad", DuplicateScenario.AslamCnic, DocumentNumber.Normalise(DuplicateScenario.AslamCnic), DuplicateScenario.AslamPhone, "3001234567", DuplicateScenario.AslamCase, _scenario.AslamPersonId.ToString()];

    private void AssertNothingOfA(string output, string where)
    {
        foreach (var secret in SecretsOfA())
        {
            Assert.False(output.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} shows '{secret}' of organisation A's record:\n{output}");
        }
    }

    [Fact]
    public async Task CrossOrganisationHit_EveryFrontDoor_NamesWhomToContactAndNothingOfTheOtherRecord()
    {
        using var client = _server.Client(InvestigatorB);

        var listJson = await client.GetStringAsync(Uri("/api/v1/duplicates?status=all"));
        var pairJson = await client.GetStringAsync(Uri($"/api/v1/duplicates/{_scenario.CrossPair}"));
        var queueHtml = await client.GetStringAsync(Uri("/duplicates?status=all"));
        var pairHtml = await client.GetStringAsync(Uri($"/duplicates/{_scenario.CrossPair}"));
        var cliList = await Infrastructure.Cli.RunAsync(_server.Database, null, "duplicates", "list", "--status", "all", "--as", LanternServer.Username(InvestigatorB));
        var cliShow = await Infrastructure.Cli.RunAsync(_server.Database, null, "duplicates", "show", _scenario.CrossPair.ToString(), "--as", LanternServer.Username(InvestigatorB));

        using var pair = JsonDocument.Parse(pairJson);
        Assert.True(pair.RootElement.GetProperty("restricted").GetBoolean());
        Assert.Equal(LanternServer.OrganisationA, pair.RootElement.GetProperty("heldBy").GetString());
        Assert.Equal("Mohd Aslam", pair.RootElement.GetProperty("known").GetProperty("name").GetString());
        Assert.False(pair.RootElement.TryGetProperty("probability", out _));
        Assert.False(pair.RootElement.TryGetProperty("explanation", out _));
        Assert.Equal(0, cliList.ExitCode);
        Assert.Equal(0, cliShow.ExitCode);
        foreach (var (output, where) in new[] { (listJson, "API list"), (pairJson, "API pair"), (queueHtml, "queue page"), (pairHtml, "pair page"), (cliList.Stdout + cliList.Stderr, "CLI list"), (cliShow.Stdout + cliShow.Stderr, "CLI show") })
        {
            Assert.Contains($"contact {LanternServer.OrganisationA}", output, StringComparison.Ordinal);
            AssertNothingOfA(output, where);
        }
        Assert.DoesNotContain("cnic", pairHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cnic", cliShow.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SharedCase_ReviewerOfOtherOrganisation_SeesTheWholePairWithItsExplanation()
    {
        var caseA = await _server.AsOperatorAsync(async (sp, actor) =>
            (await sp.GetRequiredService<SearchCases.Handler>().Handle(actor, new SearchCases.Request(Query: DuplicateScenario.AslamCase), CancellationToken.None)).Items.Single().Id);
        await _server.AsOperatorAsync(async (sp, actor) =>
        {
            await sp.GetRequiredService<ShareCase.Handler>().ShareAsync(actor, new CaseId(caseA), new ShareCase.Request(LanternServer.OrganisationB), CancellationToken.None);
            return 0;
        });
        using var client = _server.Client(InvestigatorB);

        var pair = await client.GetFromJsonAsync<JsonElement>(Uri($"/api/v1/duplicates/{_scenario.CrossPair}"));

        Assert.False(pair.GetProperty("restricted").GetBoolean());
        Assert.True(pair.GetProperty("probability").GetDouble() >= 0.5);
        var fields = pair.GetProperty("explanation").GetProperty("fields").EnumerateArray().ToList();
        Assert.Contains(fields, f => f.GetProperty("field").GetString() == "cnic" && f.GetProperty("level").GetString() == "one typing slip");
        Assert.Contains(fields, f => f.TryGetProperty("termFrequencyAdjustment", out var tf) && tf.GetDouble() != 0);
    }

    private static async Task<int> SameAsLinksAsync(HttpClient client, Guid person)
    {
        var view = await client.GetFromJsonAsync<JsonElement>(Uri($"/api/v1/network/neighbourhood?entity=person:{person}&hops=1"));
        return view.GetProperty("links").EnumerateArray().Count(l => l.GetProperty("relation").GetString() == "same-as");
    }

    [Fact]
    public async Task ConfirmThenUndo_ThroughTheApi_JoinsAndSeparatesTheIdentityAndIsAudited()
    {
        using var client = _server.Client(InvestigatorA);

        using var confirmed = await client.PostAsJsonAsync(Uri($"/api/v1/duplicates/{_scenario.PairInA}/confirm"), new { reason = "Same CNIC and phone." });
        var merged = await client.GetFromJsonAsync<JsonElement>(Uri($"/api/v1/persons/{_scenario.MasihPersonId}/identity"));
        var networkMerged = await SameAsLinksAsync(client, _scenario.MasihPersonId);
        using var noReason = await client.PostAsJsonAsync(Uri($"/api/v1/duplicates/{_scenario.PairInA}/undo"), new { reason = " " });
        using var undone = await client.PostAsJsonAsync(Uri($"/api/v1/duplicates/{_scenario.PairInA}/undo"), new { reason = "Father's names differ." });
        var separate = await client.GetFromJsonAsync<JsonElement>(Uri($"/api/v1/persons/{_scenario.MasihPersonId}/identity"));
        var networkSeparate = await SameAsLinksAsync(client, _scenario.MasihPersonId);
        using var again = await client.PostAsJsonAsync(Uri($"/api/v1/duplicates/{_scenario.PairInA}/confirm"), new { reason = (string?)null });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(2, merged.GetProperty("records").GetArrayLength());
        Assert.All(merged.GetProperty("records").EnumerateArray(), r => Assert.Equal(LanternServer.OrganisationA, r.GetProperty("heldBy").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType?.MediaType);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Equal("Undone", (await undone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.False(separate.TryGetProperty("identityId", out _));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, networkMerged); // the confirmed identity is one same-as link in the network
        Assert.Equal(0, networkSeparate);
        var auditor = new Lantern.Core.Security.Actor(UserId.New(), "auditor", new OrganisationId(_server.OrganisationAId), Lantern.Core.Security.Role.Auditor, "test");
        var actions = await _server.AsOperatorAsync(async (sp, _) =>
            (await sp.GetRequiredService<Lantern.Core.Auditing.SearchAudit.Handler>().Handle(auditor, new Lantern.Core.Auditing.SearchAudit.Request(EntityId: _scenario.PairInA.ToString()), CancellationToken.None)).Items.Select(e => e.Action).ToList());
        Assert.Contains("duplicate.confirm", actions);
        Assert.Contains("duplicate.undo", actions);
    }

    [Fact]
    public async Task Cli_LinkDatabaseThenDecide_RunsWithProgressAndOneLineErrors()
    {
        var link = await Infrastructure.Cli.RunAsync(_server.Database, null, "link");
        var list = await Infrastructure.Cli.RunAsync(_server.Database, null, "duplicates", "list");
        var show = await Infrastructure.Cli.RunAsync(_server.Database, null, "duplicates", "show", _scenario.PairInB.ToString());
        var reject = await Infrastructure.Cli.RunAsync(_server.Database, null, "duplicates", "reject", _scenario.PairInB.ToString());
        var rejected = await Infrastructure.Cli.RunAsync(_server.Database, null, "duplicates", "reject", _scenario.PairInB.ToString(), "--reason", "Different mothers.");
        var relink = await Infrastructure.Cli.RunAsync(_server.Database, null, "link");
        var open = await Infrastructure.Cli.RunAsync(_server.Database, null, "duplicates", "list");

        Assert.True(link.ExitCode == 0, link.Stderr);
        Assert.Contains("link: ", link.Stderr, StringComparison.Ordinal);
        Assert.Contains("possible duplicates", link.Stdout, StringComparison.Ordinal);
        Assert.Contains(_scenario.PairInB.ToString(), list.Stdout, StringComparison.Ordinal);
        Assert.Contains("Nargis Akhtar", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("birth_date\texact", show.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, reject.ExitCode);
        Assert.Equal("", reject.Stdout);
        Assert.StartsWith("error: reason:", reject.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(reject.Stderr.Trim().Split('\n'));
        Assert.Equal(0, rejected.ExitCode);
        Assert.Contains("rejected", rejected.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 already decided", relink.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_scenario.PairInB.ToString(), open.Stdout, StringComparison.Ordinal);
    }
}
