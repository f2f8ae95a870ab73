using System.Diagnostics;
using System.Globalization;
using Lantern.Core.Features.Networks;

namespace Lantern.Benchmarks;

/// <summary>
/// `networks` mode: the network engine on a seeded random graph (default 1,000,000 nodes, 5,000,000 edges, degrees
/// with a power-law tail), in process, with a Stopwatch. Build time and memory, 2-hop neighbourhoods from random
/// nodes, shortest paths, components, degree, sampled betweenness and communities; each query once with every node
/// visible and once as a user who may see 90% of the nodes (a bitset). Markdown on stdout, progress on stderr.
/// </summary>
public static class NetworkBench
{
    public const string Usage = """
        dotnet run -c Release --project bench/Lantern.Benchmarks -- networks [--nodes N] [--edges M] [--queries Q] [--seed S] [--pivots P] [--export EDGES.txt]
        """;

    public static int Run(string[] args)
    {
        var nodes = 1_000_000;
        var edges = 5_000_000;
        var queries = 1_000;
        var seed = 42;
        var pivots = 8;
        string? export = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--export" && i + 1 < args.Length)
            {
                // The same generated graph for a peer (bench/networks/networkx_peer.py): an edge list, then stop.
                export = args[i + 1];
                continue;
            }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }
            switch (args[i])
            {
                case "--nodes": nodes = value; break;
                case "--edges": edges = value; break;
                case "--queries": queries = value; break;
                case "--seed": seed = value; break;
                case "--pivots": pivots = value; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var rows = new List<string>();
        void Row(string what, string figure, string note = "")
        {
            var line = $"| {what} | {figure} | {note} |";
            rows.Add(line);
            Console.Error.WriteLine(line);
        }

        var before = GC.GetTotalMemory(true);
        var clock = Stopwatch.StartNew();
        var graph = Generate(nodes, edges, seed, out var added, out var addSeconds);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var retained = GC.GetTotalMemory(true) - before;
        if (export is not null)
        {
            using var writer = new StreamWriter(export);
            for (var e = 0; e < graph.EdgeCount; e++)
            {
                writer.Write(Invariant($"{graph.EdgeSource(e)} {graph.EdgeTarget(e)}\n"));
            }
            Console.Error.WriteLine(Invariant($"{graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges written to {export}"));
            return 0;
        }
        Row("Build (add nodes by type and key, add edges, sort, merge, CSR)", Invariant($"{buildSeconds:0.0} s"),
            Invariant($"{nodes:N0} nodes, {added:N0} edges added, {graph.EdgeCount:N0} after merging; adding {addSeconds:0.0} s, CSR {buildSeconds - addSeconds:0.0} s"));
        Row("Memory held by the graph", Invariant($"{retained / 1048576.0:0} MB"),
            Invariant($"arrays {graph.ArrayBytes() / 1048576.0:0} MB (of which node keys {(graph.ArrayBytes() - ArraysWithoutKeys(graph)) / 1048576.0:0} MB); peak working set of the process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB"));
        var maxDegree = Enumerable.Range(0, graph.NodeCount).Max(graph.EdgesAt);
        Row("Largest degree", Invariant($"{maxDegree:N0}"), "");

        var random = new Random(seed + 1);
        var visible = new NodeSet(graph.NodeCount);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (random.NextDouble() < 0.9)
            {
                visible.Add(v);
            }
        }
        var scopes = new (string Name, NetworkFilter Filter)[]
        {
            ("all visible", NetworkFilter.Everything),
            ("90% visible (bitset)", new NetworkFilter(visible.Contains)),
        };
        var dated = new NetworkFilter(visible.Contains, nodeTypes: [NodeType.Person, NodeType.Phone, NodeType.Case],
            from: new DateOnly(2020, 1, 1), to: new DateOnly(2022, 12, 31));

        var starts = Enumerable.Range(0, queries).Select(_ => random.Next(graph.NodeCount)).ToArray();
        foreach (var (name, filter) in scopes)
        {
            Neighbourhoods(graph, starts, filter, Neighbourhood.DefaultNodeLimit, $"2-hop neighbourhood, limit {Neighbourhood.DefaultNodeLimit:N0}, {name}", Row);
            Neighbourhoods(graph, starts, filter, int.MaxValue, $"2-hop neighbourhood, no limit, {name}", Row);
        }
        Neighbourhoods(graph, starts, dated, Neighbourhood.DefaultNodeLimit, "2-hop neighbourhood, limit 5,000, 90% visible, persons/phones/cases, 2020–2022", Row);

        foreach (var (name, filter) in scopes)
        {
            var times = new List<double>();
            var hops = new List<int>();
            for (var q = 0; q < Math.Min(queries, 200); q++)
            {
                var t = Stopwatch.StartNew();
                var path = ShortestPath.Between(graph, starts[q], starts[(q + 1) % starts.Length], filter);
                times.Add(t.Elapsed.TotalMilliseconds);
                if (path is not null)
                {
                    hops.Add(path.Hops);
                }
            }
            Row($"Shortest path between random nodes, {name}", Invariant($"median {Percentile(times, 0.5):0.0} ms, p99 {Percentile(times, 0.99):0.0} ms"),
                Invariant($"{times.Count} pairs, {hops.Count} connected, median {(hops.Count > 0 ? Percentile([.. hops.Select(h => (double)h)], 0.5) : 0):0} hops"));
        }

