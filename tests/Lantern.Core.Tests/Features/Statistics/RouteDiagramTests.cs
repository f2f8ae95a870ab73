using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;

namespace Lantern.Core.Tests.Features.Statistics;

public sealed class RouteDiagramTests
{
    private static VictimRoutes.Response Routes(params (string Origin, string Transit, string Destination, int Victims)[] flows) =>
        new(VictimRoutes.Level.Province, 2025, flows.Sum(f => f.Victims), 0,
            [.. flows.Select(f => new VictimRoutes.Flow(f.Origin, f.Transit, f.Destination, "domestic", f.Victims))], [], []);

    [Fact]
    public void Layout_SuppressedRoutes_HiddenBandsHaveOneWidthWhateverTheirCount()
    {
        // The same routes with 1 and with 4 victims on the small route: the hidden bands must be drawn identically.
        var one = RouteDiagram.Layout("t", VictimRoutes.Publish(Routes(("Sindh", "", "Punjab", 1), ("Punjab", "", "Punjab", 40), ("Sindh", "Punjab", "Sindh", 9)), "2025", suppressed: true));
        var four = RouteDiagram.Layout("t", VictimRoutes.Publish(Routes(("Sindh", "", "Punjab", 4), ("Punjab", "", "Punjab", 40), ("Sindh", "Punjab", "Sindh", 9)), "2025", suppressed: true));

        Assert.Contains(one.Bands, b => b.Hidden && b.Text == "<5");
        Assert.All(one.Bands.Where(b => b.Hidden), b => Assert.Equal(RouteDiagram.HiddenWidth, b.Width));
        Assert.Equal(one.Bands.Select(b => (b.Origin, b.Width, b.Y0, b.Y1In, b.Y1Out, b.Y2)), four.Bands.Select(b => (b.Origin, b.Width, b.Y0, b.Y1In, b.Y1Out, b.Y2)));
        Assert.Equal(one.Nodes.Select(n => (n.Name, n.Text, n.Y, n.Height)), four.Nodes.Select(n => (n.Name, n.Text, n.Y, n.Height)));
    }

    [Fact]
    public void Layout_Exact_BandWidthsAreProportionalAndBarsHoldTheirBands()
    {
        var d = RouteDiagram.Layout("t", VictimRoutes.Publish(Routes(("Sindh", "", "Punjab", 10), ("Punjab", "", "Punjab", 30)), "2025", suppressed: false));

        var small = d.Bands.Single(b => b.Origin == "Sindh");
        var large = d.Bands.Single(b => b.Origin == "Punjab");
        Assert.Equal(3, large.Width / small.Width, 3);
        var destination = d.Nodes.Single(n => n.Column == 2);
        Assert.Equal(small.Width + large.Width, destination.Height, 3);
        Assert.All(d.Bands, b => Assert.InRange(b.Y2, destination.Y, destination.Y + destination.Height));
    }

    [Fact]
    public void Layout_MoreRoutesThanDrawn_CountsTheOmitted()
    {
        var many = Routes([.. Enumerable.Range(0, 30).Select(i => ($"P{i}", "", "Punjab", 10 + i))]);

        var d = RouteDiagram.Layout("t", VictimRoutes.Publish(many, "2025", suppressed: false));

        Assert.Equal(RouteDiagram.MostBands, d.Bands.Count);
        Assert.Equal(30 - RouteDiagram.MostBands, d.Omitted);
    }

    [Fact]
    public void Publish_Suppressed_HidesAPlaceWhoseRouteIsHiddenAndListsHiddenRoutesLast()
    {
        var table = VictimRoutes.Publish(Routes(("Sindh", "", "Punjab", 2), ("Punjab", "", "Punjab", 40), ("Sindh", "", "Sindh", 9)), "2025", suppressed: true);

        Assert.Equal("40", table.Flows[0].Text);
        Assert.Equal(["<5", "x"], table.Flows.Skip(1).Select(f => f.Text).Order(StringComparer.Ordinal));
        Assert.All(table.Flows.Skip(1), f => Assert.Null(f.Victims));
        // Sindh as origin carries both hidden routes: its count (11) would give away nothing, but it is withheld with them.
        Assert.Equal("x", table.Origins.Single(o => o.Group == "Sindh").Text);
        Assert.Equal("40", table.Origins.Single(o => o.Group == "Punjab").Text);
        Assert.Equal(VictimRoutes.Direct, Assert.Single(table.Transits).Group);
    }

    [Fact]
    public void Compute_OnePersonInTwoCases_CountsOncePerRoute()
    {
        var person = Guid.NewGuid();
        var (p1, p2) = (Guid.NewGuid(), Guid.NewGuid());
        var (c1, c2) = (CaseId.New(), CaseId.New());
        VictimRoutes.Place[] events =
        [
            new(c1, EventType.Recruitment, "2025-01", "PK", "Sindh", "Karachi", []),
            new(c1, EventType.Exploitation, "2025-02", "PK", "Punjab", "Kasur", []),
            new(c2, EventType.Recruitment, "2025-05", "PK", "Sindh", "Karachi", []),
            new(c2, EventType.Exploitation, "2025-06", "PK", "Punjab", "Kasur", []),
        ];

        var response = VictimRoutes.Compute(VictimRoutes.Level.Province, 2025, [(p1, c1, person), (p2, c2, person)], events);

        Assert.Equal(1, response.VictimsWithRoute);
        Assert.Equal(1, Assert.Single(response.Flows).Victims);
    }
}
