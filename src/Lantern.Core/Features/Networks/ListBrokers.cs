using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// Who holds the visible network together: the nodes of the chosen kinds (persons by default) with the highest
/// betweenness, with their degree. Exact up to <see cref="Centrality.ExactUpTo"/> nodes, estimated above (and said so).
/// </summary>
public static class ListBrokers
{
    public sealed record Request(IReadOnlyList<string>? Types = null, int? Top = null);

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

        public async Task<NetworkBrokers> Handle(Actor actor, Request request, CancellationToken ct)
        {
            var top = request.Top ?? 20;
            if (top is < 1 or > 500)
            {
                throw new ValidationException("top", "Ask for 1 to 500 brokers.");
            }
            var shown = NetworkProjection.Types(request.Types, "types") ?? [NodeType.Person];
            var network = await _access.NetworkAsync(actor, Permissions.NetworkRead, ct);
            var graph = network.Graph;
            // Paths run through every kind of node but places (a phone links two persons); only the ranking is by the kinds asked for.
            var filter = ActorNetwork.Filter(shown.Contains(NodeType.Place) ? null : NetworkProjection.WithoutPlaces);
            var betweenness = Centrality.Betweenness(graph, filter);
            var degree = Centrality.Degree(graph, filter);
            var ranked = Enumerable.Range(0, graph.NodeCount)
                .Where(v => shown.Contains(graph.TypeOf(v)) && degree[v] > 0)
                .OrderByDescending(v => betweenness[v]).ThenByDescending(v => degree[v]).ThenBy(v => v)
                .Take(top)
                .Select(v => new NetworkBroker(NetworkProjection.Node(network, v, null), degree[v], Math.Round(betweenness[v], 2)))
                .ToList();
            _audit.Add(actor, "network.brokers", "network", null, detail: ranked.Count + " broker(s) of " + graph.NodeCount + " node(s)");
            await _db.SaveChangesAsync(ct);
            return new NetworkBrokers(ranked, graph.NodeCount, graph.EdgeCount, graph.NodeCount > Centrality.ExactUpTo, (long)network.BuildTime.TotalMilliseconds);
        }
    }
}
