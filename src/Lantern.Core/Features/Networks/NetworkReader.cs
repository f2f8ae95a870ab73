using System.Diagnostics;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// Builds the network an actor may see from Lantern's records: the cases visible to them (through the tenant filters),
/// the persons taking part and their roles, their phones, identity documents and mailing addresses, the places of the
/// cases' events (victims travelled through them), and the relations recorded on those cases. Nothing outside that
/// scope is read, so a phone shared with another organisation's unshared case meets only what this actor sees.
/// Node keys are ids, place names or blind-index hashes; the labels (decrypted values) stay with the built network
/// and are shown only to the actor it was built for.
/// </summary>
internal sealed class NetworkReader(AppDbContext db, BlindIndex index, KeyRing keyRing)
{
    private readonly NetworkKeys _keys = new(index, keyRing);

    /// <param name="actor">Whose view.</param>
    /// <param name="sameAs">
    /// Hook for confirmed links between person records (entity resolution): each pair becomes a SameAs edge when both
    /// persons are visible. Left empty until the duplicates queue supplies confirmed merges.
    /// </param>
    /// <param name="ct">Cancels the reads.</param>
    public async Task<ActorNetwork> ReadAsync(Actor actor, IReadOnlyCollection<(PersonId, PersonId)>? sameAs, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        db.ScopeTo(actor);
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.Reference, c.OpenedOn }).ToListAsync(ct);
        var participants = await db.Participants.AsNoTracking().Select(p => new { p.CaseId, p.PersonId, p.Role }).ToListAsync(ct);
        var persons = await db.Persons.AsNoTracking().Include(p => p.Documents).ToListAsync(ct);
        var events = await db.Cases.AsNoTracking().SelectMany(c => c.Events).Select(e => new
        {
            e.CaseId,
            e.Type,
            e.Date,
            e.Country,
            e.State,
            e.City,
            People = e.People.Select(p => p.ParticipantId).ToList(),
        }).ToListAsync(ct);
        var participantPersons = await db.Participants.AsNoTracking().Select(p => new { p.Id, p.PersonId }).ToDictionaryAsync(p => p.Id, p => p.PersonId, ct);
        var relations = await db.CaseRelations.AsNoTracking().ToListAsync(ct);

        var network = new ActorNetwork(cases.Count + persons.Count * 3, participants.Count * 4);
        foreach (var c in cases)
        {
            network.Add(NodeType.Case, c.Id.ToString(), c.Reference);
        }
        var visiblePersons = new HashSet<PersonId>();
        foreach (var p in persons)
        {
            visiblePersons.Add(p.Id);
            var person = network.Add(NodeType.Person, p.Id.ToString(), p.DisplayName);
            foreach (var phone in new[] { p.MobilePhone, p.HomePhone }.OfType<string>().Where(s => s.Length > 0))
            {
                network.Link(person, network.Add(NodeType.Phone, _keys.Phone(phone), phone), EdgeType.Uses);
            }
            foreach (var d in p.Documents)
            {
                var number = DocumentNumber.Normalise(d.Number);
                if (number.Length > 0)
                {
                    network.Link(person, network.Add(NodeType.IdentityDocument, _keys.Document(number), d.Type + " " + d.Number), EdgeType.Holds);
                }
            }
            if (!string.IsNullOrWhiteSpace(p.MailingStreet))
            {
                var label = string.Join(", ", new[] { p.MailingStreet, p.MailingCity, p.MailingState, p.MailingPostalCode, p.MailingCountry }.Where(s => !string.IsNullOrWhiteSpace(s)));
                network.Link(person, network.Add(NodeType.Address, _keys.Address(p.MailingStreet, p.MailingCity, p.MailingState, p.MailingPostalCode, p.MailingCountry), label), EdgeType.LivesAt);
            }
        }
        var opened = cases.ToDictionary(c => c.Id, c => c.OpenedOn);
        foreach (var pp in participants)
        {
            if (visiblePersons.Contains(pp.PersonId))
            {
                network.Link(network.Find(NodeType.Person, pp.PersonId.ToString()), network.Find(NodeType.Case, pp.CaseId.ToString()), EdgeType.ParticipatesIn,
                    opened.GetValueOrDefault(pp.CaseId), null);
            }
        }
        foreach (var e in events)
        {
            var name = e.City ?? e.State ?? e.Country;
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }
            var label = string.Join(", ", new[] { e.City, e.State, e.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var place = network.Add(NodeType.Place, NetworkKeys.Place(name), label);
            DateOnly? day = PartialDate.TryParse(e.Date, out var date) ? date.Earliest : null;
            network.Link(network.Find(NodeType.Case, e.CaseId.ToString()), place, EdgeType.LocatedAt, day, null);
            foreach (var participant in e.People)
            {
                if (participantPersons.TryGetValue(participant, out var personId) && visiblePersons.Contains(personId))
                {
                    network.Link(network.Find(NodeType.Person, personId.ToString()), place, EdgeType.Travelled, day, null);
                }
            }
        }
        foreach (var r in relations)
        {
            var from = RelationNode(network, r.FromType, r.FromKey, r.FromValue, visiblePersons);
            var to = RelationNode(network, r.ToType, r.ToKey, r.ToValue, visiblePersons);
            if (from < 0 || to < 0)
            {
                continue;
            }
            network.Link(from, to, r.Type, r.ValidFrom, r.ValidTo);
            var @case = network.Find(NodeType.Case, r.CaseId.ToString());
            foreach (var (node, type) in new[] { (from, r.FromType), (to, r.ToType) })
            {
                if (type != NodeType.Person)
                {
                    // Recorded in the case: an account or agency named only in a relation is still found from its case.
                    network.Link(node, @case, EdgeType.Other);
                }
            }
        }
        foreach (var (a, b) in sameAs ?? [])
        {
            if (visiblePersons.Contains(a) && visiblePersons.Contains(b))
            {
                network.Link(network.Find(NodeType.Person, a.ToString()), network.Find(NodeType.Person, b.ToString()), EdgeType.SameAs);
            }
        }
        network.Seal(clock.Elapsed);
        return network;
    }

    private static int RelationNode(ActorNetwork network, NodeType type, string key, string value, HashSet<PersonId> visiblePersons)
    {
        if (type == NodeType.Person)
        {
            return Guid.TryParse(key, out var id) && visiblePersons.Contains(new PersonId(id)) ? network.Find(NodeType.Person, key) : -1;
        }
        return network.Add(type, key, value);
    }
}

