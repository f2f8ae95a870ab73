using Lantern.Core.Common;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// What a query may see and follow. The visibility predicate is the user's visibility and is never optional: a node it
/// refuses is neither returned nor traversed, and neither is any edge touching it, so a hidden broker splits the
/// network exactly as if he were not in it. Node and edge types and a date window narrow further; an edge with no
/// dates passes every window.
/// </summary>
public sealed class NetworkFilter
{
    private const uint AllTypes = uint.MaxValue;

    private readonly Func<int, bool> visible;
    private readonly uint nodeTypes;
    private readonly uint edgeTypes;
    private readonly int from;
    private readonly int to;

    public NetworkFilter(
        Func<int, bool> visible,
        IEnumerable<NodeType>? nodeTypes = null,
        IEnumerable<EdgeType>? edgeTypes = null,
        DateOnly? from = null,
        DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(visible);
        this.visible = visible;
        this.nodeTypes = nodeTypes is null ? AllTypes : nodeTypes.Aggregate(0u, (mask, t) => mask | (1u << (int)t));
        this.edgeTypes = edgeTypes is null ? AllTypes : edgeTypes.Aggregate(0u, (mask, t) => mask | (1u << (int)t));
        this.from = from?.DayNumber ?? NetworkGraph.OpenStart;
        this.to = to?.DayNumber ?? NetworkGraph.OpenEnd;
        if (this.from > this.to)
        {
            throw new ValidationException("to", "The end of the date window is before its start.");
        }
        FiltersEdges = this.edgeTypes != AllTypes || this.from != NetworkGraph.OpenStart || this.to != NetworkGraph.OpenEnd;
    }

    /// <summary>Every node visible, nothing narrowed: for system jobs and tests, never for a user's query.</summary>
    public static NetworkFilter Everything { get; } = new(_ => true);

    /// <summary>Whether edges are narrowed by type or date (when not, queries skip the per-edge check).</summary>
    public bool FiltersEdges { get; }

    public bool Admits(NetworkGraph graph, int node)
        => (nodeTypes & (1u << (int)graph.TypeOf(node))) != 0 && visible(node);

    public bool AdmitsEdge(NetworkGraph graph, int edge)
        => (edgeTypes & (1u << (int)graph.EdgeTypeOf(edge))) != 0 && graph.EdgeOverlaps(edge, from, to);

    /// <summary>The filter's answer for every node at once, for the queries that walk the whole network.</summary>
    public bool[] AdmittedNodes(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var admitted = new bool[graph.NodeCount];
        for (var v = 0; v < admitted.Length; v++)
        {
            admitted[v] = Admits(graph, v);
        }
        return admitted;
    }
}

/// <summary>A set of node ids as a bitset (125 KB per million nodes): the nodes a user may see, built once per request.</summary>
public sealed class NodeSet
{
    private readonly ulong[] bits;

    public NodeSet(int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        bits = new ulong[(nodeCount + 63) / 64];
        Capacity = nodeCount;
    }

    public int Capacity { get; }

    public void Add(int node) => bits[node >> 6] |= 1UL << node;

    public void Remove(int node) => bits[node >> 6] &= ~(1UL << node);

    /// <summary>Whether the node is in the set; ids outside the set's range are not.</summary>
    public bool Contains(int node) => (uint)node < (uint)Capacity && (bits[node >> 6] & (1UL << node)) != 0;
}
