#!/usr/bin/env python3
"""A peer for Lantern's network figures: networkx (Debian's python3-networkx) on the same generated graph.

    dotnet run -c Release --project bench/Lantern.Benchmarks -- networks --nodes N --edges M --export /tmp/edges.txt
    python3 bench/networks/networkx_peer.py /tmp/edges.txt N [--queries Q] [--seed S]

Times loading the edge list, 2-hop neighbourhoods from Q random start nodes (single_source_shortest_path_length with
cutoff 2, after 50 warm-up starts) and connected components, on one core, as Lantern's bench does in process. Not a
dependency of Lantern: a yardstick only.
"""
import argparse
import random
import resource
import statistics
import time

import networkx as nx


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("edges")
    parser.add_argument("nodes", type=int)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=43)
    args = parser.parse_args()

    start = time.perf_counter()
    graph = nx.Graph()
    graph.add_nodes_from(range(args.nodes))
    with open(args.edges) as f:
        graph.add_edges_from((int(a), int(b)) for a, b in (line.split() for line in f))
    load = time.perf_counter() - start
    print(f"| networkx {nx.__version__}: load edge list | {load:.1f} s | {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges |")

    rng = random.Random(args.seed)
    starts = [rng.randrange(args.nodes) for _ in range(args.queries + 50)]
    times, sizes = [], []
    for i, s in enumerate(starts):
        t = time.perf_counter()
        reached = nx.single_source_shortest_path_length(graph, s, cutoff=2)
        elapsed = (time.perf_counter() - t) * 1000
        if i >= 50:
            times.append(elapsed)
            sizes.append(len(reached))
    times.sort()
    p99 = times[int(0.99 * (len(times) - 1))]
    print(f"| networkx: 2-hop neighbourhood, all visible | median {statistics.median(times):.2f} ms, p99 {p99:.2f} ms | "
          f"max {times[-1]:.1f} ms; {len(times)} starts; nodes returned median {statistics.median(sizes):.0f} |")

    runs = []
    for _ in range(3):
        t = time.perf_counter()
        components = [len(c) for c in nx.connected_components(graph)]
        runs.append(time.perf_counter() - t)
    print(f"| networkx: connected components | {statistics.median(runs):.2f} s | median of 3; {len(components)} components, largest {max(components):,} nodes |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| networkx: peak resident set | {peak:.0f} MB | |")


if __name__ == "__main__":
    main()
