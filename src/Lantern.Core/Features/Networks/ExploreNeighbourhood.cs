using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// The network around one entity (a person, a case, a phone...) up to k hops, within what the actor may see, narrowed
/// by node kinds and a date window. Large pieces come laid out by the server. Audited as a read of the entity.
/// </summary>
public static class ExploreNeighbourhood
{
    public sealed record Request(string? Entity, int? Hops = null, IReadOnlyList<string>? Types = null, string? From = null, string? To = null, int? Limit = null);

    public const int DefaultHops = 2;
    public const int MaxLimit = Neighbourhood.DefaultNodeLimit;

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
            var hops = request.Hops ?? DefaultHops;
            if (hops is < 1 or > NetworkProjection.MaxHops)
            {
                throw new ValidationException("hops", $"Hops run from 1 to {NetworkProjection.MaxHops}.");
            }
            var limit = request.Limit ?? 500;
            if (limit is < 1 or > MaxLimit)
            {
                throw new ValidationException("limit", $"The node limit runs from 1 to {MaxLimit}.");
            }
            var types = NetworkProjection.Types(request.Types, "types");
            var from = AddRelation.ParseDate(request.From, "from");
            var to = AddRelation.ParseDate(request.To, "to");
            var network = await _access.NetworkAsync(actor, Permissions.NetworkRead, ct);
            var start = await _access.NodeAsync(actor, network, request.Entity, "entity", ct);
            // The entity asked for is always shown, whatever kinds the filter keeps.
            var filter = ActorNetwork.Filter(types?.Append(network.Graph.TypeOf(start)).Distinct(), from, to);
            var found = Neighbourhood.Around(network.Graph, start, hops, filter, limit);
            var view = Project(network, found, start);
            _audit.Add(actor, "network.neighbourhood", NetworkKeys.Slug(network.Graph.TypeOf(start)), network.Graph.KeyOf(start),
                detail: hops + " hop(s), " + view.Nodes.Count + " node(s)");
            await _db.SaveChangesAsync(ct);
            return view;
        }
    }

    internal static NetworkView Project(ActorNetwork network, Neighbourhood.Result found, int start)
    {
        var positioned = found.Nodes.Count > NetworkProjection.ServerLayoutAbove;
        var at = positioned ? NetworkProjection.Radial(network.Graph, found.Nodes) : null;
        return new NetworkView(
            network.Id(start),
            found.Nodes.Select(n => NetworkProjection.Node(network, n.Node, n.Hops, at?[n.Node])).ToList(),
            found.Edges.Select(e => NetworkProjection.Link(network, e)).ToList(),
            found.Truncated, positioned);
    }
}
