using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// The visible network (or the neighbourhood of one entity) for Gephi and analysts' tools: GraphML, or CSV node and
/// edge tables. Labels are the decrypted values (names, numbers), so the export has its own permission and is audited
/// like an export of case data.
/// </summary>
public static class ExportNetwork
{
    public sealed record Request(string? Format, string? Entity = null, int? Hops = null, IReadOnlyList<string>? Types = null, string? From = null, string? To = null);

    public sealed record Response(byte[] Content, string ContentType, string FileName, int Nodes);

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

        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct)
        {
            var format = (request.Format ?? "graphml").Trim().ToLowerInvariant();
            if (format is not ("graphml" or "nodes.csv" or "edges.csv"))
            {
                throw new ValidationException("format", "Export as graphml, nodes.csv or edges.csv.");
            }
            var types = NetworkProjection.Types(request.Types, "types");
            var from = AddRelation.ParseDate(request.From, "from");
            var to = AddRelation.ParseDate(request.To, "to");
            actor.Require(Permissions.NetworkRead);
            var network = await _access.NetworkAsync(actor, Permissions.NetworkExport, ct);
            var graph = network.Graph;
            NetworkFilter filter;
            string subject;
            (string Type, string? Id) audited = ("network", null);
            if (request.Entity is not null)
            {
                var start = await _access.NodeAsync(actor, network, request.Entity, "entity", ct);
                var hops = request.Hops ?? ExploreNeighbourhood.DefaultHops;
                if (hops is < 1 or > NetworkProjection.MaxHops)
                {
                    throw new ValidationException("hops", $"Hops run from 1 to {NetworkProjection.MaxHops}.");
                }
                var found = Neighbourhood.Around(graph, start, hops, ActorNetwork.Filter(types?.Append(graph.TypeOf(start)).Distinct(), from, to), Neighbourhood.DefaultNodeLimit);
                var set = new NodeSet(graph.NodeCount);
                foreach (var n in found.Nodes)
                {
                    set.Add(n.Node);
                }
                filter = new NetworkFilter(set.Contains, types?.Append(graph.TypeOf(start)).Distinct(), null, from, to);
                subject = network.Id(start);
                audited = (NetworkKeys.Slug(graph.TypeOf(start)), graph.KeyOf(start));
            }
            else
            {
                filter = ActorNetwork.Filter(types, from, to);
                subject = "whole visible network";
            }
            var nodes = filter.AdmittedNodes(graph).Count(a => a);
            using var output = new MemoryStream();
            if (format == "graphml")
            {
                NetworkExport.WriteGraphMl(graph, filter, output, network.Label);
            }
            else
            {
                using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
                if (format == "nodes.csv")
                {
                    NetworkExport.WriteNodesCsv(graph, filter, writer, network.Label);
                }
                else
                {
                    NetworkExport.WriteEdgesCsv(graph, filter, writer);
                }
            }
            var content = output.ToArray();
            _audit.Add(actor, "network.export", audited.Type, audited.Id, detail: format + ", " + nodes + " node(s), " + subject);
            await _db.SaveChangesAsync(ct);
            var contentType = format == "graphml" ? "application/graphml+xml" : "text/csv";
            return new Response(content, contentType, "lantern-network." + (format == "graphml" ? "graphml" : format), nodes);
        }
    }
}
