using Lantern.Core.Auditing;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Administration;

public static class AdministrationApi
{
    public sealed record MeResponse(string Username, Guid OrganisationId, string Role, IReadOnlyList<string> Permissions);

    public sealed record CreateTokenRequest(string? Name, int Days = 30);

    public sealed record CreatedToken(string Token, AccessTokens.TokenView Details);

    public static RouteGroupBuilder MapAdministrationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).RequireAuthorization(LanternWebHost.SignedIn).WithTags("Account").WithName("Me").WithSummary("Who the caller is and what they may do.");
        api.MapGet("/organisations", ListOrganisations).RequireAuthorization(LanternWebHost.SignedIn).WithTags("Organisations").WithName("ListOrganisations").WithSummary("Organisations using this installation.");

        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", ListUsers).RequireAuthorization(Permissions.UsersManage).WithName("ListUsers").WithSummary("Accounts of your organisation.");
        users.MapPost("/", CreateUser).RequireAuthorization(Permissions.UsersManage).WithName("AddUser").WithSummary("Add an account to your organisation.");
        users.MapPost("/{username}/disable", Disable).RequireAuthorization(Permissions.UsersManage).WithName("DisableUser").WithSummary("Disable an account and end its sessions.");
        users.MapPost("/{username}/enable", Enable).RequireAuthorization(Permissions.UsersManage).WithName("EnableUser").WithSummary("Enable an account.");

        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", ListTokens).RequireAuthorization(Permissions.TokensOwn).WithName("ListTokens").WithSummary("Your personal access tokens (never their values).");
        tokens.MapPost("/", CreateToken).RequireAuthorization(Permissions.TokensOwn).WithName("CreateToken").WithSummary("Create a personal access token; its value is shown once.");
        tokens.MapDelete("/{id:guid}", RevokeToken).RequireAuthorization(Permissions.TokensOwn).WithName("RevokeToken").WithSummary("Revoke a personal access token.");

        api.MapGet("/audit", SearchAuditLog).RequireAuthorization(Permissions.AuditRead).WithTags("Audit").WithName("SearchAudit").WithSummary("Search the audit log of your organisation.");
        return api;
    }

    private static Ok<MeResponse> Me(HttpContext http)
    {
        var actor = http.Actor();
        return TypedResults.Ok(new MeResponse(actor.Username, actor.OrganisationId.Value, RolePermissions.Name(actor.Role), actor.Permissions.Order(StringComparer.Ordinal).ToList()));
    }

    private static async Task<Ok<IReadOnlyList<Organisations.View>>> ListOrganisations(HttpContext http, Organisations.ListHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Ok<IReadOnlyList<UserView>>> ListUsers(HttpContext http, Users.ListHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Created<UserView>> CreateUser(AddUser.Request request, HttpContext http, AddUser.Handler handler, CancellationToken ct)
    {
        var user = await handler.Handle(http.Actor(), request, ct);
        return TypedResults.Created($"/api/v1/users/{user.Username}", user);
    }

    private static async Task<NoContent> Disable(string username, HttpContext http, Users.SetDisabledHandler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), username, disabled: true, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Enable(string username, HttpContext http, Users.SetDisabledHandler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), username, disabled: false, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<AccessTokens.TokenView>>> ListTokens(HttpContext http, AccessTokens tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(http.Actor(), null, ct));

    private static async Task<Created<CreatedToken>> CreateToken(CreateTokenRequest request, HttpContext http, AccessTokens tokens, CancellationToken ct)
    {
        var (token, view) = await tokens.CreateAsync(http.Actor(), null, request.Name, request.Days, ct);
        return TypedResults.Created($"/api/v1/tokens/{view.Id}", new CreatedToken(token, view));
    }

    private static async Task<NoContent> RevokeToken(Guid id, HttpContext http, AccessTokens tokens, CancellationToken ct)
    {
        await tokens.RevokeAsync(http.Actor(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Paged<AuditEntryView>>> SearchAuditLog(HttpContext http, SearchAudit.Handler handler, CancellationToken ct,
        string? actor = null, string? action = null, string? entityId = null, DateTime? from = null, DateTime? to = null, int page = 1, int pageSize = 50) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new SearchAudit.Request(actor, action, entityId, from, to, page, pageSize), ct));
}
