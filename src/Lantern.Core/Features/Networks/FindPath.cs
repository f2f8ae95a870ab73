using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// The shortest chain (fewest hops) between two entities through what the actor may see (places left out unless the
/// kinds name them). No path and a hidden end look the same: not found.
/// </summary>
public static class FindPath
{
    public sealed record Request(string? From, string? To, IReadOnlyList<string>? Types = null);

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

        public async Task<NetworkView> Handle(Actor actor, Request request, CancellationToken ct)
        {
            var types = NetworkProjection.Types(request.Types, "types");
            var network = await _access.NetworkAsync(actor, Permissions.NetworkRead, ct);
            var from = await _access.NodeAsync(actor, network, request.From, "from", ct);
            var to = await _access.NodeAsync(actor, network, request.To, "to", ct);
            // Places are left out unless asked for: two cases in the same city are not a chain worth following.
            var filter = ActorNetwork.Filter((types ?? NetworkProjection.WithoutPlaces).Append(network.Graph.TypeOf(from)).Append(network.Graph.TypeOf(to)).Distinct());
            var path = ShortestPath.Between(network.Graph, from, to, filter);
            _audit.Add(actor, "network.path", NetworkKeys.Slug(network.Graph.TypeOf(from)), network.Graph.KeyOf(from),
                detail: "to " + network.Id(to) + ": " + (path is null ? "no path" : path.Hops + " hop(s)"));
            await _db.SaveChangesAsync(ct);
            if (path is null)
            {
                throw new NotFoundException("A path between these entities");
            }
            return new NetworkView(network.Id(from),
                path.Nodes.Select((n, i) => NetworkProjection.Node(network, n, i)).ToList(),
                path.Edges.Select(e => NetworkProjection.Link(network, e)).ToList(), false, false);
        }
    }
}
