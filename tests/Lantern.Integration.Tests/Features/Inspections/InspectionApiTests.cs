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
    private static readonly string[] KasurFaisalabadKasur = ["Kasur", "Faisalabad", "Kasur"];
    private static readonly string[] KasurAndBlank = ["Kasur", " "];
    private static readonly string[] Lahore = ["Lahore"];

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

    [Fact]
    public async Task ChangeWorkplace_InTheirDistrict_SavedAndAudited_OutsideItRefusedOrNotFound()
    {
        using var fsd = With(_fsdToken);
        using var kasur = With(_kasurToken);
        var (workplace, _) = await KilnWithInspectionAsync(fsd, "Faisalabad");
        var body = new { kind = "brick-kiln", name = "Al-Madina Kiln", province = "Punjab", district = "Faisalabad", ownerName = "Muhammad Aslam", operatorName = "Rana Tariq", status = "sealed" };

        var changed = await JsonOf(await fsd.PutAsJsonAsync(U($"/api/v1/workplaces/{workplace}"), body));
        Assert.Equal(["name", "operatorName", "status"], changed.GetProperty("changed").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var view = await JsonOf(await fsd.GetAsync(U($"/api/v1/workplaces/{workplace}")));
        Assert.Equal("Al-Madina Kiln", view.GetProperty("name").GetString());
        Assert.Equal("sealed", view.GetProperty("status").GetString());
        Assert.Equal("Rana Tariq", view.GetProperty("operatorName").GetString());
        Assert.Single(view.GetProperty("history").EnumerateArray());

        // Moving it into a district the inspector is not assigned to names the field; another district's inspector does not find it.
        using var moved = await fsd.PutAsJsonAsync(U($"/api/v1/workplaces/{workplace}"), body with { district = "Lahore" });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("\"district\"", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await kasur.PutAsJsonAsync(U($"/api/v1/workplaces/{workplace}"), body)).StatusCode);
        using var analyst = _server.Client(Persona.AnalystA);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutAsJsonAsync(U($"/api/v1/workplaces/{workplace}"), body)).StatusCode);

        // The CLI changes only what it is given; the audit entry names fields, never the owner's or operator's name.
        var cli = await Infrastructure.Cli.RunAsync(_server.Database, null, "workplaces", "edit", workplace.ToString(), "--status", "operating", "--operator", "", "--as", "test.inspector.fsd");
        Assert.Equal(0, cli.ExitCode);
        Assert.Equal("operatorName\nstatus\n", cli.Stdout.ReplaceLineEndings("\n"));
        var bad = await Infrastructure.Cli.RunAsync(_server.Database, null, "workplaces", "edit", workplace.ToString(), "--latitude", "95", "--longitude", "73", "--as", "test.inspector.fsd");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("error: latitude:", bad.Stderr, StringComparison.Ordinal);
        var audit = (await _server.GetJsonAsync<JsonElement>(Persona.AuditorA, $"/api/v1/audit?action=workplace.update&entityId={workplace}")).GetRawText();
        Assert.Contains("operatorName", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("Rana Tariq", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserDistricts_SetByTheAdministratorThroughTheApi_WidenWhatTheInspectorSees()
    {
        var token = await InspectorAsync("test.inspector.two", "Kasur");
        using var fsd = With(_fsdToken);
        using var inspector = With(token);
        var (workplace, _) = await KilnWithInspectionAsync(fsd, "Faisalabad");
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync(U($"/api/v1/workplaces/{workplace}"))).StatusCode);

        using var administrator = _server.Client(Persona.AdministratorA);
        var set = await JsonOf(await administrator.PutAsJsonAsync(U("/api/v1/users/test.inspector.two/districts"), new { districts = KasurFaisalabadKasur }));
        Assert.Equal(["Faisalabad", "Kasur"], set.GetProperty("districts").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync(U($"/api/v1/workplaces/{workplace}"))).StatusCode);
        var read = await JsonOf(await administrator.GetAsync(U("/api/v1/users/test.inspector.two/districts")));
        Assert.Equal(2, read.GetProperty("districts").GetArrayLength());

        using var empty = await administrator.PutAsJsonAsync(U("/api/v1/users/test.inspector.two/districts"), new { districts = KasurAndBlank });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("districts[1]", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PutAsJsonAsync(U("/api/v1/users/test.inspector.two/districts"), new { districts = Lahore })).StatusCode);
        using var unknown = await administrator.PutAsJsonAsync(U("/api/v1/users/no.such.user/districts"), new { districts = Lahore });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(2, (await JsonOf(await administrator.GetAsync(U("/api/v1/users/test.inspector.two/districts")))).GetProperty("districts").GetArrayLength());
    }

    private async Task<Guid> CaseAAsync() => await _server.ImportAsync(CaseDocuments.Victim("INSP-A-" + Guid.NewGuid().ToString("N")[..6]));
}
