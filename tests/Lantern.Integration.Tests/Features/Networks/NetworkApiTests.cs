using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantern.Core.Auditing;
using Lantern.Core.Features.Networks;
using Lantern.Core.Persistence;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Networks;

/// <summary>The network through HTTP: what each organisation sees of a shared phone, hidden entities, relations, export.</summary>
public abstract class NetworkApiTests(ServerFixture fixture)
{
    private LanternServer Server => fixture.Server;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static string Neighbourhood(string entity, int hops = 2) => $"/api/v1/network/neighbourhood?hops={hops}&entity={Uri.EscapeDataString(entity)}";

    [Fact]
    public async Task Neighbourhood_PersonOnlyInAnotherOrganisationsUnsharedCase_Is404LikeAnUnknownOne_AndTheAttemptIsAuditedDenied()
    {
        var (_, _, suspectB) = await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationB, NetworkScenario.NewPhone());
        using var client = Server.Client(Persona.InvestigatorA);

        using var hidden = await client.GetAsync(Url(Neighbourhood("person:" + suspectB)));
        using var unknown = await client.GetAsync(Url(Neighbourhood("person:" + Guid.NewGuid())));
        var denied = await NetworkScenario.AuditAsync(Server, "person.access-denied");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(Problem(await unknown.Content.ReadAsStringAsync()), Problem(await hidden.Content.ReadAsStringAsync()));
        Assert.Contains(denied, a => a.EntityId == suspectB.ToString() && a.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task Neighbourhood_PhoneSharedWithAnotherOrganisationsUnsharedCase_ShowsOnlyOwnSide()
    {
        var phone = NetworkScenario.NewPhone();
        var (caseA, _, suspectA) = await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationA, phone);
        var (caseB, _, suspectB) = await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationB, phone, suspectName: "Javed");

        var seenByA = await Server.GetJsonAsync<NetworkView>(Persona.InvestigatorA, Neighbourhood("phone:" + phone, hops: 3));
        var seenByB = await Server.GetJsonAsync<NetworkView>(Persona.InvestigatorB, Neighbourhood("phone:" + phone, hops: 3));
        var ids = seenByA.Nodes.Select(n => n.Id).ToList();

