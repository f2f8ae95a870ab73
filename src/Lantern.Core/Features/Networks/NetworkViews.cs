using System.Text.RegularExpressions;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Networks;

/// <summary>A node as the API and the page show it: its id ("person:{id}", "phone:{hash}"), kind, label, links (in the whole visible network) and, for persons and cases, its page.</summary>
public sealed record NetworkNode(string Id, string Type, string Label, int? Hops, int Degree, string? Href, double? X = null, double? Y = null);

/// <summary>An edge between two nodes (by id), its relation and when it held, if known.</summary>
public sealed record NetworkLink(string Source, string Target, string Relation, DateOnly? From, DateOnly? To);

/// <summary>
/// A piece of the network: nodes and links. <see cref="Positioned"/> says the server laid it out (large pieces; the
/// page then draws the given positions instead of running a layout in the browser). <see cref="Truncated"/> says the
/// node limit was reached, nearest nodes kept.
/// </summary>
public sealed record NetworkView(string? Centre, IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkLink> Links, bool Truncated, bool Positioned);

/// <summary>A broker: how many others a node touches (degree) and on how many shortest paths between others it lies (betweenness).</summary>
public sealed record NetworkBroker(NetworkNode Node, int Degree, double Betweenness);

public sealed record NetworkBrokers(IReadOnlyList<NetworkBroker> Brokers, int Nodes, int Links, bool Estimated, long BuildMilliseconds);

/// <summary>A group of nodes (a component or a community): its size, how many of each kind, and its best-connected members.</summary>
public sealed record NetworkGroup(int Number, int Size, IReadOnlyDictionary<string, int> Kinds, IReadOnlyList<NetworkNode> Leading);

public sealed record NetworkGroups(int Count, int Nodes, int Links, IReadOnlyList<NetworkGroup> Largest, double? Modularity, string? Note, long BuildMilliseconds = 0);

/// <summary>Shared by the network handlers: naming nodes, projecting views, laying out large pieces.</summary>
internal static partial class NetworkProjection
{
    /// <summary>Above this many nodes the server lays the piece out (radially by hops) and the browser draws it as given.</summary>
    public const int ServerLayoutAbove = 300;

    public const int MaxHops = 4;

    /// <summary>
    /// Places join every case of a city to every other: kept out of whole-network measures (components, communities,
    /// brokers) unless asked for, or the whole network is one component and every broker a city.
    /// </summary>
    public static readonly IReadOnlyList<NodeType> WithoutPlaces = Enum.GetValues<NodeType>().Where(t => t != NodeType.Place).ToList();

    public static NetworkNode Node(ActorNetwork network, int node, int? hops, (double X, double Y)? at = null) =>
        new(network.Id(node), NetworkKeys.Slug(network.Graph.TypeOf(node)), network.Label(node), hops, network.Graph.EdgesAt(node), network.Href(node), at?.X, at?.Y);

    public static NetworkLink Link(ActorNetwork network, int edge)
    {
        var e = network.Graph.Edge(edge);
        return new NetworkLink(network.Id(e.Source), network.Id(e.Target), NetworkKeys.RelationSlug(e.Type), e.From, e.To);
    }

    /// <summary>Node kinds from their slugs ("person,phone"); null for all.</summary>
    public static IReadOnlyList<NodeType>? Types(IReadOnlyList<string>? values, string field)
    {
        var parts = values?.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return parts is null || parts.Count == 0 ? null : parts.Select(p => NetworkKeys.ParseType(p, field)).Distinct().ToList();
    }

    /// <summary>
    /// The node an entity reference names, if the actor's network holds it: "person:{id}", "case:{id}", "place:lahore",
    /// or a kind and either the node's hash (as the API returns it) or the value as written ("phone:+923001234567").
    /// </summary>
    public static int Resolve(ActorNetwork network, NetworkKeys keys, string? entity, string field, out NodeType type)
    {
        var text = entity?.Trim() ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new ValidationException(field, "Name an entity as kind:value, e.g. person:{id}, case:{id}, phone:+923001234567.");
        }
        type = NetworkKeys.ParseType(text[..colon], field);
        var value = text[(colon + 1)..];
        switch (type)
        {
            case NodeType.Person or NodeType.Case:
                return Guid.TryParse(value, out var id) ? network.Find(type, id.ToString()) : throw new ValidationException(field, "A person or case is named by its id.");
            case NodeType.Place:
                return network.Find(type, NetworkKeys.Place(value));
            default:
                var found = network.Find(type, value);
                if (found >= 0 || HashShape().IsMatch(value))
                {
                    return found;
                }
                return network.Find(type, keys.End(type, value, field).Key);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex HashShape();

    /// <summary>
    /// Positions for a large piece: rings by hops around the centre, each node placed near the angle of the node it
    /// was reached from, so branches stay together. Linear in the size; deterministic.
    /// </summary>
    public static Dictionary<int, (double X, double Y)> Radial(NetworkGraph graph, IReadOnlyList<Neighbourhood.Reached> nodes)
    {
        var angle = new Dictionary<int, double>();
        var at = new Dictionary<int, (double, double)>();
        var rings = nodes.GroupBy(n => n.Hops).OrderBy(g => g.Key);
        foreach (var ring in rings)
        {
            // Order the ring by the angle of a parent in the previous ring.
            var ordered = ring.Select(n =>
            {
                var parent = 0.0;
                foreach (var w in graph.Neighbours(n.Node))
                {
                    if (angle.TryGetValue(w, out var a))
                    {
                        parent = a;
                        break;
                    }
                }
                return (n.Node, Parent: parent);
            }).OrderBy(x => x.Parent).ToList();
            var radius = 180.0 * ring.Key;
            for (var i = 0; i < ordered.Count; i++)
            {
                var theta = ring.Key == 0 ? 0 : 2 * Math.PI * i / ordered.Count;
                angle[ordered[i].Node] = theta;
                at[ordered[i].Node] = (Math.Round(radius * Math.Cos(theta), 1), Math.Round(radius * Math.Sin(theta), 1));
            }
        }
        return at;
    }
}
