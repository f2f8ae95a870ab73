using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;

namespace Lantern.Core.Tests.Features.Statistics;

public sealed class VictimRoutesTests
{
    private static readonly CaseId Case1 = CaseId.New();
    private static readonly CaseId Case2 = CaseId.New();
    private static readonly Guid Zainab = Guid.NewGuid();
    private static readonly Guid Asma = Guid.NewGuid();
    private static readonly Guid Bilal = Guid.NewGuid();

    private static VictimRoutes.Place Event(CaseId c, EventType type, string date, string country, string? state, string? city, params Guid[] people) =>
        new(c, type, date, country, state, city, [.. people]);

    private static readonly VictimRoutes.Place[] Events =
    [
        // Case 1: two girls recruited in Okara, one through Lahore, both exploited in Dubai; the last event names nobody.
        Event(Case1, EventType.Recruitment, "2024-01", "PK", "Punjab", "Okara", Zainab, Asma),
        Event(Case1, EventType.Transit, "2024-02", "PK", "Punjab", "Lahore", Zainab),
        Event(Case1, EventType.Exploitation, "2024-03", "AE", "Dubai", "Dubai"),
        // Case 2: a boy recruited in Kasur and exploited at a kiln in the same province.
        Event(Case2, EventType.Recruitment, "2023-05", "PK", "Punjab", "Kasur", Bilal),
        Event(Case2, EventType.Exploitation, "2023-06", "PK", "Punjab", "Kasur", Bilal),
    ];

    [Fact]
    public void Compute_ByCountry_CountsEachVictimOnceWithTheirOwnTransit()
    {
        var response = VictimRoutes.Compute(VictimRoutes.Level.Country, null, [(Zainab, Case1), (Asma, Case1), (Bilal, Case2)], Events);

        Assert.Equal(3, response.VictimsWithRoute);
        Assert.Contains(new VictimRoutes.Flow("PK", "PK", "AE", "cross-border", 1), response.Flows);
        Assert.Contains(new VictimRoutes.Flow("PK", "", "AE", "cross-border", 1), response.Flows);
        Assert.Contains(new VictimRoutes.Flow("PK", "", "PK", "domestic", 1), response.Flows);
        Assert.Equal(3, Assert.Single(response.Origins).Value);
    }

    [Fact]
    public void Compute_ByCity_NamesThePlacesWithTheirProvince()
    {
        var response = VictimRoutes.Compute(VictimRoutes.Level.City, null, [(Zainab, Case1)], Events);

        Assert.Equal(new VictimRoutes.Flow("Okara, Punjab", "Lahore, Punjab", "Dubai, Dubai", "cross-border", 1), Assert.Single(response.Flows));
    }

    [Fact]
    public void Compute_VictimOfACaseWithoutEvents_IsCountedAsWithoutRoute()
    {
        var response = VictimRoutes.Compute(VictimRoutes.Level.Country, null, [(Guid.NewGuid(), CaseId.New())], Events);

        Assert.Equal(0, response.VictimsWithRoute);
        Assert.Equal(1, response.VictimsWithoutRoute);
        Assert.Empty(response.Flows);
    }

    [Fact]
    public void ParseLevel_Unknown_IsRefusedNamingTheField() =>
        Assert.Equal("level", Assert.Throws<ValidationException>(() => VictimRoutes.ParseLevel("district")).Field);
}
