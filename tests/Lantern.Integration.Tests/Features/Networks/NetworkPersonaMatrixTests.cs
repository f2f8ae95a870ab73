using System.Net.Http.Json;
using Lantern.Integration.Tests.Infrastructure;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.Networks;

/// <summary>Every persona against every network operation around case A (of organisation A, shared with no one).</summary>
public abstract class NetworkPersonaMatrixTests(ServerFixture fixture)
{
    private const int Ok = 200, Created = 201, Unauthorized = 401, Forbidden = 403, NotFound = 404;
    private static readonly Persona[] Personas = [InvestigatorA, ProsecutorA, CaseworkerA, AnalystA, AuditorA, InvestigatorB, CaseworkerB, AdministratorA, Anonymous];

    public static TheoryData<Persona, string, int> Matrix()
    {
        // operation -> expected for: InvestigatorA, ProsecutorA, CaseworkerA, AnalystA, AuditorA, InvestigatorB, CaseworkerB, AdministratorA, Anonymous
        var table = new (string Operation, int[] Expected)[]
        {
            ("neighbourhood of case A", [Ok, Ok, Forbidden, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("path from case A to its victim", [Ok, Ok, Forbidden, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("brokers", [Ok, Ok, Forbidden, Forbidden, Forbidden, Ok, Forbidden, Ok, Unauthorized]),
            ("components", [Ok, Ok, Forbidden, Forbidden, Forbidden, Ok, Forbidden, Ok, Unauthorized]),
            ("export the network of case A", [Ok, Forbidden, Forbidden, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("list the relations of case A", [Ok, Ok, Forbidden, Forbidden, Forbidden, NotFound, Forbidden, Ok, Unauthorized]),
            ("record a relation on case A", [Created, Forbidden, Forbidden, Forbidden, Forbidden, NotFound, Forbidden, Created, Unauthorized]),
        };
        var data = new TheoryData<Persona, string, int>();
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
    public async Task Operation_ByPersona_AnswersAsTheMatrixSays(Persona persona, string operation, int expected)
    {
        var caseA = fixture.CaseA;
        using var client = fixture.Server.Client(persona);
        var entity = Uri.EscapeDataString("case:" + caseA);
        using var response = operation switch
        {
            "neighbourhood of case A" => await client.GetAsync(new Uri($"/api/v1/network/neighbourhood?entity={entity}", UriKind.Relative)),
            "path from case A to its victim" => await client.GetAsync(new Uri($"/api/v1/network/path?from={entity}&to={Uri.EscapeDataString("person:" + fixture.VictimA)}", UriKind.Relative)),
            "brokers" => await client.GetAsync(new Uri("/api/v1/network/brokers", UriKind.Relative)),
            "components" => await client.GetAsync(new Uri("/api/v1/network/components", UriKind.Relative)),
            "export the network of case A" => await client.GetAsync(new Uri($"/api/v1/network/export?format=edges.csv&entity={entity}", UriKind.Relative)),
            "list the relations of case A" => await client.GetAsync(new Uri($"/api/v1/cases/{caseA}/relations", UriKind.Relative)),
            "record a relation on case A" => await client.PostAsJsonAsync(new Uri($"/api/v1/cases/{caseA}/relations", UriKind.Relative),
                new { fromType = "person", fromValue = fixture.VictimA.ToString(), toType = "vehicle", toValue = "LEB-" + Random.Shared.Next(1000, 9999), relation = "other" }),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        Assert.True((int)response.StatusCode == expected, $"{persona} / {operation}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class NetworkPersonaMatrixSqliteTests(SqliteServerFixture fixture) : NetworkPersonaMatrixTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class NetworkPersonaMatrixPostgresTests(PostgresServerFixture fixture) : NetworkPersonaMatrixTests(fixture);