/// <summary>
/// The network one actor may see, built by <see cref="NetworkReader"/>: the graph, each node's label (decrypted for
/// this actor only) and, for persons and cases, its record. Every node in it is visible to that actor.
/// </summary>
public sealed class ActorNetwork
{
    private readonly NetworkBuilder _builder;
    private readonly List<string> _labels = [];
    private NetworkGraph? _graph;

    internal ActorNetwork(int nodes, int edges) => _builder = new NetworkBuilder(nodes, edges);

    public NetworkGraph Graph => _graph ?? throw new InvalidOperationException("The network is still being built.");

    /// <summary>How long reading and building took.</summary>
    public TimeSpan BuildTime { get; private set; }

    /// <summary>The visibility of a network built for one actor: everything in it.</summary>
    public static NetworkFilter Filter(IEnumerable<NodeType>? types = null, DateOnly? from = null, DateOnly? to = null) => new(_ => true, types, null, from, to);

    public string Label(int node) => _labels[node];

    /// <summary>"person:{id}", "phone:{hash}"...: how the API, the CLI and the page name a node.</summary>
    public string Id(int node) => NetworkKeys.Slug(Graph.TypeOf(node)) + ":" + Graph.KeyOf(node);

    /// <summary>The page of the node's record, for persons and cases.</summary>
    public string? Href(int node) => Graph.TypeOf(node) switch
    {
        NodeType.Person => "/persons/" + Graph.KeyOf(node),
        NodeType.Case => "/cases/" + Graph.KeyOf(node),
        _ => null,
    };

    public int Find(NodeType type, string key) => _builder.Find(type, key);

    internal int Add(NodeType type, string key, string label)
    {
        var node = _builder.Node(type, key);
        if (node == _labels.Count)
        {
            _labels.Add(label);
        }
        return node;
    }

    internal void Link(int a, int b, EdgeType type, DateOnly? from = null, DateOnly? to = null)
    {
        if (a >= 0 && b >= 0)
        {
            _builder.Edge(a, b, type, from, to);
        }
    }

    internal void Seal(TimeSpan elapsed)
    {
        _graph = _builder.Build();
        BuildTime = elapsed;
    }
}
