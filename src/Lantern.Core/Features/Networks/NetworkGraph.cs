namespace Lantern.Core.Features.Networks;

/// <summary>
/// An immutable, undirected network in compressed sparse row form: node ids are 0..NodeCount-1, each node's
/// neighbours are a slice of one array, in ascending order (parallel edges of different types next to each other),
/// with the id of the edge behind each entry alongside. About 4 bytes per node plus 30 bytes per edge, and the node
/// keys. Safe to share between threads; every query takes the caller's visibility (see <see cref="NetworkFilter"/>).
/// </summary>
public sealed class NetworkGraph
{
    /// <summary>The day number of an edge with no known start.</summary>
    public const int OpenStart = int.MinValue;

    /// <summary>The day number of an edge with no known end.</summary>
    public const int OpenEnd = int.MaxValue;

    private readonly NodeType[] types;
    private readonly string[] keys;
    private readonly int[] offsets;
    private readonly int[] neighbours;
    private readonly int[] incident;
    private readonly int[] edgeA;
    private readonly int[] edgeB;
    private readonly EdgeType[] edgeType;
    private readonly int[] edgeFrom;
    private readonly int[] edgeTo;

    internal NetworkGraph(
        NodeType[] types, string[] keys, int[] offsets, int[] neighbours, int[] incident,
        int[] edgeA, int[] edgeB, EdgeType[] edgeType, int[] edgeFrom, int[] edgeTo)
    {
        this.types = types;
        this.keys = keys;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.incident = incident;
        this.edgeA = edgeA;
        this.edgeB = edgeB;
        this.edgeType = edgeType;
        this.edgeFrom = edgeFrom;
        this.edgeTo = edgeTo;
    }

    public int NodeCount => types.Length;

    public int EdgeCount => edgeA.Length;

    public NodeType TypeOf(int node) => types[node];

    public string KeyOf(int node) => keys[node];

    /// <summary>Edges at the node, parallel ones counted (for the number of distinct neighbours see <see cref="Centrality.Degree"/>).</summary>
    public int EdgesAt(int node) => offsets[node + 1] - offsets[node];

    /// <summary>The node's neighbours in ascending order, one entry per edge.</summary>
    public ReadOnlySpan<int> Neighbours(int node) => neighbours.AsSpan(offsets[node], offsets[node + 1] - offsets[node]);

    /// <summary>The edge ids behind <see cref="Neighbours"/>, entry by entry.</summary>
    public ReadOnlySpan<int> IncidentEdges(int node) => incident.AsSpan(offsets[node], offsets[node + 1] - offsets[node]);

    public NetworkEdge Edge(int edge) => new(edge, edgeA[edge], edgeB[edge], edgeType[edge],
        edgeFrom[edge] == OpenStart ? null : DateOnly.FromDayNumber(edgeFrom[edge]),
        edgeTo[edge] == OpenEnd ? null : DateOnly.FromDayNumber(edgeTo[edge]));

    public EdgeType EdgeTypeOf(int edge) => edgeType[edge];

    /// <summary>The edge's lower node id.</summary>
    public int EdgeSource(int edge) => edgeA[edge];

    /// <summary>The edge's higher node id.</summary>
    public int EdgeTarget(int edge) => edgeB[edge];

    /// <summary>Whether the edge held at some time in [from, to] (day numbers, inclusive); undated edges always do.</summary>
    public bool EdgeOverlaps(int edge, int from, int to) => edgeFrom[edge] <= to && edgeTo[edge] >= from;

    /// <summary>The id of the node (type, key), or -1. A linear scan: keep the builder's ids for repeated look-ups.</summary>
    public int Find(NodeType type, string key)
    {
        for (var v = 0; v < types.Length; v++)
        {
            if (types[v] == type && string.Equals(keys[v], key, StringComparison.Ordinal))
            {
                return v;
            }
        }
        return -1;
    }

    /// <summary>Bytes held by the arrays (node keys counted by their characters), for the benchmark's figures.</summary>
    public long ArrayBytes()
    {
        long bytes = types.Length + (4L * offsets.Length) + (4L * neighbours.Length) + (4L * incident.Length)
            + (13L * edgeA.Length) + (8L * keys.Length);
        foreach (var k in keys)
        {
            bytes += 22 + (2L * k.Length);
        }
        return bytes;
    }
}

/// <summary>One edge: its id, its two nodes (lower id first), its type and when it held, if known.</summary>
public readonly record struct NetworkEdge(int Id, int Source, int Target, EdgeType Type, DateOnly? From, DateOnly? To);
