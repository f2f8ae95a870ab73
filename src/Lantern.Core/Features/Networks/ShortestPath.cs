namespace Lantern.Core.Features.Networks;

/// <summary>
/// A shortest path (fewest hops) between two nodes, by breadth-first search from both ends at once, always growing
/// the smaller side, so two nodes a few hops apart in a million-node network meet after a few thousand steps. Only
/// nodes and edges the filter admits are used: when the one broker between two groups is hidden, there is no path.
/// </summary>
public static class ShortestPath
{
    /// <summary>The nodes from one end to the other and the edges between them.</summary>
    public sealed record Result(IReadOnlyList<int> Nodes, IReadOnlyList<int> Edges)
    {
        public int Hops => Edges.Count;
    }

    /// <summary>Null when there is no path, or when either end is not visible (which looks the same).</summary>
    public static Result? Between(NetworkGraph graph, int from, int to, NetworkFilter filter, int maxHops = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        if ((uint)from >= (uint)graph.NodeCount || (uint)to >= (uint)graph.NodeCount
            || !filter.Admits(graph, from) || !filter.Admits(graph, to))
        {
            return null;
        }
        if (from == to)
        {
            return new Result([from], []);
        }

        // For each side: node -> the edge it was reached by (-1 at the start).
        var sides = new[] { new Dictionary<int, int> { [from] = -1 }, new Dictionary<int, int> { [to] = -1 } };
        var frontiers = new[] { new List<int> { from }, new List<int> { to } };
        var refused = new HashSet<int>();
        for (var hops = 0; hops < maxHops && frontiers[0].Count > 0 && frontiers[1].Count > 0; hops++)
        {
            var s = frontiers[0].Count <= frontiers[1].Count ? 0 : 1;
            var mine = sides[s];
            var theirs = sides[1 - s];
            var next = new List<int>();
            var meet = -1;
            foreach (var v in frontiers[s])
            {
                var neighbours = graph.Neighbours(v);
                var incident = graph.IncidentEdges(v);
                for (var i = 0; i < neighbours.Length && meet < 0; i++)
                {
                    var w = neighbours[i];
                    if (mine.ContainsKey(w) || refused.Contains(w)
                        || (filter.FiltersEdges && !filter.AdmitsEdge(graph, incident[i])))
                    {
                        continue;
                    }
                    if (!filter.Admits(graph, w))
                    {
                        refused.Add(w);
                        continue;
                    }
                    mine[w] = incident[i];
                    if (theirs.ContainsKey(w))
                    {
                        meet = w;
                    }
                    next.Add(w);
                }
                if (meet >= 0)
                {
                    return Join(graph, sides[0], sides[1], meet);
                }
            }
            frontiers[s] = next;
        }
        return null;
    }

    private static Result Join(NetworkGraph graph, Dictionary<int, int> fromSide, Dictionary<int, int> toSide, int meet)
    {
        var nodes = new List<int> { meet };
        var edges = new List<int>();
        for (var v = meet; fromSide[v] >= 0;)
        {
            var e = fromSide[v];
            edges.Add(e);
            v = Other(graph, e, v);
            nodes.Add(v);
        }
        nodes.Reverse();
        edges.Reverse();
        for (var v = meet; toSide[v] >= 0;)
        {
            var e = toSide[v];
            edges.Add(e);
            v = Other(graph, e, v);
            nodes.Add(v);
        }
        return new Result(nodes, edges);
    }

    private static int Other(NetworkGraph graph, int edge, int node)
        => graph.EdgeSource(edge) == node ? graph.EdgeTarget(edge) : graph.EdgeSource(edge);
}
