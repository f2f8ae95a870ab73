using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Cases;

/// <summary>Export then import loses nothing, through the API, on both providers.</summary>
public abstract class CaseDocumentRoundTripTests(ServerFixture fixture)
{
    [Fact]
    public async Task ExportThenImport_ReproducesTheDocument()
    {
        var original = CaseDocuments.Victim("RT-0001", "Zainab", "Bibi", "35102-7654321-4").Replace("\"aliases\": [\"Zenab\"]",
            "\"prs_MiddleName\": \"Noor\", \"nameInOriginalScript\": \"زینب بی بی\", \"aliases\": [\"Zenab\", \"Zaineb\"], \"prs_HomePhone\": \"+924235761234\", \"prs_Email\": \"z.bibi@example.org\", \"prs_MailingStreet\": \"House 12, Street 4\", \"prs_MailingCity\": \"Kasur\", \"prs_MailingState\": \"Punjab\", \"prs_MailingPostalCode\": \"55050\", \"prs_MailingCountry\": \"PK\", \"vic_TraffickingStatusDecisionMakingOrg\": \"Police\", \"statusDecidedBy\": \"Inspector, AHTC Lahore\"",
            StringComparison.Ordinal);
        using var created = await fixture.Server.PostJsonAsync(Persona.InvestigatorA, "/api/v1/cases", original);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var note = await fixture.Server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/cases/{id}/notes", "{\"text\":\"Victim moved to the shelter; statement recorded.\"}");
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);

        using var client = fixture.Server.Client(Persona.InvestigatorA);
        var exported = await client.GetStringAsync(new Uri($"/api/v1/cases/{id}/export", UriKind.Relative));
        var expected = JsonNode.Parse(original)!.AsObject();
        var actual = JsonNode.Parse(exported)!.AsObject();
        Assert.True(actual.Remove("notes", out var notes), "the export carries the note");
        Assert.Equal("Victim moved to the shelter; statement recorded.", notes![0]!["cco_CaseComment"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(expected, actual), $"export differs:\n{actual}");

        // Import the export as a new case of organisation B: the same document comes back out.
        var reimport = exported.Replace("RT-0001", "RT-0001-COPY", StringComparison.Ordinal);
        using var imported = await fixture.Server.PostJsonAsync(Persona.CaseworkerB, "/api/v1/cases/import", reimport);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var copyId = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()).RootElement.GetProperty("cases")[0].GetProperty("id").GetGuid();
        using var clientB = fixture.Server.Client(Persona.CaseworkerB);
        var again = await clientB.GetStringAsync(new Uri($"/api/v1/cases/{copyId}/export", UriKind.Relative));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(reimport), JsonNode.Parse(again)), $"second export differs:\n{again}");
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class CaseDocumentRoundTripSqliteTests(SqliteServerFixture fixture) : CaseDocumentRoundTripTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class CaseDocumentRoundTripPostgresTests(PostgresServerFixture fixture) : CaseDocumentRoundTripTests(fixture);
