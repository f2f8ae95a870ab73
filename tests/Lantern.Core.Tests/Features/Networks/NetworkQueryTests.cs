using System.Xml.Linq;
using Lantern.Core.Features.Networks;

namespace Lantern.Core.Tests.Features.Networks;

public sealed class NetworkQueryTests
{
    private static readonly DateOnly Y2019 = new(2019, 3, 1);
    private static readonly DateOnly Y2025 = new(2025, 1, 10);

    /// <summary>
    /// Aslam and Bilal share a phone; Aslam is in FIR-1 (2025), Bilal in FIR-2 (2019) with Kamran, who holds CNIC-9.
    /// </summary>
    private static (NetworkGraph Graph, NetworkBuilder Builder) SharedPhone()
    {
        var b = new NetworkBuilder();
        b.Edge(NodeType.Person, "aslam", NodeType.Phone, "03001234567", EdgeType.Uses);
        b.Edge(NodeType.Person, "bilal", NodeType.Phone, "03001234567", EdgeType.Uses);
        b.Edge(NodeType.Person, "aslam", NodeType.Case, "FIR-1", EdgeType.ParticipatesIn, Y2025, Y2025);
        b.Edge(NodeType.Person, "bilal", NodeType.Case, "FIR-2", EdgeType.ParticipatesIn, Y2019, Y2019);
        b.Edge(NodeType.Person, "kamran", NodeType.Case, "FIR-2", EdgeType.ParticipatesIn, Y2019, Y2019);
        b.Edge(NodeType.Person, "kamran", NodeType.IdentityDocument, "CNIC-9", EdgeType.Holds);
        return (b.Build(), b);
    }

    /// <summary>Two cliques of five (a0..a4, b0..b4); a0 and b0 each tied to the broker x only.</summary>
    private static (NetworkGraph Graph, int[] A, int[] B, int Broker) CliquesAndBroker(bool direct = false)
    {
        var builder = new NetworkBuilder();
        var a = Enumerable.Range(0, 5).Select(i => builder.Node(NodeType.Person, "a" + i)).ToArray();
        var bs = Enumerable.Range(0, 5).Select(i => builder.Node(NodeType.Person, "b" + i)).ToArray();
        var x = builder.Node(NodeType.Person, "broker");
        foreach (var group in new[] { a, bs })
        {
            for (var i = 0; i < group.Length; i++)
            {
                for (var j = i + 1; j < group.Length; j++)
                {
                    builder.Edge(group[i], group[j], EdgeType.Contacted);
                }
            }
        }
        if (direct)
        {
            builder.Edge(a[0], bs[0], EdgeType.Contacted);
        }
        else
        {
            builder.Edge(a[0], x, EdgeType.Contacted);
            builder.Edge(x, bs[0], EdgeType.Contacted);
        }
        return (builder.Build(), a, bs, x);
    }

    private static NetworkFilter Hiding(params int[] hidden) => new(v => !hidden.Contains(v));

