using System.Security.Claims;
using Lantern.Core.Common;
using Lantern.Core.Security;

namespace Lantern.Web;

/// <summary>Builds the Core <see cref="Actor"/> from the authenticated principal; the claims are written only by <see cref="LanternAuthentication"/>.</summary>
public static class HttpActor
{
    public const string UserIdClaim = "lantern:user";
    public const string OrganisationClaim = "lantern:organisation";
    public const string RoleClaim = "lantern:role";
    public const string PermissionClaim = "lantern:permission";

    public static ClaimsPrincipal ToPrincipal(Actor actor, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, actor.Username),
            new(UserIdClaim, actor.UserId.Value.ToString()),
            new(OrganisationClaim, actor.OrganisationId.Value.ToString()),
            new(RoleClaim, actor.Role.ToString()),
        };
        claims.AddRange(actor.Permissions.Select(p => new Claim(PermissionClaim, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Actor Actor(this HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new InvalidOperationException("No signed-in user: the endpoint must require authorisation.");
        }
        return new Actor(
            new UserId(Guid.Parse(user.FindFirstValue(UserIdClaim)!)),
            user.Identity.Name!,
            new OrganisationId(Guid.Parse(user.FindFirstValue(OrganisationClaim)!)),
            Enum.Parse<Role>(user.FindFirstValue(RoleClaim)!),
            RemoteAddress(context));
    }

    public static string? RemoteAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    public static bool Can(this ClaimsPrincipal user, string permission) => user.HasClaim(PermissionClaim, permission);
}
