namespace Lantern.Core.Features.Networks;

/// <summary>
/// The nodes within k hops of a node, breadth first, and the edges between them. Nodes the filter refuses (not
/// visible, or of a type not asked for) are not returned and not walked through; edges of other types or outside the
/// date window are not followed. Stops at the node limit, nearest nodes first, and says so.
/// </summary>
public static class Neighbourhood
{
    public const int DefaultNodeLimit = 5_000;

    /// <summary>A node found and its distance in hops from the start.</summary>
    public readonly record struct Reached(int Node, int Hops);

    public sealed record Result(IReadOnlyList<Reached> Nodes, IReadOnlyList<int> Edges, bool Truncated)
    {
        public static Result Empty { get; } = new([], [], false);
    }

    /// <summary>Empty when the start is not visible (a hidden node looks exactly like an unknown one).</summary>
    public static Result Around(NetworkGraph graph, int start, int hops, NetworkFilter filter, int nodeLimit = DefaultNodeLimit)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(hops);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodeLimit);
        if ((uint)start >= (uint)graph.NodeCount || !filter.Admits(graph, start))
        {
            return Result.Empty;
        }

        // Distances of the nodes taken; -1 marks a node looked at and refused, so the filter runs once per node.
        var seen = new Dictionary<int, int> { [start] = 0 };
        var nodes = new List<Reached> { new(start, 0) };
        var truncated = false;
        var frontierStart = 0;
        for (var hop = 1; hop <= hops && !truncated; hop++)
        {
            var frontierEnd = nodes.Count;
            for (var f = frontierStart; f < frontierEnd && !truncated; f++)
            {
                var v = nodes[f].Node;
                var neighbours = graph.Neighbours(v);
                var incident = graph.IncidentEdges(v);
                for (var i = 0; i < neighbours.Length; i++)
                {
                    var w = neighbours[i];
                    if (seen.ContainsKey(w) || (filter.FiltersEdges && !filter.AdmitsEdge(graph, incident[i])))
                    {
                        continue;
                    }
                    if (!filter.Admits(graph, w))
                    {
                        seen[w] = -1;
                        continue;
                    }
                    if (nodes.Count == nodeLimit)
                    {
                        truncated = true;
                        break;
                    }
                    seen[w] = hop;
                    nodes.Add(new Reached(w, hop));
                }
            }
            frontierStart = frontierEnd;
        }

        // Every admitted edge between two nodes taken, each once (from its lower end).
        var edges = new List<int>();
        foreach (var (v, _) in nodes)
        {
            var neighbours = graph.Neighbours(v);
            var incident = graph.IncidentEdges(v);
            for (var i = 0; i < neighbours.Length; i++)
            {
                var w = neighbours[i];
                if (w > v && seen.TryGetValue(w, out var d) && d >= 0
                    && (!filter.FiltersEdges || filter.AdmitsEdge(graph, incident[i])))
                {
                    edges.Add(incident[i]);
                }
            }
        }
        return new Result(nodes, edges, truncated);
    }
}