    private static string[] Keys(NetworkGraph graph, Neighbourhood.Result result) =>
        [.. result.Nodes.Select(r => graph.KeyOf(r.Node)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Builder_SameNodeAndEdgeTwice_MergesThemAndWidensDates()
    {
        var b = new NetworkBuilder();
        var p = b.Node(NodeType.Person, "p1");
        var c = b.Node(NodeType.Case, "c1");
        Assert.Equal(p, b.Node(NodeType.Person, "p1"));
        Assert.NotEqual(p, b.Node(NodeType.Phone, "p1"));
        b.Edge(p, c, EdgeType.ParticipatesIn, new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 1));
        b.Edge(c, p, EdgeType.ParticipatesIn, new DateOnly(2019, 1, 1), new DateOnly(2020, 2, 1));
        b.Edge(p, c, EdgeType.Other);
        b.Edge(p, p, EdgeType.Other);

        var graph = b.Build();

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(2, graph.EdgeCount);
        var participation = Enumerable.Range(0, graph.EdgeCount).Select(graph.Edge).Single(e => e.Type == EdgeType.ParticipatesIn);
        Assert.Equal(new DateOnly(2019, 1, 1), participation.From);
        Assert.Equal(new DateOnly(2020, 6, 1), participation.To);
        Assert.Equal([c, c], graph.Neighbours(p).ToArray());
    }

    [Fact]
    public void Builder_NeighboursOfEveryNode_AreInAscendingOrder()
    {
        var random = new Random(5);
        var b = new NetworkBuilder();
        for (var v = 0; v < 200; v++)
        {
            b.Node(NodeType.Person, "p" + v);
        }
        for (var e = 0; e < 1_000; e++)
        {
            b.Edge(random.Next(200), random.Next(200), (EdgeType)random.Next(3));
        }
        var graph = b.Build();

        for (var v = 0; v < graph.NodeCount; v++)
        {
            var neighbours = graph.Neighbours(v).ToArray();
            Assert.Equal(neighbours.Order(), neighbours);
            var incident = graph.IncidentEdges(v).ToArray();
            for (var i = 0; i < neighbours.Length; i++)
            {
                var edge = graph.Edge(incident[i]);
                Assert.True(edge.Source == v && edge.Target == neighbours[i] || edge.Target == v && edge.Source == neighbours[i]);
            }
        }
    }

    [Fact]
    public void Around_OneAndTwoHops_ReachesDirectThenSharedPhoneContacts()
    {
        var (graph, b) = SharedPhone();
        var aslam = b.Find(NodeType.Person, "aslam");

        var one = Neighbourhood.Around(graph, aslam, 1, NetworkFilter.Everything);
        var two = Neighbourhood.Around(graph, aslam, 2, NetworkFilter.Everything);

        Assert.Equal(["03001234567", "FIR-1", "aslam"], Keys(graph, one));
        Assert.Equal(["03001234567", "FIR-1", "aslam", "bilal"], Keys(graph, two));
        Assert.Equal(2, two.Nodes.Single(r => graph.KeyOf(r.Node) == "bilal").Hops);
        Assert.Equal(3, two.Edges.Count);
        Assert.False(two.Truncated);
    }

    [Fact]
    public void Around_PhonesLeftOut_DoesNotWalkThroughThePhone()
    {
        var (graph, b) = SharedPhone();
        var filter = new NetworkFilter(_ => true, nodeTypes: [NodeType.Person, NodeType.Case]);

        var result = Neighbourhood.Around(graph, b.Find(NodeType.Person, "aslam"), 2, filter);

        Assert.Equal(["FIR-1", "aslam"], Keys(graph, result));
    }

    [Fact]
    public void Around_DateWindowBefore2020_FollowsOnlyEdgesOfThatTimeAndUndatedOnes()
    {
        var (graph, b) = SharedPhone();
        var filter = new NetworkFilter(_ => true, from: new DateOnly(2018, 1, 1), to: new DateOnly(2019, 12, 31));

        var fromAslam = Neighbourhood.Around(graph, b.Find(NodeType.Person, "aslam"), 3, filter);
        var fromBilal = Neighbourhood.Around(graph, b.Find(NodeType.Person, "bilal"), 2, filter);

        Assert.Equal(["03001234567", "FIR-2", "aslam", "bilal"], Keys(graph, fromAslam));
        Assert.Equal(["03001234567", "FIR-2", "aslam", "bilal", "kamran"], Keys(graph, fromBilal));
    }

    [Fact]
    public void Around_EdgeTypesOnlyUses_StaysOnPhoneUse()
    {
        var (graph, b) = SharedPhone();
        var filter = new NetworkFilter(_ => true, edgeTypes: [EdgeType.Uses]);

        var result = Neighbourhood.Around(graph, b.Find(NodeType.Person, "bilal"), 2, filter);

        Assert.Equal(["03001234567", "aslam", "bilal"], Keys(graph, result));
    }

    [Fact]
    public void Around_NodeLimitReached_StopsNearestFirstAndSaysSo()
    {
        var (graph, b) = SharedPhone();

        var result = Neighbourhood.Around(graph, b.Find(NodeType.Person, "aslam"), 2, NetworkFilter.Everything, nodeLimit: 3);

        Assert.True(result.Truncated);
        Assert.Equal(3, result.Nodes.Count);
        Assert.All(result.Nodes, r => Assert.True(r.Hops <= 1));
    }

    [Fact]
    public void Around_HiddenStartOrHiddenPhone_ReturnsNothingOrStopsThere()
    {
        var (graph, b) = SharedPhone();
        var aslam = b.Find(NodeType.Person, "aslam");
        var phone = b.Find(NodeType.Phone, "03001234567");

        Assert.Empty(Neighbourhood.Around(graph, aslam, 2, Hiding(aslam)).Nodes);
        Assert.Equal(["FIR-1", "aslam"], Keys(graph, Neighbourhood.Around(graph, aslam, 3, Hiding(phone))));
    }

    [Fact]
    public void Between_ChainOfRecords_ReturnsTheShortestPathInOrder()
    {
        var (graph, b) = SharedPhone();
        var aslam = b.Find(NodeType.Person, "aslam");
        var cnic = b.Find(NodeType.IdentityDocument, "CNIC-9");

        var path = ShortestPath.Between(graph, aslam, cnic, NetworkFilter.Everything);

        Assert.NotNull(path);
        Assert.Equal(["aslam", "03001234567", "bilal", "FIR-2", "kamran", "CNIC-9"], path.Nodes.Select(graph.KeyOf));
        Assert.Equal(5, path.Hops);
        for (var i = 0; i < path.Edges.Count; i++)
        {
            var e = graph.Edge(path.Edges[i]);
            Assert.Equal(new[] { path.Nodes[i], path.Nodes[i + 1] }.Order(), new[] { e.Source, e.Target });
        }
    }

    [Fact]
    public void Between_ShortcutExists_TakesIt()
    {
        var (graph, a, bs, _) = CliquesAndBroker();

        var path = ShortestPath.Between(graph, a[3], bs[4], NetworkFilter.Everything);

        Assert.NotNull(path);
        Assert.Equal(4, path.Hops);
    }

    [Fact]
    public void Between_HiddenBroker_NoPath()
    {
        var (graph, a, bs, broker) = CliquesAndBroker();

        Assert.NotNull(ShortestPath.Between(graph, a[1], bs[1], NetworkFilter.Everything));
        Assert.Null(ShortestPath.Between(graph, a[1], bs[1], Hiding(broker)));
        Assert.Null(ShortestPath.Between(graph, a[1], broker, Hiding(broker)));
    }

    [Fact]
    public void Find_HiddenBroker_SplitsOneComponentInTwo()
    {
        var (graph, a, bs, broker) = CliquesAndBroker();

        var all = Components.Find(graph, NetworkFilter.Everything);
        var hidden = Components.Find(graph, Hiding(broker));

        Assert.Equal(1, all.Count);
        Assert.Equal([11], all.Sizes);
        Assert.Equal(2, hidden.Count);
        Assert.Equal([5, 5], hidden.Sizes);
        Assert.Equal(-1, hidden.Of[broker]);
        Assert.NotEqual(hidden.Of[a[0]], hidden.Of[bs[0]]);
        Assert.Equal(a.Order(), hidden.Members(hidden.Of[a[2]]));
    }

    [Fact]
    public void Degree_StarWithParallelEdges_CountsDistinctVisibleNeighbours()
    {
        var b = new NetworkBuilder();
        var centre = b.Node(NodeType.Phone, "centre");
        var leaves = Enumerable.Range(0, 4).Select(i => b.Node(NodeType.Person, "leaf" + i)).ToArray();
        foreach (var leaf in leaves)
        {
            b.Edge(centre, leaf, EdgeType.Uses);
            b.Edge(centre, leaf, EdgeType.Contacted);
        }
        var graph = b.Build();

        Assert.Equal(4, Centrality.Degree(graph, NetworkFilter.Everything)[centre]);
        Assert.Equal(3, Centrality.Degree(graph, Hiding(leaves[0]))[centre]);
        Assert.Equal(0, Centrality.Degree(graph, Hiding(leaves[0]))[leaves[0]]);
    }

    [Fact]
    public void Betweenness_TwoCliquesThroughABroker_BrokerScoresHighestExactly()
    {
        var (graph, a, bs, broker) = CliquesAndBroker();

        var score = Centrality.Betweenness(graph, NetworkFilter.Everything);

        Assert.Equal(25, score[broker], 9); // 5 x 5 pairs across
        Assert.Equal(24, score[a[0]], 9); // a1..a4 to the broker and the six beyond
        Assert.Equal(24, score[bs[0]], 9);
        Assert.Equal(0, score[a[3]], 9);
        Assert.Equal(broker, Centrality.Top(score, 1)[0].Node);
    }

    [Fact]
    public void Betweenness_BrokerHidden_ScoresNothingAndNobodyBridges()
    {
        var (graph, a, _, broker) = CliquesAndBroker();

        var score = Centrality.Betweenness(graph, Hiding(broker));

        Assert.Equal(0, score[broker]);
        Assert.Equal(0, score[a[0]], 9);
    }

    [Fact]
    public void Betweenness_LargePathSampledWithPivots_EstimatesTheMiddleClosely()
    {
        const int n = 6_001;
        var b = new NetworkBuilder();
        for (var v = 0; v < n; v++)
        {
            b.Node(NodeType.Person, "p" + v);
        }
        for (var v = 1; v < n; v++)
        {
            b.Edge(v - 1, v, EdgeType.Contacted);
        }
        var graph = b.Build();

        var score = Centrality.Betweenness(graph, NetworkFilter.Everything, pivots: 300, seed: 3);

        const double exact = 3_000.0 * 3_000.0;
        Assert.InRange(score[3_000], exact * 0.8, exact * 1.2);
        Assert.Equal(0, score[0]);
        Assert.InRange(Centrality.Top(score, 1)[0].Node, 2_400, 3_600);
    }

    [Fact]
    public void Find_TwoCliquesJoinedByOneEdge_TwoCommunities()
    {
        var (graph, a, bs, broker) = CliquesAndBroker(direct: true);

        var result = Communities.Find(graph, Hiding(broker));

        Assert.Equal(2, result.Count);
        Assert.All(a, v => Assert.Equal(result.Of[a[0]], result.Of[v]));
        Assert.All(bs, v => Assert.Equal(result.Of[bs[0]], result.Of[v]));
        Assert.NotEqual(result.Of[a[0]], result.Of[bs[0]]);
        Assert.Equal(-1, result.Of[broker]);
        Assert.InRange(result.Modularity, 0.4, 0.5); // 2 x (10/21 - 1/4) = 0.452
    }

    [Fact]
    public void NodeSet_AddedAndOutOfRange_ContainsOnlyAdded()
    {
        var set = new NodeSet(100);
        set.Add(0);
        set.Add(64);
        set.Add(99);
        set.Remove(64);

        Assert.True(set.Contains(0));
        Assert.True(set.Contains(99));
        Assert.False(set.Contains(64));
        Assert.False(set.Contains(1));
        Assert.False(set.Contains(100));
        Assert.False(set.Contains(-1));
    }

    [Fact]
    public void WriteGraphMl_HiddenBroker_WellFormedWithVisibleNodesAndEdgesOnly()
    {
        var (graph, _, _, broker) = CliquesAndBroker();
        var visible = new NodeSet(graph.NodeCount);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (v != broker)
            {
                visible.Add(v);
            }
        }
        using var stream = new MemoryStream();

        NetworkExport.WriteGraphMl(graph, new NetworkFilter(visible.Contains), stream);

        stream.Position = 0;
        var doc = XDocument.Load(stream);
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        var nodes = doc.Descendants(ns + "node").ToList();
        var edges = doc.Descendants(ns + "edge").ToList();
        Assert.Equal(10, nodes.Count);
        Assert.Equal(20, edges.Count);
        Assert.DoesNotContain(nodes, n => n.Elements(ns + "data").Any(d => d.Value == "broker"));
        var ids = nodes.Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.All(edges, e => Assert.Contains((string)e.Attribute("source")!, ids));
        Assert.All(edges, e => Assert.Contains((string)e.Attribute("target")!, ids));
        Assert.Equal("undirected", (string)doc.Descendants(ns + "graph").Single().Attribute("edgedefault")!);
    }

    [Fact]
    public void WriteCsv_SharedPhone_GephiHeadersAndOneRowPerNodeAndEdge()
    {
        var (graph, _) = SharedPhone();
        using var nodes = new StringWriter();
        using var edges = new StringWriter();

        NetworkExport.WriteNodesCsv(graph, NetworkFilter.Everything, nodes);
        NetworkExport.WriteEdgesCsv(graph, NetworkFilter.Everything, edges);

        var nodeLines = nodes.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var edgeLines = edges.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Id,Label,type", nodeLines[0]);
        Assert.Equal(1 + graph.NodeCount, nodeLines.Length);
        Assert.Contains("n1,03001234567,Phone", nodeLines);
        Assert.Equal("Source,Target,Type,Id,relation,from,to", edgeLines[0]);
        Assert.Equal(1 + graph.EdgeCount, edgeLines.Length);
        Assert.Contains(edgeLines, l => l.EndsWith(",ParticipatesIn,2025-01-10,2025-01-10", StringComparison.Ordinal));
    }
}
