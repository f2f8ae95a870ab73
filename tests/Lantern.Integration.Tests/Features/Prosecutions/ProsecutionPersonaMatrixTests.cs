using System.Net.Http.Json;
using Lantern.Core.Features.Prosecutions;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.Prosecutions;

/// <summary>Prosecutor, caseworker and investigator of the same office, analyst, investigator of another organisation, administrator and anonymous against every prosecution endpoint.</summary>
public abstract class ProsecutionPersonaMatrixTests(ServerFixture fixture)
{
    private const int Ok = 200, Created = 201, Unauthorized = 401, Forbidden = 403, NotFound = 404;
    private static readonly Persona[] Personas = [ProsecutorA, CaseworkerA, AnalystA, InvestigatorB, InvestigatorA, AdministratorA, Anonymous];

    public static TheoryData<Persona, string, int> Matrix()
    {
        // operation -> expected status for: ProsecutorA, CaseworkerA, AnalystA, InvestigatorB, InvestigatorA, AdministratorA, Anonymous
        var table = new (string Operation, int[] Expected)[]
        {
            ("proceeding of case A", [Ok, Forbidden, Forbidden, NotFound, Ok, Ok, Unauthorized]),
            ("record the complaint of case A", [Forbidden, Forbidden, Forbidden, NotFound, Ok, Ok, Unauthorized]),
            ("frame a charge in case A", [Created, Forbidden, Forbidden, Forbidden, Forbidden, Created, Unauthorized]),
            ("schedule a hearing of case A", [Created, Forbidden, Forbidden, NotFound, Created, Created, Unauthorized]),
            ("protect the victim of case A", [Ok, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Unauthorized]),
            ("timeline of case A", [Ok, Forbidden, Forbidden, NotFound, Ok, Ok, Unauthorized]),
            ("witness schedule of case A", [Ok, Forbidden, Forbidden, NotFound, Ok, Ok, Unauthorized]),
            ("hearings calendar of my organisation", [Ok, Ok, Forbidden, Ok, Ok, Ok, Unauthorized]),
            ("overdue deadlines", [Ok, Forbidden, Forbidden, Ok, Ok, Ok, Unauthorized]),
            ("deadline rules", [Ok, Forbidden, Forbidden, Ok, Ok, Ok, Unauthorized]),
            ("change a deadline rule", [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Unauthorized]),
            ("prosecution figures", [Forbidden, Forbidden, Ok, Forbidden, Forbidden, Ok, Unauthorized]),
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
    public async Task Operation_ForPersona_GetsExactlyTheExpectedStatus(Persona persona, string operation, int expected)
    {
        var server = fixture.Server;
        using var client = server.Client(persona);
        var (id, victim, accused) = await ProsecutionScenario.CaseAsync(server);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var response = operation switch
        {
            "proceeding of case A" => await client.GetAsync(Uri($"/api/v1/cases/{id}/proceeding")),
            "record the complaint of case A" => await client.PostAsJsonAsync(Uri($"/api/v1/cases/{id}/proceeding/stages"), new { stage = "ComplaintReceived", startedOn = today }),
            "frame a charge in case A" => await client.PostAsJsonAsync(Uri($"/api/v1/cases/{id}/charges"), new { accusedParticipantId = accused, instrument = "PSMA 2018", section = "3", offenceDate = "2024-03-01" }),
            "schedule a hearing of case A" => await client.PostAsJsonAsync(Uri($"/api/v1/cases/{id}/hearings"), new { date = today, court = "Judicial Magistrate Lahore", purpose = "Remand" }),
            "protect the victim of case A" => await client.PutAsJsonAsync(Uri($"/api/v1/cases/{id}/witnesses/{victim}/protection"), new { pseudonym = "Witness M", screen = true }),
            "timeline of case A" => await client.GetAsync(Uri($"/api/v1/cases/{id}/timeline")),
            "witness schedule of case A" => await client.GetAsync(Uri($"/api/v1/cases/{id}/court-documents/witness-schedule")),
            "hearings calendar of my organisation" => await client.GetAsync(Uri("/api/v1/hearings?scope=organisation")),
            "overdue deadlines" => await client.GetAsync(Uri("/api/v1/deadlines/overdue")),
            "deadline rules" => await client.GetAsync(Uri("/api/v1/deadline-rules")),
            "change a deadline rule" => await client.PutAsJsonAsync(Uri($"/api/v1/deadline-rules/{(await InterimRuleAsync()).Id}"), await UnchangedInterimRuleAsync()),
            "prosecution figures" => await client.GetAsync(Uri("/api/v1/prosecution-figures")),
            _ => throw new ArgumentException("Unknown operation " + operation, nameof(operation)),
        };
        Assert.True(expected == (int)response.StatusCode, $"{persona} / {operation}: expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private Task<DeadlineRuleView> InterimRuleAsync() => fixture.Server.AsOperatorAsync(async (sp, actor) =>
        (await sp.GetRequiredService<ManageDeadlineRules.Handler>().ListAsync(actor, CancellationToken.None)).Single(r => r.DueStage == ProceedingStage.InterimReport));

    private async Task<object> UnchangedInterimRuleAsync()
    {
        var r = await InterimRuleAsync();
        return new { name = r.Name, anchorStage = r.AnchorStage.ToString(), days = r.Days, dueStage = r.DueStage.ToString(), basis = r.Basis, verification = r.Verification, active = r.Active };
    }

    private static Uri Uri(string path) => new(path, UriKind.Relative);
}

[Collection(SqliteServerGroup.Name)]
public sealed class ProsecutionPersonaMatrixSqliteTests(SqliteServerFixture fixture) : ProsecutionPersonaMatrixTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class ProsecutionPersonaMatrixPostgresTests(PostgresServerFixture fixture) : ProsecutionPersonaMatrixTests(fixture);
