using Lantern.Core.Features.Networks;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Network;

/// <summary>
/// The network view: the neighbourhood of an entity as a table (works without script) and, with script, drawn by
/// cytoscape from the same API the table comes from; without an entity, the brokers of the visible network.
/// </summary>
[Authorize(Policy = Permissions.NetworkRead)]
public sealed class IndexModel(ExploreNeighbourhood.Handler explore, ListBrokers.Handler brokers) : FormPage
{
    public static readonly IReadOnlyList<(string Slug, string Name)> Kinds =
    [
        ("person", "Persons"), ("case", "Cases"), ("phone", "Phones"), ("document", "Identity documents"), ("account", "Bank accounts"),
        ("address", "Addresses"), ("vehicle", "Vehicles"), ("organisation", "Organisations"), ("place", "Places"),
    ];

    /// <summary>Relations the network holds besides those a user records (<see cref="RelationsModel.RelationKinds"/>).</summary>
    private static readonly string[] DerivedRelations = ["participates-in", "same-as"];

    /// <summary>The words network.js draws (kinds of node, relations), slug to word in the request's language, as JSON.</summary>
    public static string ScriptWords() => System.Text.Json.JsonSerializer.Serialize(
        Kinds.Select(k => k.Slug).Concat(RelationsModel.RelationKinds.Select(r => r.Slug)).Concat(DerivedRelations)
            .Distinct(StringComparer.Ordinal).ToDictionary(slug => slug, slug => Words.Of(slug), StringComparer.Ordinal));

    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public int? Hops { get; set; }
    [BindProperty(SupportsGet = true)] public string[]? Types { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public NetworkView? View { get; private set; }
    public NetworkBrokers? Brokers { get; private set; }

    public bool Shows(string kind) => Types is null || Types.Length == 0 || Types.Contains(kind, StringComparer.Ordinal);

    /// <summary>The API address the page script draws from: the same question the table answers.</summary>
    public string ApiQuery()
    {
        var query = new List<string> { "entity=" + Uri.EscapeDataString(Entity ?? ""), "hops=" + (Hops ?? ExploreNeighbourhood.DefaultHops) };
        query.AddRange((Types ?? []).Select(t => "types=" + Uri.EscapeDataString(t)));
        if (!string.IsNullOrWhiteSpace(From))
        {
            query.Add("from=" + Uri.EscapeDataString(From));
        }
        if (!string.IsNullOrWhiteSpace(To))
        {
            query.Add("to=" + Uri.EscapeDataString(To));
        }
        return "/api/v1/network/neighbourhood?" + string.Join('&', query);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Entity))
        {
            Brokers = await brokers.Handle(HttpContext.Actor(), new ListBrokers.Request(null, 15), ct);
            return;
        }
        await ModelState.TryAsync(async () => View = await explore.Handle(HttpContext.Actor(), new ExploreNeighbourhood.Request(Entity, Hops, Types, From, To), ct));
    }
}
