using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Screening;

/// <summary>
/// Screening through the API: an assessment on the list the person's age calls for, saved as drafts, completed,
/// explained; the formal status decision with its history; the non-punishment flag; who may do what.
/// </summary>
public abstract class ScreeningApiTests(ServerFixture fixture)
{
    private LanternServer Server => fixture.Server;

    [Fact]
    public async Task Assessment_ChildWithRecruitmentAndExploitation_IsIndicatedAndExplained()
    {
        var (caseId, victim, _) = await CaseAsync("SCR-CHILD-1");
        var started = await StartAsync(caseId, victim, "labour");
        // Born 2010-05, recruited 2025-11: fifteen, so the child list, without presumption.
        Assert.Equal("child", started.GetProperty("population").GetString());
        Assert.False(started.GetProperty("populationPresumed").GetBoolean());
        Assert.Equal("draft", started.GetProperty("state").GetString());
        Assert.False(started.GetProperty("result").GetProperty("indicated").GetBoolean());
        var id = started.GetProperty("id").GetGuid();

        // Two drafts, answered in two sittings.
        var draft = await SaveAsync(id, """{"answers":[{"indicator":"coercive recruitment: Violence on victims","answer":"yes","note":"beaten by the recruiter"},{"indicator":"Debt bondage","answer":"unknown"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, draft.Status);
        Assert.Contains("Debt bondage", draft.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var first = await SaveAsync(id, """{"answers":[{"indicator":"coercive recruitment: Violence on victims","answer":"yes","note":"beaten by the recruiter"},{"indicator":"coercive recruitment: Debt bondage","answer":"yes"}]}""");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(first.Body.GetProperty("result").GetProperty("indicated").GetBoolean());
        var second = await SaveAsync(id, """{"answers":[{"indicator":"Excessive working days or hours","answer":"yes"},{"indicator":"Hazardous work","answer":"yes"}]}""");
        var result = second.Body.GetProperty("result");
        Assert.True(result.GetProperty("indicated").GetBoolean());
        Assert.Equal(["coercive recruitment", "exploitative conditions of work"], result.GetProperty("positiveDimensions").EnumerateArray().Select(d => d.GetString()!).ToArray());
        var coercive = result.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "coercive recruitment");
        Assert.Contains("Violence on victims", coercive.GetProperty("because").GetString(), StringComparison.Ordinal);
        Assert.Contains("child", result.GetProperty("rule").GetString(), StringComparison.OrdinalIgnoreCase);
        // The note came through and the earlier answers were kept.
        var violence = second.Body.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("reference").GetString() == "coercive recruitment: Violence on victims");
        Assert.Equal("yes", violence.GetProperty("answer").GetString());
        Assert.Equal("beaten by the recruiter", violence.GetProperty("note").GetString());

        var completed = await SaveAsync(id, """{"answers":[],"complete":true}""");
        Assert.Equal("completed", completed.Body.GetProperty("state").GetString());
        var late = await SaveAsync(id, """{"answers":[{"indicator":"Hazardous work","answer":"no"}]}""");
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
    }

    [Fact]
    public async Task Assessment_UnknownBirthDate_PresumesAChildAndSaysSo()
    {
        var json = CaseDocuments.Victim("SCR-PRESUMED-1").Replace("\"prs_Birthdate\": \"2010-05\",", "", StringComparison.Ordinal)
            .Replace("\"vic_AgeWhenTrafficked\": 15,", "", StringComparison.Ordinal);
        var caseId = await Server.ImportAsync(json);
        var victim = await ParticipantAsync(caseId, "victim");
        var started = await StartAsync(caseId, victim, "labour", reasonToBelieveMinor: true);
        Assert.Equal("child", started.GetProperty("population").GetString());
        Assert.True(started.GetProperty("populationPresumed").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(started.GetProperty("ageReason").GetString()));
    }

    [Fact]
    public async Task Evaluate_UnknownIndicator_IsProblemNamingIt()
    {
        using var response = await Server.PostJsonAsync(Persona.InvestigatorA, "/api/v1/screening/evaluate",
            """{"population":"adult","exploitation":"labour","yes":["Forced to dance"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("yes", body.RootElement.GetProperty("field").GetString());
        Assert.Contains("Forced to dance", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusDecision_KeepsHistoryAndFlagsTheVictimWhereTheyAreASuspect()
    {
        var (caseId, victim, _) = await CaseAsync("SCR-STATUS-1", victimCnic: "35202-1112223-5");
        using (var missingReason = await Server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/cases/{caseId}/status-decisions",
            $$"""{"participantId":"{{victim}}","status":"ActualVictimOfTrafficking","decidedBy":"Police"}"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
            Assert.Contains("\"field\":\"reason\"", await missingReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        foreach (var status in new[] { "PossibleVictimOfTrafficking", "ActualVictimOfTrafficking" })
        {
            using var decided = await Server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/cases/{caseId}/status-decisions",
                $$"""{"participantId":"{{victim}}","status":"{{status}}","decidedBy":"Police","decidedOn":"2026-03-20","reason":"Indicators of coercion confirmed in interview."}""");
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        }
        var history = await Server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, $"/api/v1/cases/{caseId}/participants/{victim}/status-decisions");
        Assert.Equal(["ActualVictimOfTrafficking", "PossibleVictimOfTrafficking"], history.EnumerateArray().Select(d => d.GetProperty("status").GetString()!).ToArray());
        var view = await Server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, $"/api/v1/cases/{caseId}");
        Assert.Equal("ActualVictimOfTrafficking", view.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("participantId").GetGuid() == victim).GetProperty("traffickingStatus").GetString());

        // The same person is later recorded as a suspect in another case: that record carries the non-punishment flag.
        var personId = view.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("participantId").GetGuid() == victim).GetProperty("personId").GetGuid();
        var otherId = await Server.ImportAsync(CaseDocuments.Victim("SCR-STATUS-2", cnic: "35102-9990001-2"));
        using (var added = await Server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/cases/{otherId}/persons",
            $$"""{"person":{"role":"suspect"},"existingPersonId":"{{personId}}"}"""))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }
        var otherView = await Server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, $"/api/v1/cases/{otherId}");
        var suspects = otherView.GetProperty("people").EnumerateArray().Where(p => p.GetProperty("role").GetString() == "suspect").ToList();
        Assert.True(suspects.Single(p => p.GetProperty("personId").GetGuid() == personId).GetProperty("nonPunishment").GetBoolean());
        Assert.False(suspects.Single(p => p.GetProperty("personId").GetGuid() != personId).GetProperty("nonPunishment").GetBoolean());
        Assert.All(otherView.GetProperty("people").EnumerateArray().Where(p => p.GetProperty("role").GetString() == "victim"), p => Assert.False(p.GetProperty("nonPunishment").GetBoolean()));
    }

    [Fact]
    public async Task StatusDecision_OnASuspect_IsRefusedNamingTheParticipant()
    {
        var (caseId, _, suspect) = await CaseAsync("SCR-STATUS-3");
        using var response = await Server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/cases/{caseId}/status-decisions",
            $$"""{"participantId":"{{suspect}}","status":"ActualVictimOfTrafficking","decidedBy":"Police","reason":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"participantId\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Persona.CaseworkerB, HttpStatusCode.NotFound)]
    [InlineData(Persona.AnalystA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.AuditorA, HttpStatusCode.Forbidden)]
    [InlineData(Persona.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Assessments_OfAnotherOrganisationsCase_AreHidden(Persona persona, HttpStatusCode expected)
    {
        var (caseId, victim, _) = await CaseAsync("SCR-HIDDEN-" + persona);
        var started = await StartAsync(caseId, victim, "labour");
        var id = started.GetProperty("id").GetGuid();
        using var client = Server.Client(persona);
        using var get = await client.GetAsync($"/api/v1/assessments/{id}");
        Assert.Equal(expected, get.StatusCode);
        using var start = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new { participantId = victim, exploitation = "labour" });
        Assert.Equal(expected, start.StatusCode);
        using var decide = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/status-decisions", new { participantId = victim, status = "ActualVictimOfTrafficking", decidedBy = "NGO", reason = "x" });
        Assert.Equal(expected, decide.StatusCode);
    }

    [Fact]
    public async Task Catalogue_ImportByAdministrator_IsUsedByNewAssessmentsAndOldOnesKeepTheirs()
    {
        // Its own server: an import changes the catalogue in force for everyone.
        await using var server = await LanternServer.StartAsync(fixture.Provider);
        var current = await server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, "/api/v1/screening/catalogue");
        Assert.Contains(current.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("strength").GetString() == "Unverified");
        var caseId = await server.ImportAsync(CaseDocuments.Victim("SCR-CAT-1"));
        var view = await server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, $"/api/v1/cases/{caseId}");
        var victim = view.GetProperty("people").EnumerateArray().First(p => p.GetProperty("role").GetString() == "victim").GetProperty("participantId").GetGuid();
        var before = await StartOnAsync(server, caseId, victim);

        var csv = "population,exploitation,dimension,indicator,strength,verification\n"
            + "adult,labour,deceptive recruitment,Deceived about wages,strong,test\nadult,labour,exploitative conditions of work,No pay,strong,test\n"
            + "adult,labour,coercion at destination,Locked in,strong,test\nchild,labour,deceptive recruitment,Deceived about school,strong,test\n"
            + "child,labour,exploitative conditions of work,No pay,strong,test\n";
        using (var denied = await server.PostJsonAsync(Persona.InvestigatorA, "/api/v1/screening/catalogue", JsonSerializer.Serialize(new { csv, label = "test" })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        using (var bad = await server.PostJsonAsync(Persona.AdministratorA, "/api/v1/screening/catalogue", JsonSerializer.Serialize(new { csv = csv.Replace("strong,test\nchild", "very,test\nchild", StringComparison.Ordinal), label = "test" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("row", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var imported = await server.PostJsonAsync(Persona.AdministratorA, "/api/v1/screening/catalogue", JsonSerializer.Serialize(new { csv, label = "Corrected test catalogue" })))
        {
            Assert.True(HttpStatusCode.Created == imported.StatusCode, await imported.Content.ReadAsStringAsync() + string.Join("\n", server.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Take(3)));
        }
        var now = await server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, "/api/v1/screening/catalogue");
        Assert.Equal("Corrected test catalogue", now.GetProperty("label").GetString());
        Assert.NotEqual(current.GetProperty("version").GetString(), now.GetProperty("version").GetString());

        var after = await StartOnAsync(server, caseId, victim);
        Assert.Equal(now.GetProperty("version").GetString(), after.GetProperty("catalogueVersion").GetString());
        Assert.Equal(2, after.GetProperty("indicators").GetArrayLength());
        var old = await server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, $"/api/v1/assessments/{before.GetProperty("id").GetGuid()}");
        Assert.Equal(current.GetProperty("version").GetString(), old.GetProperty("catalogueVersion").GetString());
        Assert.True(old.GetProperty("indicators").GetArrayLength() > 50);
    }

    private static async Task<JsonElement> StartOnAsync(LanternServer server, Guid caseId, Guid participant)
    {
        using var response = await server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/cases/{caseId}/assessments",
            JsonSerializer.Serialize(new { participantId = participant, exploitation = "labour" }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<(Guid Case, Guid Victim, Guid Suspect)> CaseAsync(string reference, string victimCnic = "35102-7654321-4")
    {
        var caseId = await Server.ImportAsync(CaseDocuments.Victim(reference, cnic: victimCnic));
        return (caseId, await ParticipantAsync(caseId, "victim"), await ParticipantAsync(caseId, "suspect"));
    }

    private async Task<Guid> ParticipantAsync(Guid caseId, string role)
    {
        var view = await Server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, $"/api/v1/cases/{caseId}");
        return view.GetProperty("people").EnumerateArray().First(p => p.GetProperty("role").GetString() == role).GetProperty("participantId").GetGuid();
    }

    private async Task<JsonElement> StartAsync(Guid caseId, Guid participant, string exploitation, bool reasonToBelieveMinor = false)
    {
        using var response = await Server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/cases/{caseId}/assessments",
            JsonSerializer.Serialize(new { participantId = participant, exploitation, reasonToBelieveMinor }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SaveAsync(Guid id, string json)
    {
        using var client = Server.Client(Persona.InvestigatorA);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync($"/api/v1/assessments/{id}", content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class ScreeningApiSqliteTests(SqliteServerFixture fixture) : ScreeningApiTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class ScreeningApiPostgresTests(PostgresServerFixture fixture) : ScreeningApiTests(fixture);
