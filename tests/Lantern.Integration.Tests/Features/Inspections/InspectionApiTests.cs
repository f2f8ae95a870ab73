using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Inspections;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Inspections;

/// <summary>
/// Labour inspections through the API and the CLI: two labour inspectors of organisation A (Faisalabad and Kasur),
/// the standard personas besides. A labour inspector sees the inspections of their district and the cases opened from
/// them, not other cases; other organisations see nothing; denied looks like not found.
/// </summary>
public sealed class InspectionApiTests : IAsyncLifetime
{
    private static readonly int[] ChildAges = [9, 12, 14];

    private LanternServer _server = null!;
    private string _fsdToken = "";
    private string _kasurToken = "";

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        _fsdToken = await InspectorAsync("test.inspector.fsd", "Faisalabad");
        _kasurToken = await InspectorAsync("test.inspector.ksr", "Kasur");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<string> InspectorAsync(string username, string district) => _server.AsOperatorAsync(async (sp, actor) =>
    {
        await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(username, LanternServer.OrganisationA, "labour-inspector", LanternServer.Password), CancellationToken.None);
        await sp.GetRequiredService<SetUserDistricts.Handler>().Handle(actor, username, [district], CancellationToken.None);
        return (await sp.GetRequiredService<AccessTokens>().CreateAsync(actor, username, "tests", 1, CancellationToken.None)).Token;
    });

    private HttpClient With(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(_server.Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Uri U(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(Guid Workplace, Guid Inspection)> KilnWithInspectionAsync(HttpClient client, string district)
    {
        var workplace = (await JsonOf(await client.PostAsJsonAsync(U("/api/v1/workplaces"),
            new { kind = "brick-kiln", name = "Kiln in " + district, province = "Punjab", district, ownerName = "Muhammad Aslam" }))).GetProperty("id").GetGuid();
        var inspection = (await JsonOf(await client.PostAsJsonAsync(U("/api/v1/inspections"), new
        {
            workplaceId = workplace,
            inspectedOn = "2026-11-20",
            men = 10,
            women = 5,
            boys = 2,
            girls = 1,
            childAges = ChildAges,
            indicators = new[] { new { indicator = "debt-bondage", note = "Peshgi owed by every family." } },
            peshgiAmount = 300000,
            workersReleased = 6,
            releaseOrderReference = "DC/BLSA/7",
            vigilanceCommitteeReferral = true,
            followUpDue = "2026-12-20",
        }))).GetProperty("id").GetGuid();
        return (workplace, inspection);
    }

    [Fact]
    public async Task Personas_LabourInspectorSeesTheirDistrictAndItsCasesOnly_OthersSeeNothing()
    {
        using var fsd = With(_fsdToken);
        using var kasur = With(_kasurToken);
        var (workplace, inspection) = await KilnWithInspectionAsync(fsd, "Faisalabad");
        var opened = await JsonOf(await fsd.PostAsJsonAsync(U($"/api/v1/inspections/{inspection}/case"),
            new { persons = new[] { new { prs_FirstName = "Rafiq", prs_SecondName = "Masih", prs_Gender = "Masculine" } } }));
        var caseId = opened.GetProperty("caseId").GetGuid();

        // The Faisalabad inspector: the inspection, the case opened from it; not case A of their own organisation.
        Assert.Equal(HttpStatusCode.OK, (await fsd.GetAsync(U($"/api/v1/inspections/{inspection}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fsd.GetAsync(U($"/api/v1/cases/{caseId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fsd.GetAsync(U($"/api/v1/cases/{await CaseAAsync()}"))).StatusCode);

        // The Kasur inspector of the same organisation, and other organisations: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await kasur.GetAsync(U($"/api/v1/inspections/{inspection}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kasur.GetAsync(U($"/api/v1/workplaces/{workplace}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kasur.GetAsync(U($"/api/v1/cases/{caseId}"))).StatusCode);
        Assert.Equal(0, (await JsonOf(await kasur.GetAsync(U("/api/v1/inspections")))).GetArrayLength());
        using var caseworkerB = _server.Client(Persona.CaseworkerB);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworkerB.GetAsync(U($"/api/v1/inspections/{inspection}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caseworkerB.GetAsync(U($"/api/v1/cases/{caseId}"))).StatusCode);
        using var administratorA = _server.Client(Persona.AdministratorA);
        Assert.Equal(HttpStatusCode.OK, (await administratorA.GetAsync(U($"/api/v1/inspections/{inspection}"))).StatusCode);
        using var analystA = _server.Client(Persona.AnalystA);
        Assert.Equal(HttpStatusCode.Forbidden, (await analystA.GetAsync(U("/api/v1/workplaces"))).StatusCode);
        var stats = await JsonOf(await analystA.GetAsync(U("/api/v1/inspections/statistics?by=district")));
        Assert.True(stats.GetProperty("suppressed").GetBoolean());
        using var anonymous = _server.Client(Persona.Anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(U("/api/v1/inspections"))).StatusCode);
    }

    [Fact]
    public async Task RecordInspection_ChildrenMoreThanWorkers_ProblemNamesTheField()
    {
        using var fsd = With(_fsdToken);
        var (workplace, _) = await KilnWithInspectionAsync(fsd, "Faisalabad");
        using var response = await fsd.PostAsJsonAsync(U("/api/v1/inspections"), new { workplaceId = workplace, inspectedOn = "2026-11-21", workersFound = 3, childrenFound = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("childrenFound", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_StatsAndFollowUps_AsTheInspector_PrintTheirDistrict()
    {
        using var fsd = With(_fsdToken);
        await KilnWithInspectionAsync(fsd, "Faisalabad");
        var stats = await Infrastructure.Cli.RunAsync(_server.Database, null, "inspections", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--by", "district", "--as", "test.inspector.fsd");
        Assert.Equal(0, stats.ExitCode);
        Assert.Contains("Faisalabad,1,1,6,0", stats.Stdout, StringComparison.Ordinal);
        var kasurStats = await Infrastructure.Cli.RunAsync(_server.Database, null, "inspections", "stats", "--as", "test.inspector.ksr");
        Assert.DoesNotContain("Faisalabad", kasurStats.Stdout, StringComparison.Ordinal);
        var bad = await Infrastructure.Cli.RunAsync(_server.Database, null, "inspections", "stats", "--by", "colour");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("error: by:", bad.Stderr, StringComparison.Ordinal);
    }

    private async Task<Guid> CaseAAsync() => await _server.ImportAsync(CaseDocuments.Victim("INSP-A-" + Guid.NewGuid().ToString("N")[..6]));
}
