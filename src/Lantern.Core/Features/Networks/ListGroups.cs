using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// The visible network cut into groups: connected components (who can reach whom at all), or communities (groups more
/// tied to each other than to the rest). Each group comes with its size, its kinds and its best-connected members.
/// </summary>
public static class ListGroups
{
    public enum Kind { Components, Communities }

    public sealed record Request(Kind Kind, int? Top = null, IReadOnlyList<string>? Types = null);

    /// <summary>
    /// Communities take about a minute on a million nodes (docs/benchmarks.md): above this many visible nodes they are
    /// refused with a note rather than holding a request thread that long.
    /// </summary>
    public const int CommunitiesUpTo = 200_000;

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly NetworkAccess _access;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, BlindIndex index, KeyRing keys, NetworkCache cache)
        {
            _db = db;
            _audit = audit;
            _access = new NetworkAccess(db, visibility, index, keys, cache);
        }

        public async Task<NetworkGroups> Handle(Actor actor, Request request, CancellationToken ct)
        {
            var top = request.Top ?? 10;
            if (top is < 1 or > 100)
            {
                throw new ValidationException("top", "Ask for 1 to 100 groups.");
            }
            var types = NetworkProjection.Types(request.Types, "types") ?? NetworkProjection.WithoutPlaces;
            var network = await _access.NetworkAsync(actor, Permissions.NetworkRead, ct);
            var graph = network.Graph;
            var filter = ActorNetwork.Filter(types);
            NetworkGroups result;
            if (request.Kind == Kind.Components)
            {
                var found = Components.Find(graph, filter);
                result = Groups(network, found.Of, found.Sizes, top, null, null);
            }
            else if (graph.NodeCount > CommunitiesUpTo)
            {
                result = new NetworkGroups(0, graph.NodeCount, graph.EdgeCount, [], null,
                    $"Communities are computed for networks of up to {CommunitiesUpTo:N0} nodes; this one has {graph.NodeCount:N0}. Export it (GraphML) for Gephi.");
            }
            else
            {
                var found = Communities.Find(graph, filter);
                result = Groups(network, found.Of, found.Sizes, top, Math.Round(found.Modularity, 4), null);
            }
            _audit.Add(actor, "network." + request.Kind.ToString().ToLowerInvariant(), "network", null, detail: result.Count + " group(s) of " + graph.NodeCount + " node(s)");
            await _db.SaveChangesAsync(ct);
            return result with { BuildMilliseconds = (long)network.BuildTime.TotalMilliseconds };
        }
    }

    private static NetworkGroups Groups(ActorNetwork network, int[] of, int[] sizes, int top, double? modularity, string? note)
    {
        var graph = network.Graph;
        var largest = Enumerable.Range(0, sizes.Length).OrderByDescending(g => sizes[g]).ThenBy(g => g).Take(top).ToList();
        var members = largest.ToDictionary(g => g, _ => new List<int>());
        for (var v = 0; v < of.Length; v++)
        {
            if (of[v] >= 0 && members.TryGetValue(of[v], out var list))
            {
                list.Add(v);
            }
        }
        var groups = largest.Select((g, i) => new NetworkGroup(i + 1, sizes[g],
            members[g].GroupBy(v => NetworkKeys.Slug(graph.TypeOf(v))).OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => k.Count()),
            members[g].Where(v => graph.TypeOf(v) is NodeType.Person or NodeType.Case)
                .OrderByDescending(graph.EdgesAt).ThenBy(v => v).Take(5).Select(v => NetworkProjection.Node(network, v, null)).ToList())).ToList();
        return new NetworkGroups(sizes.Length, of.Count(c => c >= 0), graph.EdgeCount, groups, modularity, note);
    }
}
