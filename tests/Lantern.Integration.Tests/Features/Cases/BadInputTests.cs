using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Cases;

/// <summary>Bad input gets problem+json naming the field, and nothing is stored.</summary>
public abstract class BadInputTests(ServerFixture fixture)
{
    public static TheoryData<string, string, string> Documents()
    {
        var good = CaseDocuments.Victim("BAD-REF-1");
        return new TheoryData<string, string, string>
        {
            { "malformed JSON", good[..^20], "$" },
            { "unknown field", good.Replace("\"summary\":", "\"sumary\":", StringComparison.Ordinal), "sumary" },
            { "over-long string", good.Replace("\"Zainab\"", "\"" + new string('a', 101) + "\"", StringComparison.Ordinal), "prs_FirstName" },
            { "invalid date", good.Replace("\"2010-05\"", "\"2010-13\"", StringComparison.Ordinal), "prs_Birthdate" },
            { "invalid opened-on date", good.Replace("\"2026-03-14\"", "\"14/03/2026\"", StringComparison.Ordinal), "openedOn" },
            { "invalid CNIC", good.Replace("35202-1234567-9", "35202-12345-9", StringComparison.Ordinal), "identityDocuments[0].number" },
            { "invalid phone", good.Replace("+923001234567", "0300-CALL-ME", StringComparison.Ordinal), "prs_MobilePhone" },
            { "unknown country", good.Replace("\"hte_Country\": \"PK\", \"hte_State\": \"Punjab\", \"hte_City\": \"Kasur\"", "\"hte_Country\": \"XX\", \"hte_State\": \"Punjab\", \"hte_City\": \"Kasur\"", StringComparison.Ordinal), "hte_Country" },
            { "unknown picklist value", good.Replace("\"ForcedLabour\", \"ChildLabour\"", "\"ForcedLabour\", \"Slavery\"", StringComparison.Ordinal), "vic_TypeOfExploitation[1]" },
            { "numeric picklist value", good.Replace("\"Acquainted\"", "\"1\"", StringComparison.Ordinal), "vic_RelationshipToTrafficker" },
            { "script injection in a name", good.Replace("\"Zainab\"", "\"<script>alert(1)</script>\"", StringComparison.Ordinal), "prs_FirstName" },
            { "SQL injection in a name", good.Replace("\"Bibi\"", "\"Bibi'); DROP TABLE cases;--\"", StringComparison.Ordinal), "prs_SecondName" },
            { "markup in free text", good.Replace("\"Girl recruited", "\"<img src=x onerror=alert(1)> Girl recruited", StringComparison.Ordinal), "summary" },
            { "SQL injection in a reference", good.Replace("\"BAD-REF-1\"", "\"X' OR '1'='1\"", StringComparison.Ordinal), "reference" },
            { "wrong type", good.Replace("\"vic_AgeWhenTrafficked\": 15", "\"vic_AgeWhenTrafficked\": \"fifteen\"", StringComparison.Ordinal), "vic_AgeWhenTrafficked" },
            { "event refers to an unknown person", good.Replace("\"persons\": [\"p1\"]", "\"persons\": [\"p9\"]", StringComparison.Ordinal), "events[1].persons[0]" },
            { "victim context on a suspect", good.Replace("\"per_RoleInProcess\"", "\"vic_AgeWhenTrafficked\": 30, \"per_RoleInProcess\"", StringComparison.Ordinal), "persons[1].role" },
        };
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task CreateCase_WithBadInput_NamesTheFieldAndStoresNothing(string problem, string json, string field)
    {
        var before = await fixture.Server.CountCasesAsync();
        using var response = await fixture.Server.PostJsonAsync(Persona.InvestigatorA, "/api/v1/cases", json);
        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{problem}: got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var named = body.RootElement.GetProperty("field").GetString()!;
        Assert.True(named.EndsWith(field, StringComparison.Ordinal) || named.Contains(field, StringComparison.Ordinal), $"{problem}: the error names '{named}', expected '{field}'");
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("detail").GetString()));
        Assert.Equal(before, await fixture.Server.CountCasesAsync());
    }

    [Fact]
    public async Task Import_WithOneBadCaseAmongGoodOnes_StoresNoneAndNamesCaseAndField()
    {
        var before = await fixture.Server.CountCasesAsync();
        var batch = $"[{CaseDocuments.Victim("IMP-GOOD-1")}, {CaseDocuments.Victim("IMP-BAD-2").Replace("+923001234567", "12ab", StringComparison.Ordinal)}, {CaseDocuments.Victim("IMP-GOOD-3")}]";
        using var response = await fixture.Server.PostJsonAsync(Persona.InvestigatorA, "/api/v1/cases/import", batch);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("[1].persons[0].prs_MobilePhone", body.RootElement.GetProperty("field").GetString());
        Assert.Equal(before, await fixture.Server.CountCasesAsync());
    }

    [Fact]
    public async Task Update_WithUnknownField_NamesIt()
    {
        using var client = fixture.Server.Client(Persona.InvestigatorA);
        using var response = await client.PutAsJsonAsync(new Uri($"/api/v1/cases/{fixture.CaseA}", UriKind.Relative), new { reference = "FIX-A-0001", colour = "red" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.EndsWith("colour", body.RootElement.GetProperty("field").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithBadPaging_NamesTheParameter()
    {
        using var client = fixture.Server.Client(Persona.InvestigatorA);
        using var response = await client.GetAsync(new Uri("/api/v1/cases?pageSize=1000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("pageSize", body.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task CreateCase_WithDuplicateReference_IsAConflictNamingTheReference()
    {
        using var first = await fixture.Server.PostJsonAsync(Persona.InvestigatorA, "/api/v1/cases", CaseDocuments.Victim("DUP-REF-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await fixture.Server.PostJsonAsync(Persona.InvestigatorA, "/api/v1/cases", CaseDocuments.Victim("DUP-REF-1"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains("reference", body.RootElement.GetProperty("field").GetString(), StringComparison.Ordinal);
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class BadInputSqliteTests(SqliteServerFixture fixture) : BadInputTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class BadInputPostgresTests(PostgresServerFixture fixture) : BadInputTests(fixture);
