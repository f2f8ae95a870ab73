namespace Lantern.Core.Features.Networks;

/// <summary>
/// Who holds the network together: degree (how many distinct others a node touches) and betweenness (on how many
/// shortest paths between others a node lies, Brandes' algorithm; the brokers). Both count only what the filter
/// admits. Betweenness is exact up to <see cref="ExactUpTo"/> admitted nodes; above, it is estimated from shortest
/// paths out of a seeded random sample of pivot nodes, scaled up to the whole (Brandes and Pich, 2007).
/// </summary>
public static class Centrality
{
    public const int ExactUpTo = 5_000;
    public const int DefaultPivots = 256;

    /// <summary>The number of distinct admitted neighbours each node reaches by an admitted edge (0 for a node not admitted).</summary>
    public static int[] Degree(NetworkGraph graph, NetworkFilter filter)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        var admitted = filter.AdmittedNodes(graph);
        var degree = new int[graph.NodeCount];
        for (var v = 0; v < degree.Length; v++)
        {
            if (!admitted[v])
            {
                continue;
            }
            var neighbours = graph.Neighbours(v);
            var incident = graph.IncidentEdges(v);
            var last = -1;
            for (var i = 0; i < neighbours.Length; i++)
            {
                var w = neighbours[i];
                if (w != last && admitted[w] && (!filter.FiltersEdges || filter.AdmitsEdge(graph, incident[i])))
                {
                    last = w;
                    degree[v]++;
                }
            }
        }
        return degree;
    }

    /// <summary>
    /// Betweenness of every node (unnormalised: pairs of other nodes, each unordered pair once). Exact when at most
    /// <see cref="ExactUpTo"/> nodes are admitted or <paramref name="pivots"/> covers them all; otherwise an estimate
    /// from that many pivots drawn with <paramref name="seed"/>.
    /// </summary>
    public static double[] Betweenness(NetworkGraph graph, NetworkFilter filter, int pivots = DefaultPivots, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pivots);
        var admitted = filter.AdmittedNodes(graph);
        var n = graph.NodeCount;
        var sources = new List<int>();
        for (var v = 0; v < n; v++)
        {
            if (admitted[v])
            {
                sources.Add(v);
            }
        }
        var scale = 0.5; // each unordered pair is met from both ends
        if (sources.Count > ExactUpTo && pivots < sources.Count)
        {
            var random = new Random(seed);
            var all = sources.ToArray();
            random.Shuffle(all);
            scale *= (double)all.Length / pivots;
            sources = [.. all.AsSpan(0, pivots)];
        }

        var score = new double[n];
        var hops = new int[n];
        Array.Fill(hops, -1);
        var paths = new double[n];
        var dependency = new double[n];
        var order = new int[n];
        foreach (var s in sources)
        {
            // Breadth first from s; order[] is the visiting order, walked backwards to accumulate dependencies.
            var head = 0;
            var tail = 0;
            order[tail++] = s;
            hops[s] = 0;
            paths[s] = 1;
            while (head < tail)
            {
                var v = order[head++];
                var neighbours = graph.Neighbours(v);
                var incident = graph.IncidentEdges(v);
                var last = -1;
                for (var i = 0; i < neighbours.Length; i++)
                {
                    var w = neighbours[i];
                    if (w == last || !admitted[w] || (filter.FiltersEdges && !filter.AdmitsEdge(graph, incident[i])))
                    {
                        continue;
                    }
                    last = w;
                    if (hops[w] < 0)
                    {
                        hops[w] = hops[v] + 1;
                        order[tail++] = w;
                    }
                    if (hops[w] == hops[v] + 1)
                    {
                        paths[w] += paths[v];
                    }
                }
            }
            for (var k = tail - 1; k > 0; k--)
            {
                var w = order[k];
                var neighbours = graph.Neighbours(w);
                var incident = graph.IncidentEdges(w);
                var last = -1;
                var share = (1 + dependency[w]) / paths[w];
                for (var i = 0; i < neighbours.Length; i++)
                {
                    var v = neighbours[i];
                    if (v == last || !admitted[v] || hops[v] != hops[w] - 1
                        || (filter.FiltersEdges && !filter.AdmitsEdge(graph, incident[i])))
                    {
                        continue;
                    }
                    last = v;
                    dependency[v] += paths[v] * share;
                }
                score[w] += dependency[w];
            }
            for (var k = 0; k < tail; k++)
            {
                var v = order[k];
                hops[v] = -1;
                paths[v] = 0;
                dependency[v] = 0;
            }
        }
        for (var v = 0; v < n; v++)
        {
            score[v] *= scale;
        }
        return score;
    }

    /// <summary>The <paramref name="count"/> nodes with the highest scores, highest first (ties: lower id first), zeros left out.</summary>
    public static IReadOnlyList<(int Node, double Score)> Top(IReadOnlyList<double> scores, int count)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return [.. Enumerable.Range(0, scores.Count)
            .Where(v => scores[v] > 0)
            .OrderByDescending(v => scores[v]).ThenBy(v => v)
            .Take(count)
            .Select(v => (v, scores[v]))];
    }
}
