namespace Lantern.Core.Features.Networks;

/// <summary>
/// Groups of nodes more tied to each other than to the rest: modularity optimisation by local moves (the first
/// phase of the Louvain method, Blondel et al. 2008), nodes visited in a seeded random order until no move improves
/// modularity. Counts only what the filter admits; every edge weighs one, parallel edges once. Deterministic for a
/// given seed. Without Louvain's aggregation phase, communities are those that single moves can find: enough for
/// the rings and cells of a trafficking network, finer than full Louvain on very large graphs.
/// </summary>
public static class Communities
{
    public const int MaxPasses = 50;

    /// <summary>
    /// <see cref="Of"/> holds each node's community (0-based, numbered by their first node) or -1 for a node not
    /// admitted; <see cref="Sizes"/> the nodes in each; <see cref="Modularity"/> the partition's modularity.
    /// </summary>
    public sealed record Result(int[] Of, int[] Sizes, double Modularity)
    {
        public int Count => Sizes.Length;
    }

    public static Result Find(NetworkGraph graph, NetworkFilter filter, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        var degree = Centrality.Degree(graph, filter);
        var admitted = filter.AdmittedNodes(graph);
        var n = graph.NodeCount;
        double twiceEdges = degree.Sum(d => (long)d);
        var community = new int[n];
        var total = new double[n];
        for (var v = 0; v < n; v++)
        {
            community[v] = v;
            total[v] = degree[v];
        }

        var visiting = Enumerable.Range(0, n).Where(v => admitted[v] && degree[v] > 0).ToArray();
        new Random(seed).Shuffle(visiting);
        var links = new double[n];
        var touched = new List<int>();
        for (var pass = 0; pass < MaxPasses && twiceEdges > 0; pass++)
        {
            var moves = 0;
            foreach (var v in visiting)
            {
                // Links from v to each neighbouring community.
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
                    var c = community[w];
                    if (links[c] == 0)
                    {
                        touched.Add(c);
                    }
                    links[c]++;
                }

                // Take v out, then put it where the modularity gain links - total * degree / 2m is largest.
                var own = community[v];
                var k = degree[v];
                total[own] -= k;
                var best = own;
                var bestGain = links[own] - (total[own] * k / twiceEdges);
                foreach (var c in touched)
                {
                    var gain = links[c] - (total[c] * k / twiceEdges);
                    if (gain > bestGain + 1e-12 || (Math.Abs(gain - bestGain) <= 1e-12 && c < best && best != own))
                    {
                        best = c;
                        bestGain = gain;
                    }
                }
                total[best] += k;
                community[v] = best;
                if (best != own)
                {
                    moves++;
                }
                foreach (var c in touched)
                {
                    links[c] = 0;
                }
                touched.Clear();
            }
            if (moves == 0)
            {
                break;
            }
        }

        // Number the communities by their first node and measure modularity: sum over communities of
        // (edges inside / m) - (total degree / 2m)^2.
        var number = new int[n];
        Array.Fill(number, -1);
        var of = new int[n];
        var sizes = new List<int>();
        var inside = new List<double>();
        var degrees = new List<double>();
        for (var v = 0; v < n; v++)
        {
            if (!admitted[v])
            {
                of[v] = -1;
                continue;
            }
            var c = community[v];
            if (number[c] < 0)
            {
                number[c] = sizes.Count;
                sizes.Add(0);
                inside.Add(0);
                degrees.Add(0);
            }
            of[v] = number[c];
            sizes[of[v]]++;
            degrees[of[v]] += degree[v];
        }
        for (var v = 0; v < n; v++)
        {
            if (of[v] < 0)
            {
                continue;
            }
            var neighbours = graph.Neighbours(v);
            var incident = graph.IncidentEdges(v);
            var last = -1;
            for (var i = 0; i < neighbours.Length; i++)
            {
                var w = neighbours[i];
                if (w == last || w < v || of[w] != of[v] || (filter.FiltersEdges && !filter.AdmitsEdge(graph, incident[i])))
                {
                    continue;
                }
                last = w;
                inside[of[v]]++;
            }
        }
        var modularity = 0.0;
        if (twiceEdges > 0)
        {
            for (var c = 0; c < sizes.Count; c++)
            {
                modularity += (2 * inside[c] / twiceEdges) - Math.Pow(degrees[c] / twiceEdges, 2);
            }
        }
        return new Result(of, [.. sizes], modularity);
    }
}
