using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Prosecutions;

/// <summary>The proceeding through the API: stages, charges, outcomes, hearings, witness protection, timeline and the court document.</summary>
public abstract class ProsecutionApiTests(ServerFixture fixture)
{
    private static readonly string[] Challan = ["Challan 12/2026"];

    private LanternServer Server => fixture.Server;

    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string DaysAgo(int days) => DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(Guid Case, Guid Victim, Guid Accused)> AtTrialAsync()
    {
        var scenario = await ProsecutionScenario.CaseAsync(Server);
        using var investigator = Server.Client(Persona.InvestigatorA);
        using var prosecutor = Server.Client(Persona.ProsecutorA);
        var url = $"/api/v1/cases/{scenario.Case}/proceeding/stages";
        (await investigator.PostAsJsonAsync(url, new { stage = "ComplaintReceived", startedOn = DaysAgo(60) })).EnsureSuccessStatusCode();
        (await investigator.PostAsJsonAsync(url, new { stage = "FirRegistered", startedOn = DaysAgo(50), firNumber = "88/2026", policeStation = "AHTC Lahore" })).EnsureSuccessStatusCode();
        (await investigator.PostAsJsonAsync(url, new { stage = "Investigation", startedOn = DaysAgo(49) })).EnsureSuccessStatusCode();
        (await investigator.PostAsJsonAsync(url, new { stage = "FinalReport", startedOn = DaysAgo(40), documents = Challan })).EnsureSuccessStatusCode();
        (await prosecutor.PostAsJsonAsync(url, new { stage = "Trial", startedOn = DaysAgo(30), court = "Judicial Magistrate Lahore", judge = "Saima Rauf", courtCaseNumber = "301/2026" })).EnsureSuccessStatusCode();
        return scenario;
    }

    [Fact]
    public async Task RecordStage_OutOfOrder_IsProblemJsonNamingStage()
    {
        var (id, _, _) = await ProsecutionScenario.CaseAsync(Server);
        using var client = Server.Client(Persona.InvestigatorA);
        using var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/proceeding/stages", new { stage = "Investigation", startedOn = Today });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"stage\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordOutcome_SentenceAboveTheRange_IsRefusedNamingTheField_UnlessConfirmed()
    {
        var (id, victim, accused) = await AtTrialAsync();
        using var client = Server.Client(Persona.ProsecutorA);
        using var framed = await client.PostAsJsonAsync($"/api/v1/cases/{id}/charges", new { accusedParticipantId = accused, instrument = "PTPA 2018", section = "3(1)", offenceDate = "2024-06-01", particulars = "Recruited by deception.", framedOn = DaysAgo(20) });
        Assert.Equal(HttpStatusCode.Created, framed.StatusCode);
        var charge = (await framed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var refused = await client.PutAsJsonAsync($"/api/v1/cases/{id}/charges/{charge}/outcome", new { outcome = "Convicted", decidedOn = Today, imprisonmentMonths = 100 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("imprisonmentMonths", problem, StringComparison.Ordinal);
        Assert.Contains("up to 84 months", problem, StringComparison.Ordinal);

        using var confirmed = await client.PutAsJsonAsync($"/api/v1/cases/{id}/charges/{charge}/outcome",
            new { outcome = "Convicted", decidedOn = Today, imprisonmentMonths = 100, compensation = new[] { new { victimParticipantId = victim, rupees = 50000 } }, sentenceConfirmation = "Sentence as pronounced; appeal on quantum pending." });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sentenceOutsideRange").GetBoolean());

        var timeline = await Server.GetJsonAsync<JsonElement>(Persona.ProsecutorA, $"/api/v1/cases/{id}/timeline");
        var kinds = timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Contains("Outcome", kinds);
        Assert.Equal("Stage", kinds[0]);
    }

    [Fact]
    public async Task WitnessSchedule_ProtectedVictim_NeverShowsTheRealName_InJsonOrText()
    {
        var (id, victim, accused) = await AtTrialAsync();
        using var client = Server.Client(Persona.ProsecutorA);
        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/charges", new
        {
            accusedParticipantId = accused,
            instrument = "PTPA 2018",
            section = "3(2)",
            offenceDate = "2024-06-01",
            particulars = $"Trafficked {ProsecutionScenario.VictimFirst} {ProsecutionScenario.VictimLast} to Muscat."
        })).EnsureSuccessStatusCode();
        using var hearing = await client.PostAsJsonAsync($"/api/v1/cases/{id}/hearings", new { date = Today, court = "Judicial Magistrate Lahore", purpose = "VictimStatement" });
        Assert.Equal(HttpStatusCode.Created, hearing.StatusCode);
        using var protect = await client.PutAsJsonAsync($"/api/v1/cases/{id}/witnesses/{victim}/protection", new { pseudonym = "Witness K", inCamera = true, videoLink = true, orderedOn = Today });
        Assert.Equal(HttpStatusCode.OK, protect.StatusCode);

        var outputs = new[]
        {
            await client.GetStringAsync($"/api/v1/cases/{id}/court-documents/witness-schedule"),
            await client.GetStringAsync($"/api/v1/cases/{id}/court-documents/witness-schedule?format=text"),
        };
        foreach (var output in outputs)
        {
            Assert.DoesNotContain(ProsecutionScenario.VictimFirst, output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ProsecutionScenario.VictimLast, output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Witness K", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RecordHearing_WithANextDate_SchedulesTheNextHearing_InTheCalendar()
    {
        var (id, _, _) = await AtTrialAsync();
        using var client = Server.Client(Persona.ProsecutorA);
        using var scheduled = await client.PostAsJsonAsync($"/api/v1/cases/{id}/hearings", new { date = DaysAgo(1), time = "10:30:00", court = "Judicial Magistrate Lahore", purpose = "FramingOfCharge" });
        var hearing = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var next = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var recorded = await client.PutAsJsonAsync($"/api/v1/cases/{id}/hearings/{hearing}/outcome", new { proceedings = "Copies supplied to the accused.", nextDate = next, adjournmentReason = "Accused not produced from jail." });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);

        var upcoming = await Server.GetJsonAsync<JsonElement>(Persona.CaseworkerA, "/api/v1/hearings/upcoming?scope=organisation&days=7");
        var item = upcoming.EnumerateArray().Single(h => h.GetProperty("caseId").GetGuid() == id);
        Assert.Equal(next, item.GetProperty("date").GetString());
        Assert.False(item.TryGetProperty("proceedings", out _));
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class ProsecutionApiSqliteTests(SqliteServerFixture fixture) : ProsecutionApiTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class ProsecutionApiPostgresTests(PostgresServerFixture fixture) : ProsecutionApiTests(fixture);
