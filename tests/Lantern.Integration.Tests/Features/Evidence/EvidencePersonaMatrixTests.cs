using System.Net.Http.Json;
using Lantern.Core.Features.Evidence;
using Lantern.Integration.Tests.Infrastructure;
using static Lantern.Integration.Tests.Features.Evidence.EvidencePersona;

namespace Lantern.Integration.Tests.Features.Evidence;

/// <summary>Every persona against every evidence and intelligence operation on a case of organisation A.</summary>
public abstract class EvidencePersonaMatrixTests(ServerFixture fixture)
{
    private const int Ok = 200, Created = 201, Unauthorized = 401, Forbidden = 403, NotFound = 404;
    private static readonly EvidencePersona[] Personas = [InvestigatorA, ProsecutorA, CaseworkerA, AnalystA, InvestigatorB, CaseworkerB, AdministratorA, Anonymous];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, (Guid CaseId, Guid ItemId)> Setups = [];

    public static TheoryData<EvidencePersona, string, int> Matrix()
    {
        // operation -> expected for: InvestigatorA, ProsecutorA, CaseworkerA, AnalystA, InvestigatorB, CaseworkerB, AdministratorA, Anonymous
        var table = new (string Operation, int[] Expected)[]
        {
            ("list the evidence of case A", [Ok, Ok, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("upload to case A", [Created, Forbidden, Forbidden, Forbidden, NotFound, Forbidden, Created, Unauthorized]),
            ("read an exhibit of case A", [Ok, Ok, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("download an exhibit of case A", [Ok, Ok, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("preview an exhibit of case A", [Ok, Ok, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("transfer custody of an exhibit of case A", [Ok, Ok, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("verify an exhibit of case A", [Ok, Ok, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("list the intelligence of case A", [Ok, Ok, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("add intelligence to case A", [Created, Forbidden, Forbidden, Forbidden, NotFound, Forbidden, Created, Unauthorized]),
        };
        var data = new TheoryData<EvidencePersona, string, int>();
        foreach (var (operation, expected) in table)
        {
            for (var i = 0; i < Personas.Length; i++)
            {
                data.Add(Personas[i], operation, expected[i]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_ForPersona_GetsExactlyTheExpectedStatus(EvidencePersona persona, string operation, int expected)
    {
        var (caseId, itemId) = await SetupAsync(fixture.Server);
        using var client = await EvidenceScenario.ClientAsync(fixture.Server, persona);
        using var response = operation switch
        {
            "list the evidence of case A" => await client.GetAsync(Uri($"/api/v1/cases/{caseId}/evidence")),
            "upload to case A" => await EvidenceScenario.UploadAsync(client, caseId, EvidenceSamples.PngWithText(), "scene.png"),
            "read an exhibit of case A" => await client.GetAsync(Uri($"/api/v1/evidence/{itemId}")),
            "download an exhibit of case A" => await client.GetAsync(Uri($"/api/v1/evidence/{itemId}/content")),
            "preview an exhibit of case A" => await client.GetAsync(Uri($"/api/v1/evidence/{itemId}/preview")),
            "transfer custody of an exhibit of case A" => await client.PostAsJsonAsync(Uri($"/api/v1/evidence/{itemId}/custody"), new { toName = "Court Clerk", reason = "Matrix" }),
            "verify an exhibit of case A" => await client.PostAsync(Uri($"/api/v1/evidence/{itemId}/verify"), null),
            "list the intelligence of case A" => await client.GetAsync(Uri($"/api/v1/cases/{caseId}/intelligence")),
            "add intelligence to case A" => await client.PostAsJsonAsync(Uri($"/api/v1/cases/{caseId}/intelligence"), new { text = "Matrix.", sourceReliability = "X", informationAccuracy = "4", handlingCode = "H0" }),
            _ => throw new ArgumentException("Unknown operation " + operation, nameof(operation)),
        };
        Assert.True(expected == (int)response.StatusCode, $"{persona} / {operation}: expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>One case of organisation A with one photo, made once per server.</summary>
    internal static async Task<(Guid CaseId, Guid ItemId)> SetupAsync(LanternServer server)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Setups.TryGetValue(server.Address, out var setup))
            {
                var caseId = await EvidenceScenario.CaseOfAAsync(server);
                using var client = server.Client(Persona.InvestigatorA);
                using var created = await EvidenceScenario.UploadAsync(client, caseId, EvidenceSamples.JpegWithGps(), "kiln.jpg");
                var item = (await created.Content.ReadFromJsonAsync<EvidenceItemView>(Json.Options))!;
                setup = (caseId, item.Id);
                Setups[server.Address] = setup;
            }
            return setup;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static Uri Uri(string path) => new(path, UriKind.Relative);
}

[Collection(SqliteServerGroup.Name)]
public sealed class EvidencePersonaMatrixSqliteTests(SqliteServerFixture fixture) : EvidencePersonaMatrixTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class EvidencePersonaMatrixPostgresTests(PostgresServerFixture fixture) : EvidencePersonaMatrixTests(fixture);
