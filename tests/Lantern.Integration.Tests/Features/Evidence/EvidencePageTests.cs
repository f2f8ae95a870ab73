using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Lantern.Integration.Tests.Infrastructure;
using static Lantern.Integration.Tests.Features.Evidence.EvidencePersona;

namespace Lantern.Integration.Tests.Features.Evidence;

/// <summary>The evidence and intelligence pages: who may open them, and an intake through the page's multipart form.</summary>
public abstract partial class EvidencePageTests(ServerFixture fixture)
{
    private static readonly EvidencePersona[] Personas = [InvestigatorA, ProsecutorA, CaseworkerA, AnalystA, InvestigatorB, CaseworkerB, AdministratorA, Anonymous];

    public static TheoryData<EvidencePersona, string, string> PageMatrix()
    {
        var table = new (string Page, string[] Expected)[]
        {
            ("/cases/{case}/evidence", ["200", "200", "/forbidden", "/forbidden", "/not-found", "/forbidden", "200", "/login"]),
            ("/evidence/{item}", ["200", "200", "/forbidden", "/forbidden", "/not-found", "/forbidden", "200", "/login"]),
            ("/evidence/{item}?handler=preview", ["200", "200", "/forbidden", "/forbidden", "/not-found", "/forbidden", "200", "/login"]),
            ("/cases/{case}/intelligence", ["200", "200", "/forbidden", "/forbidden", "/not-found", "/forbidden", "200", "/login"]),
        };
        var data = new TheoryData<EvidencePersona, string, string>();
        foreach (var (page, expected) in table)
        {
            for (var i = 0; i < Personas.Length; i++)
            {
                data.Add(Personas[i], page, expected[i]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task Page_ForPersona_IsShownOnlyWhenAllowed(EvidencePersona persona, string page, string expected)
    {
        var (caseId, itemId, client) = await SetupAsync(persona);
        using (client)
        {
            var path = page.Replace("{case}", caseId.ToString(), StringComparison.Ordinal).Replace("{item}", itemId.ToString(), StringComparison.Ordinal);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var outcome = response.StatusCode == HttpStatusCode.OK ? "200" : response.Headers.Location?.OriginalString.Split('?')[0] ?? ((int)response.StatusCode).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(expected == outcome, $"{persona} {page}: expected {expected}, got {outcome}");
        }
    }

    [Fact]
    public async Task Register_UploadThroughThePageForm_SealsTheExhibitAndShowsItsHash()
    {
        var caseId = await EvidenceScenario.CaseOfAAsync(fixture.Server);
        var (client, handler) = PageClient(Persona.InvestigatorA);
        using (handler)
        using (client)
        {
            var page = await client.GetStringAsync(new Uri($"/cases/{caseId}/evidence", UriKind.Relative));
            Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
                { new StringContent("Kiln gate"), "title" },
                { new ByteArrayContent(EvidenceSamples.JpegWithGps()), "file", "kiln.jpg" },
            };
            using var posted = await client.PostAsync(new Uri($"/cases/{caseId}/evidence", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var detail = await client.GetStringAsync(posted.Headers.Location);
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(EvidenceSamples.JpegWithGps()));

            Assert.Contains(hash, detail, StringComparison.Ordinal);
            Assert.Contains("Chain of custody", detail, StringComparison.Ordinal);
            Assert.Contains("?handler=preview", detail, StringComparison.Ordinal);
        }
    }

    private async Task<(Guid CaseId, Guid ItemId, HttpClient Client)> SetupAsync(EvidencePersona persona)
    {
        var server = fixture.Server;
        var (caseId, itemId) = await EvidencePersonaMatrixTests.SetupAsync(server);
        using var api = await EvidenceScenario.ClientAsync(server, persona);
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        return (caseId, itemId, client);
    }

    private (HttpClient Client, HttpClientHandler Handler) PageClient(Persona persona)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var api = fixture.Server.Client(persona);
        var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.DefaultRequestHeaders.Authorization!.Parameter);
        return (client, handler);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

[Collection(SqliteServerGroup.Name)]
public sealed class EvidencePageSqliteTests(SqliteServerFixture fixture) : EvidencePageTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class EvidencePagePostgresTests(PostgresServerFixture fixture) : EvidencePageTests(fixture);