        foreach (var (name, filter) in scopes)
        {
            var times = new List<double>();
            Components.Result? result = null;
            for (var r = 0; r < 3; r++)
            {
                var t = Stopwatch.StartNew();
                result = Components.Find(graph, filter);
                times.Add(t.Elapsed.TotalSeconds);
            }
            Row($"Connected components, {name}", Invariant($"{times.Order().ElementAt(1):0.00} s"),
                Invariant($"median of 3 ({string.Join(", ", times.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}); {result!.Count:N0} components, largest {result.Sizes.Max():N0} nodes"));
        }

        var clockDegree = Stopwatch.StartNew();
        var degree = Centrality.Degree(graph, scopes[1].Filter);
        Row("Degree centrality, 90% visible", Invariant($"{clockDegree.Elapsed.TotalSeconds:0.00} s"), Invariant($"highest {degree.Max():N0}"));

        var clockBetween = Stopwatch.StartNew();
        var between = Centrality.Betweenness(graph, scopes[1].Filter, pivots, seed);
        Row($"Betweenness, sampled, {pivots} pivots, 90% visible", Invariant($"{clockBetween.Elapsed.TotalSeconds:0.0} s"),
            Invariant($"{clockBetween.Elapsed.TotalSeconds / pivots:0.00} s per pivot (one BFS and back-propagation over the graph); top broker has degree {degree[Centrality.Top(between, 1)[0].Node]:N0}"));

        var clockCommunities = Stopwatch.StartNew();
        var communities = Communities.Find(graph, scopes[1].Filter, seed);
        Row("Communities (Louvain local moves), 90% visible", Invariant($"{clockCommunities.Elapsed.TotalSeconds:0.0} s"),
            Invariant($"{communities.Count:N0} communities, modularity {communities.Modularity:0.000}"));

        Console.WriteLine(Invariant($"Network queries: {nodes:N0} nodes, {edges:N0} edges drawn, seed {seed}, {queries:N0} starts; {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}."));
        Console.WriteLine();
        Console.WriteLine("| Measure | Figure | Notes |");
        Console.WriteLine("|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }
        return 0;
    }

    /// <summary>
    /// Node types drawn at random; each edge joins a uniformly drawn node to one drawn with probability falling as a
    /// power of its rank (n·u², a degree tail like preferential attachment's), ranks shuffled over the ids so hubs
    /// are spread through memory. Half the edges carry a date between 2015 and 2026.
    /// </summary>
    private static NetworkGraph Generate(int nodes, int edges, int seed, out int added, out double addSeconds)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        var builder = new NetworkBuilder(nodes, edges);
        var nodeTypes = Enum.GetValues<NodeType>();
        var edgeTypes = Enum.GetValues<EdgeType>();
        for (var v = 0; v < nodes; v++)
        {
            builder.Node(nodeTypes[random.Next(nodeTypes.Length)], "k" + v.ToString(CultureInfo.InvariantCulture));
        }
        var rank = Enumerable.Range(0, nodes).ToArray();
        random.Shuffle(rank);
        var first = new DateOnly(2015, 1, 1).DayNumber;
        for (var e = 0; e < edges; e++)
        {
            var a = random.Next(nodes);
            var u = random.NextDouble();
            var b = rank[Math.Min(nodes - 1, (int)(nodes * u * u))];
            if (random.Next(2) == 0)
            {
                var day = DateOnly.FromDayNumber(first + random.Next(12 * 365));
                builder.Edge(a, b, edgeTypes[random.Next(edgeTypes.Length)], day, day.AddDays(random.Next(400)));
            }
            else
            {
                builder.Edge(a, b, edgeTypes[random.Next(edgeTypes.Length)]);
            }
        }
        added = builder.EdgesAdded;
        addSeconds = clock.Elapsed.TotalSeconds;
        return builder.Build();
    }

    private static void Neighbourhoods(NetworkGraph graph, int[] starts, NetworkFilter filter, int limit, string what, Action<string, string, string> row)
    {
        for (var w = 0; w < Math.Min(50, starts.Length); w++)
        {
            Neighbourhood.Around(graph, starts[w], 2, filter, limit);
        }
        var times = new List<double>(starts.Length);
        var sizes = new List<double>(starts.Length);
        var truncated = 0;
        foreach (var s in starts)
        {
            var t = Stopwatch.StartNew();
            var result = Neighbourhood.Around(graph, s, 2, filter, limit);
            times.Add(t.Elapsed.TotalMilliseconds);
            sizes.Add(result.Nodes.Count);
            truncated += result.Truncated ? 1 : 0;
        }
        row(what, Invariant($"median {Percentile(times, 0.5):0.00} ms, p99 {Percentile(times, 0.99):0.00} ms"),
            Invariant($"max {times.Max():0.0} ms; {starts.Length:N0} starts; nodes returned median {Percentile(sizes, 0.5):N0}, p99 {Percentile(sizes, 0.99):N0}; {truncated} stopped at the limit"));
    }

    private static long ArraysWithoutKeys(NetworkGraph graph)
    {
        long keys = 8L * graph.NodeCount;
        for (var v = 0; v < graph.NodeCount; v++)
        {
            keys += 22 + (2L * graph.KeyOf(v).Length);
        }
        return graph.ArrayBytes() - keys;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