        Assert.Contains("person:" + suspectA, ids);
        Assert.Contains("case:" + caseA, ids);
        Assert.DoesNotContain("person:" + suspectB, ids);
        Assert.DoesNotContain("case:" + caseB, ids);
        Assert.DoesNotContain(seenByA.Nodes, n => n.Label.Contains("Javed", StringComparison.Ordinal));
        // The phone node itself says nothing of the other side: its link count is this side's only.
        Assert.Equal(1, seenByA.Nodes.Single(n => n.Type == "phone").Degree);
        Assert.Contains("person:" + suspectB, seenByB.Nodes.Select(n => n.Id));
        Assert.DoesNotContain("case:" + caseA, seenByB.Nodes.Select(n => n.Id));
        // Node ids never carry the number itself.
        Assert.DoesNotContain(seenByA.Nodes, n => n.Id.Contains(phone[1..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Relations_SameAccountOnTwoCases_BecomesOneNodeJoiningThem_AndIsEncryptedAtRest()
    {
        var (case1, _, suspect1) = await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationA, NetworkScenario.NewPhone());
        var (case2, victim2, _) = await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationA, NetworkScenario.NewPhone());
        var account = "PK36 MEZN 0001 " + Random.Shared.Next(1000, 9999) + " 7788 9911";
        using var client = Server.Client(Persona.InvestigatorA);

        using var first = await client.PostAsJsonAsync(Url($"/api/v1/cases/{case1}/relations"), new { fromType = "person", fromValue = suspect1.ToString(), toType = "account", toValue = account, relation = "holds", validFrom = "2025-06-01" });
        using var second = await client.PostAsJsonAsync(Url($"/api/v1/cases/{case2}/relations"), new { fromType = "person", fromValue = victim2.ToString(), toType = "account", toValue = account.Replace(" ", "", StringComparison.Ordinal), relation = "contacted", note = "The family paid an advance." });
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        Assert.True(second.StatusCode == HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
        var added = (await first.Content.ReadFromJsonAsync<CaseRelationView>(Json.Options))!;
        var path = await client.GetFromJsonAsync<NetworkView>(Url($"/api/v1/network/path?from=case:{case1}&to=case:{case2}"), Json.Options);
        var list = await client.GetFromJsonAsync<CaseRelationList>(Url($"/api/v1/cases/{case2}/relations"), Json.Options);
        var stored = await StoredValuesAsync(added.ToNode["account:".Length..]);

        Assert.Contains(path!.Nodes, n => n.Type == "account" && n.Label == account);
        Assert.Equal("The family paid an advance.", Assert.Single(list!.Relations).Note);
        Assert.DoesNotContain("MEZN", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Replace(" ", "", StringComparison.Ordinal), added.ToNode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRelation_PersonNotInTheCase_Is400NamingTheField_AndNothingIsRecorded()
    {
        var (caseId, _, _) = await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationA, NetworkScenario.NewPhone());
        using var client = Server.Client(Persona.InvestigatorA);

        using var response = await client.PostAsJsonAsync(Url($"/api/v1/cases/{caseId}/relations"), new { fromType = "person", fromValue = Guid.NewGuid().ToString(), toType = "vehicle", toValue = "LES-1234", relation = "owns" });
        using var badPhone = await client.PostAsJsonAsync(Url($"/api/v1/cases/{caseId}/relations"), new { fromType = "vehicle", fromValue = "LES-1234", toType = "phone", toValue = "call me", relation = "other" });
        var list = await client.GetFromJsonAsync<CaseRelationList>(Url($"/api/v1/cases/{caseId}/relations"), Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("fromValue", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains("toValue", await badPhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(list!.Relations);
    }

    [Theory]
    [InlineData("hops=9&entity=case:00000000-0000-0000-0000-000000000001", "hops")]
    [InlineData("entity=nonsense", "entity")]
    [InlineData("entity=case:00000000-0000-0000-0000-000000000001&types=planet", "types")]
    [InlineData("entity=case:00000000-0000-0000-0000-000000000001&from=yesterday", "from")]
    public async Task Neighbourhood_BadInput_Is400ProblemNamingTheField(string query, string field)
    {
        using var client = Server.Client(Persona.InvestigatorA);

        using var response = await client.GetAsync(Url("/api/v1/network/neighbourhood?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_GraphMl_NeedsNetworkExport_IsAudited_AndHoldsOnlyWhatTheActorSees()
    {
        var phone = NetworkScenario.NewPhone();
        var (caseA, _, _) = await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationA, phone);
        var (caseB, _, _) = await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationB, phone, suspectName: "Qaiser");
        var path = $"/api/v1/network/export?format=graphml&hops=3&entity={Uri.EscapeDataString("case:" + caseA)}";
        using var prosecutor = Server.Client(Persona.ProsecutorA);
        using var investigator = Server.Client(Persona.InvestigatorA);

        using var refused = await prosecutor.GetAsync(Url(path));
        using var exported = await investigator.GetAsync(Url(path));
        var graphml = await exported.Content.ReadAsStringAsync();
        var audit = await NetworkScenario.AuditAsync(Server, "network.export");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("application/graphml+xml", exported.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<graphml", graphml, StringComparison.Ordinal);
        Assert.Contains(phone, graphml, StringComparison.Ordinal);
        Assert.DoesNotContain("Qaiser", graphml, StringComparison.Ordinal);
        Assert.DoesNotContain(caseB.ToString(), graphml, StringComparison.Ordinal);
        Assert.Contains(audit, a => a.ActorName == LanternServer.Username(Persona.InvestigatorA) && a.EntityId == caseA.ToString() && a.Outcome == AuditOutcome.Success);
        Assert.DoesNotContain(audit, a => a.ActorName == LanternServer.Username(Persona.ProsecutorA));
    }

    [Fact]
    public async Task Neighbourhood_IsAuditedAsARead_WithoutTheNumber()
    {
        var phone = NetworkScenario.NewPhone();
        await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationA, phone);

        await Server.GetJsonAsync<NetworkView>(Persona.InvestigatorA, Neighbourhood("phone:" + phone));
        var audit = await NetworkScenario.AuditAsync(Server, "network.neighbourhood");

        var entry = audit.Last(a => a.ActorName == LanternServer.Username(Persona.InvestigatorA));
        Assert.Equal("phone", entry.EntityType);
        Assert.DoesNotContain(phone[1..], entry.EntityId + entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokersAndComponents_CountOnlyVisibleCases()
    {
        var phone = NetworkScenario.NewPhone();
        var (_, _, suspectB) = await NetworkScenario.CaseAsync(Server, LanternServer.OrganisationB, phone, suspectName: "Broker");

        var brokers = await Server.GetJsonAsync<NetworkBrokers>(Persona.InvestigatorA, "/api/v1/network/brokers?top=500");
        var components = await Server.GetJsonAsync<NetworkGroups>(Persona.InvestigatorA, "/api/v1/network/components?top=100");
        var communities = await Server.GetJsonAsync<NetworkGroups>(Persona.InvestigatorA, "/api/v1/network/communities?top=100");

        Assert.DoesNotContain(brokers.Brokers, b => b.Node.Id == "person:" + suspectB);
        Assert.DoesNotContain(components.Largest.SelectMany(g => g.Leading), n => n.Id == "person:" + suspectB);
        Assert.DoesNotContain(communities.Largest.SelectMany(g => g.Leading), n => n.Id == "person:" + suspectB);
        Assert.True(components.Count > 0);
    }

    /// <summary>The stored (encrypted) values of the relations ending at a node key, read past EF's decryption.</summary>
    private async Task<string> StoredValuesAsync(string key)
    {
        await using var scope = Server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"FromValue\", \"ToValue\" FROM case_relations WHERE \"ToKey\" = @key";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
            values.Add(reader.GetString(1));
        }
        Assert.Equal(4, values.Count);
        Assert.All(values, v => Assert.StartsWith("v", v, StringComparison.Ordinal));
        return string.Join('|', values);
    }

    private static string Problem(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("title").GetString() + "|" + doc.RootElement.GetProperty("status").GetInt32() + "|" + doc.RootElement.GetProperty("detail").GetString();
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class NetworkApiSqliteTests(SqliteServerFixture fixture) : NetworkApiTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class NetworkApiPostgresTests(PostgresServerFixture fixture) : NetworkApiTests(fixture);
