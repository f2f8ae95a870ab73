using System.Net;
using System.Text.Json;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Prosecutions;

/// <summary>The offence catalogue through the API: any case worker may read the law; anonymous callers may not.</summary>
public abstract class OffencesApiTests(ServerFixture fixture)
{
    private LanternServer Server => fixture.Server;

    [Fact]
    public async Task Offences_AsInvestigator_ReturnsTheCatalogueWithNullsWritten()
    {
        var rows = await Server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, "/api/v1/offences");

        var abetment = rows.EnumerateArray().First(r => r.GetProperty("section").GetString() == "5(1)");
        Assert.Equal(JsonValueKind.Null, abetment.GetProperty("imprisonmentMonths").ValueKind);
        var basic = rows.EnumerateArray().First(r => r.GetProperty("instrument").GetString() == "PTPA 2018" && r.GetProperty("section").GetString() == "3(1)");
        Assert.Equal(JsonValueKind.Null, basic.GetProperty("imprisonmentMonths").GetProperty("min").ValueKind);
        Assert.Equal(84, basic.GetProperty("imprisonmentMonths").GetProperty("max").GetInt32());
        Assert.Equal("either-or-both", basic.GetProperty("penaltyMode").GetString());
    }

    [Fact]
    public async Task Offences_On2020_ReturnsThe2018VersionsOnly()
    {
        var rows = await Server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, "/api/v1/offences?on=2020-01-01");

        Assert.All(rows.EnumerateArray(), r => Assert.True(string.CompareOrdinal(r.GetProperty("effectiveFrom").GetString(), "2020-01-01") <= 0));
    }

    [Theory]
    [InlineData(Persona.InvestigatorA, HttpStatusCode.OK)]
    [InlineData(Persona.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Offences_ByPersona_AnswersAsExpected(Persona persona, HttpStatusCode expected)
    {
        using var client = Server.Client(persona);
        using var response = await client.GetAsync("/api/v1/offences");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Offences_BadDate_IsABadRequestNamingOn()
    {
        using var client = Server.Client(Persona.InvestigatorA);
        using var response = await client.GetAsync("/api/v1/offences?on=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("yesterday", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class OffencesApiSqliteTests(SqliteServerFixture fixture) : OffencesApiTests(fixture);
