using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Watchlists;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Watchlists;

/// <summary>Intent methods for the watchlist tests: lists of organisation A, a screening officer of A, sample files.</summary>
internal static class WatchlistScenario
{
    public const string ChildName = "Ayesha Noor Bibi";

    private static readonly string[] ChildAliases = ["عائشہ نور"];

    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "watchlists", name));

    public static async Task<Guid> CreateAsync(LanternServer server, Persona persona, string kind, string source, params string[] screeners)
    {
        using var client = server.Client(persona);
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/watchlists", UriKind.Relative),
            new { name = "List " + Unique(), purpose = "Screen at arrival.", kind, source, screeners });
        response.EnsureSuccessStatusCode();
        return (Guid)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>A missing-children list of A (screening allowed to B) holding one child, made through the API by A's administrator.</summary>
    public static async Task<(Guid List, Guid Item)> MissingChildAsync(LanternServer server)
    {
        var list = await CreateAsync(server, Persona.AdministratorA, "MissingChildren", "Manual", LanternServer.OrganisationB);
        using var client = server.Client(Persona.AdministratorA);
        using var response = await client.PostAsJsonAsync(new Uri($"/api/v1/watchlists/{list}/items", UriKind.Relative),
            new { id = "MC-" + Unique(), name = ChildName, aliases = ChildAliases, birthDate = "2015", nationality = "PK", reason = "Reported missing from Lahore." });
        response.EnsureSuccessStatusCode();
        return (list, (Guid)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!);
    }

    /// <summary>A client of a new screening officer of <paramref name="organisation"/> (watchlists.read and .screen, not .children).</summary>
    public static async Task<HttpClient> ScreeningOfficerAsync(LanternServer server, string organisation) =>
        (await NamedScreeningOfficerAsync(server, organisation)).Client;

    /// <summary>A new screening officer of <paramref name="organisation"/>: their API client and username (for the CLI's --as).</summary>
    public static async Task<(HttpClient Client, string Username)> NamedScreeningOfficerAsync(LanternServer server, string organisation)
    {
        var username = "test.screener." + Unique();
        var token = await server.AsOperatorAsync(async (sp, actor) =>
        {
            await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(username, organisation, "screening-officer", LanternServer.Password), CancellationToken.None);
            var (value, _) = await sp.GetRequiredService<AccessTokens>().CreateAsync(actor, username, "tests", 1, CancellationToken.None);
            return value;
        });
        var client = new HttpClient { BaseAddress = new Uri(server.Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, username);
    }

    public static Task<ImportWatchlist.Response> ImportAsOperatorAsync(LanternServer server, Guid list, byte[] content, string format) =>
        server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<ImportWatchlist.Handler>().Handle(actor, list, new ImportWatchlist.Request(content, "sample", format), CancellationToken.None));
}
