using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantern.Core.Features.Evidence;
using Lantern.Core.Features.Intelligence;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Evidence;

/// <summary>The evidence register and intelligence items through HTTP: multipart intake, sealed downloads, tampering, custody.</summary>
public abstract class EvidenceApiTests(ServerFixture fixture)
{
    private LanternServer Server => fixture.Server;

    [Fact]
    public async Task Upload_PhotoWithGps_IsSealed_DownloadIsTheOriginal_PreviewHasNoGps()
    {
        var caseId = await EvidenceScenario.CaseOfAAsync(Server);
        using var client = Server.Client(Persona.InvestigatorA);
        var photo = EvidenceSamples.JpegWithGps();

        using var created = await EvidenceScenario.UploadAsync(client, caseId, photo, "kiln gate.jpg");
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var item = (await created.Content.ReadFromJsonAsync<EvidenceItemView>(Json.Options))!;
        using var original = await client.GetAsync(new Uri($"/api/v1/evidence/{item.Id}/content", UriKind.Relative));
        using var preview = await client.GetAsync(new Uri($"/api/v1/evidence/{item.Id}/preview", UriKind.Relative));
        var register = await client.GetFromJsonAsync<EvidenceRegister>(new Uri($"/api/v1/cases/{caseId}/evidence", UriKind.Relative), Json.Options);

        Assert.Equal("E-1", item.Label);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)), item.Sha256);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(photo, await original.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", original.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("sha-256=:", original.Headers.GetValues("Repr-Digest").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.False(EvidenceSamples.Contains(await preview.Content.ReadAsByteArrayAsync(), EvidenceSamples.GpsMarker));
        var line = Assert.Single(register!.Items);
        Assert.True(line.IntegrityIntact);
        Assert.StartsWith(LanternServer.Username(Persona.InvestigatorA), line.CurrentHolder, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("renamed executable")]
    [InlineData("zip bomb")]
    [InlineData("oversize")]
    public async Task Upload_RefusedFile_Is400ProblemNamingTheFileField_AndNothingIsRecorded(string what)
    {
        var caseId = await EvidenceScenario.CaseOfAAsync(Server);
        using var client = Server.Client(Persona.InvestigatorA);
        var (content, name) = what switch
        {
            "renamed executable" => (EvidenceSamples.WindowsProgram(), "statement.pdf"),
            "zip bomb" => (EvidenceSamples.ZipBomb(), "contract.docx"),
            _ => (Oversize(), "long-recording.pdf"),
        };

        using var response = await EvidenceScenario.UploadAsync(client, caseId, content, name);
        var register = await client.GetFromJsonAsync<EvidenceRegister>(new Uri($"/api/v1/cases/{caseId}/evidence", UriKind.Relative), Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("file", problem.RootElement.GetProperty("field").GetString());
        Assert.Empty(register!.Items);
    }

    private static byte[] Oversize()
    {
        var content = new byte[50 * 1024 * 1024 + 1];
        EvidenceSamples.Pdf().CopyTo(content, 0);
        return content;
    }

    [Fact]
    public async Task Download_AfterTheStoredContentWasAltered_Is409_AuditedAndShownOnTheExhibit()
    {
        var caseId = await EvidenceScenario.CaseOfAAsync(Server);
        using var client = Server.Client(Persona.InvestigatorA);
        using var created = await EvidenceScenario.UploadAsync(client, caseId, EvidenceSamples.Pdf(), "fir.pdf", "FIR 112/2026");
        var item = (await created.Content.ReadFromJsonAsync<EvidenceItemView>(Json.Options))!;
        await EvidenceScenario.TamperAsync(Server, item.Id);

        using var download = await client.GetAsync(new Uri($"/api/v1/evidence/{item.Id}/content", UriKind.Relative));
        using var verify = await client.PostAsync(new Uri($"/api/v1/evidence/{item.Id}/verify", UriKind.Relative), null);
        var view = await client.GetFromJsonAsync<EvidenceItemView>(new Uri($"/api/v1/evidence/{item.Id}", UriKind.Relative), Json.Options);

        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
        Assert.Equal("application/problem+json", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Integrity failure", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await verify.Content.ReadFromJsonAsync<IntegrityResult>(Json.Options))!.Intact);
        Assert.False(view!.IntegrityIntact);
        Assert.True(await EvidenceScenario.AuditedAsync(Server, "evidence.integrity-failure", item.Id));
    }

    [Fact]
    public async Task Custody_TransferToTheProsecutor_IsAppendedAfterTheIntake()
    {
        var caseId = await EvidenceScenario.CaseOfAAsync(Server);
        using var client = Server.Client(Persona.InvestigatorA);
        using var created = await EvidenceScenario.UploadAsync(client, caseId, EvidenceSamples.Pdf(), "fir.pdf", "FIR 112/2026");
        var item = (await created.Content.ReadFromJsonAsync<EvidenceItemView>(Json.Options))!;

        using var response = await client.PostAsJsonAsync(new Uri($"/api/v1/evidence/{item.Id}/custody", UriKind.Relative),
            new { toName = "Bilal Ahmed", toRole = "prosecutor", toOrganisation = "Prosecution Lahore", reason = "For the challan", condition = "Seal intact", sealNumber = "S-22" });
        var view = (await response.Content.ReadFromJsonAsync<EvidenceItemView>(Json.Options))!;
        using var bad = await client.PostAsJsonAsync(new Uri($"/api/v1/evidence/{item.Id}/custody", UriKind.Relative), new { toName = "Bilal Ahmed" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1, 2], view.Custody.Select(c => c.Sequence));
        Assert.Equal("For the challan", view.Custody[1].Reason);
        Assert.StartsWith("Bilal Ahmed (prosecutor, Prosecution Lahore)", view.CurrentHolder, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"reason\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intelligence_AddedAndListed_CarriesItsGradingAndMeanings()
    {
        var caseId = await EvidenceScenario.CaseOfAAsync(Server);
        using var client = Server.Client(Persona.InvestigatorA);

        using var created = await client.PostAsJsonAsync(new Uri($"/api/v1/cases/{caseId}/intelligence", UriKind.Relative),
            new { text = "The agent meets recruits at the Daewoo terminal on Fridays.", sourceReliability = "B", informationAccuracy = "2", handlingCode = "H1" });
        var list = await client.GetFromJsonAsync<IntelligenceList>(new Uri($"/api/v1/cases/{caseId}/intelligence", UriKind.Relative), Json.Options);
        using var bad = await client.PostAsJsonAsync(new Uri($"/api/v1/cases/{caseId}/intelligence", UriKind.Relative),
            new { text = "x", sourceReliability = "E", informationAccuracy = "2", handlingCode = "H1" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = Assert.Single(list!.Items);
        Assert.Equal("B2 · H1", item.Grading);
        Assert.Contains("court", item.HandlingMeaning, StringComparison.Ordinal);
        Assert.False(item.MayLeaveOrganisation);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("sourceReliability", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class EvidenceApiSqliteTests(SqliteServerFixture fixture) : EvidenceApiTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class EvidenceApiPostgresTests(PostgresServerFixture fixture) : EvidenceApiTests(fixture);
