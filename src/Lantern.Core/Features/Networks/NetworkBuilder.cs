using System.Runtime.InteropServices;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// Collects nodes and edges and builds a <see cref="NetworkGraph"/>. A node is named by its type and a key (a case
/// id, a normalised phone number or CNIC, a person id...), so a record reader can add what it sees without knowing
/// whether it was seen before: the same (type, key) always gives the same node id. Edges are undirected; the same
/// edge (two nodes and a type) added twice becomes one, its dates widened to cover both. Not thread-safe.
/// </summary>
public sealed class NetworkBuilder
{
    /// <summary>Node ids must fit in 28 bits for the packed sort key of <see cref="Build"/>.</summary>
    public const int MaxNodes = 1 << 28;

    private readonly Dictionary<(NodeType, string), int> ids;
    private readonly List<NodeType> types;
    private readonly List<string> keys;
    private readonly List<ulong> edgeKeys;
    private readonly List<int> edgeFrom;
    private readonly List<int> edgeTo;

    public NetworkBuilder(int expectedNodes = 0, int expectedEdges = 0)
    {
        ids = new Dictionary<(NodeType, string), int>(expectedNodes);
        types = new List<NodeType>(expectedNodes);
        keys = new List<string>(expectedNodes);
        edgeKeys = new List<ulong>(expectedEdges);
        edgeFrom = new List<int>(expectedEdges);
        edgeTo = new List<int>(expectedEdges);
    }

    public int NodeCount => types.Count;

    /// <summary>Edges added so far, before duplicates are merged.</summary>
    public int EdgesAdded => edgeKeys.Count;

    /// <summary>The id of the node (type, key), added if it is new.</summary>
    public int Node(NodeType type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, (type, key), out var exists);
        if (!exists)
        {
            if (types.Count >= MaxNodes)
            {
                ids.Remove((type, key));
                throw new InvalidOperationException($"A network holds at most {MaxNodes} nodes.");
            }
            id = types.Count;
            types.Add(type);
            keys.Add(key);
        }
        return id;
    }

    /// <summary>The id of the node (type, key), or -1 if it was never added.</summary>
    public int Find(NodeType type, string key) => ids.TryGetValue((type, key), out var id) ? id : -1;

    /// <summary>Adds an undirected edge; <paramref name="from"/> and <paramref name="to"/> bound when it held, if known.</summary>
    public void Edge(int a, int b, EdgeType type, DateOnly? from = null, DateOnly? to = null)
    {
        if ((uint)a >= (uint)types.Count || (uint)b >= (uint)types.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "An edge joins two nodes added before.");
        }
        if (a == b)
        {
            return; // a node related to itself says nothing about the network
        }
        var f = from?.DayNumber ?? NetworkGraph.OpenStart;
        var t = to?.DayNumber ?? NetworkGraph.OpenEnd;
        if (f > t)
        {
            throw new ArgumentException("An edge cannot end before it starts.", nameof(to));
        }
        var (lo, hi) = a < b ? (a, b) : (b, a);
        edgeKeys.Add(((ulong)lo << 36) | ((ulong)hi << 8) | (byte)type);
        edgeFrom.Add(f);
        edgeTo.Add(t);
    }

    /// <summary>Adds an edge between (typeA, keyA) and (typeB, keyB), adding the nodes if they are new.</summary>
    public void Edge(NodeType typeA, string keyA, NodeType typeB, string keyB, EdgeType type, DateOnly? from = null, DateOnly? to = null)
        => Edge(Node(typeA, keyA), Node(typeB, keyB), type, from, to);

    /// <summary>
    /// The graph in compressed sparse row form. Edges are sorted by their packed (low node, high node, type) key and
    /// merged; each node's neighbours then come out in ascending order, which the queries use to skip parallel edges.
    /// </summary>
    public NetworkGraph Build()
    {
        var n = types.Count;
        var sortedKeys = edgeKeys.ToArray();
        var order = new int[sortedKeys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(sortedKeys, order);

        // Merge duplicates in place: m unique edges remain at the front.
        var from = new int[sortedKeys.Length];
        var to = new int[sortedKeys.Length];
        var m = 0;
        for (var i = 0; i < sortedKeys.Length; i++)
        {
            var f = edgeFrom[order[i]];
            var t = edgeTo[order[i]];
            if (m > 0 && sortedKeys[m - 1] == sortedKeys[i])
            {
                from[m - 1] = Math.Min(from[m - 1], f);
                to[m - 1] = Math.Max(to[m - 1], t);
                continue;
            }
            sortedKeys[m] = sortedKeys[i];
            from[m] = f;
            to[m] = t;
            m++;
        }
        order = [];

        var edgeA = new int[m];
        var edgeB = new int[m];
        var edgeType = new EdgeType[m];
        var offsets = new int[n + 1];
        for (var e = 0; e < m; e++)
        {
            var k = sortedKeys[e];
            edgeA[e] = (int)(k >> 36);
            edgeB[e] = (int)((k >> 8) & 0x0FFF_FFFF);
            edgeType[e] = (EdgeType)(byte)k;
            offsets[edgeA[e] + 1]++;
            offsets[edgeB[e] + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        var next = offsets[..^1];
        var neighbours = new int[2 * m];
        var incident = new int[2 * m];
        for (var e = 0; e < m; e++)
        {
            var a = edgeA[e];
            var b = edgeB[e];
            neighbours[next[a]] = b;
            incident[next[a]++] = e;
            neighbours[next[b]] = a;
            incident[next[b]++] = e;
        }
        return new NetworkGraph(
            [.. types], [.. keys], offsets, neighbours, incident,
            edgeA, edgeB, edgeType, from.AsSpan(0, m).ToArray(), to.AsSpan(0, m).ToArray());
    }
}
