using Lantern.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lantern.Integration.Tests.Security;

/// <summary>Deny by default: every endpoint names a policy, or is one of the few commented anonymous exemptions.</summary>
[Collection(SqliteServerGroup.Name)]
public sealed class EndpointAuthorizationTests(SqliteServerFixture fixture)
{
    // Each is commented where it is declared (LanternWebHost, the Account pages, the status pages).
    private static readonly HashSet<string> AnonymousExemptions =
    [
        "/openapi/{documentName}.json",
        "/health",
        "/login",
        "/login/code",
        "/login/enrol",
        "/logout",
        // ---- Urdu interface: the language switch is on the sign-in page too; the choice holds no data ----
        "/language",
        // ---- end ----
        "/{kind:regex(^(not-found|forbidden|error)$)}",
        // The public tip line (Features/Tips, Pages/Report; ADR 0018): no account, rate-limited, nothing identifying kept.
        "/api/v1/tips/public",
        "/api/v1/tips/public/follow-up",
        "/report",
        "/report/follow-up",
    ];

    [Fact]
    public void EveryEndpoint_HasAPolicyOrAnExplicitExemption()
    {
        var endpoints = ((IEndpointRouteBuilder)fixture.Server.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 30, $"expected the whole route table, found {endpoints.Count} endpoints");
        var unprotected = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Policy)).ToList();
            if (anonymous ? !AnonymousExemptions.Contains(route) : policies.Count == 0)
            {
                unprotected.Add($"{route} ({endpoint.DisplayName})");
            }
        }
        Assert.Empty(unprotected);
    }

    [Fact]
    public void AnonymousExemptions_AreAllStillInTheRouteTable()
    {
        var routes = ((IEndpointRouteBuilder)fixture.Server.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')).ToHashSet();
        Assert.Equal(AnonymousExemptions.Order(), routes.Order());
    }

    [Theory]
    [InlineData("/api/v1/cases")]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/does-not-exist")]
    public async Task ApiWithoutCredentials_Answers401NotARedirect(string path)
    {
        using var client = fixture.Server.Client(Persona.Anonymous);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(StatusCodes.Status401Unauthorized, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
