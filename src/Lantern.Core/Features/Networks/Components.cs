namespace Lantern.Core.Features.Networks;

/// <summary>
/// Connected components of what the filter admits, by union-find over the edges (path halving, union by size):
/// one pass over the edge list, no recursion, so a million nodes cost a few megabytes.
/// </summary>
public static class Components
{
    /// <summary>
    /// <see cref="Of"/> holds each node's component (0-based, numbered by their first node) or -1 for a node not
    /// admitted; <see cref="Sizes"/> the number of nodes in each.
    /// </summary>
    public sealed record Result(int[] Of, int[] Sizes)
    {
        public int Count => Sizes.Length;

        /// <summary>The nodes of one component, in ascending order.</summary>
        public IReadOnlyList<int> Members(int component)
        {
            var members = new List<int>(Sizes[component]);
            for (var v = 0; v < Of.Length; v++)
            {
                if (Of[v] == component)
                {
                    members.Add(v);
                }
            }
            return members;
        }
    }

    public static Result Find(NetworkGraph graph, NetworkFilter filter)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        var admitted = filter.AdmittedNodes(graph);
        var n = graph.NodeCount;
        var parent = new int[n];
        var size = new int[n];
        for (var v = 0; v < n; v++)
        {
            parent[v] = v;
            size[v] = 1;
        }
        int Root(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var a = graph.EdgeSource(e);
            var b = graph.EdgeTarget(e);
            if (!admitted[a] || !admitted[b] || (filter.FiltersEdges && !filter.AdmitsEdge(graph, e)))
            {
                continue;
            }
            a = Root(a);
            b = Root(b);
            if (a == b)
            {
                continue;
            }
            if (size[a] < size[b])
            {
                (a, b) = (b, a);
            }
            parent[b] = a;
            size[a] += size[b];
        }

        // Number the components by their first node; reuse size[] as root -> component number.
        var of = new int[n];
        var sizes = new List<int>();
        Array.Fill(size, -1);
        for (var v = 0; v < n; v++)
        {
            if (!admitted[v])
            {
                of[v] = -1;
                continue;
            }
            var r = Root(v);
            if (size[r] < 0)
            {
                size[r] = sizes.Count;
                sizes.Add(0);
            }
            of[v] = size[r];
            sizes[size[r]]++;
        }
        return new Result(of, [.. sizes]);
    }
}
