using System.Text.Encodings.Web;
using Lantern.Core.Auditing;
using Lantern.Core.Features.Administration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Lantern.Web;

/// <summary>
/// Two ways in: a browser session (cookie holding a random token, checked against the server-side session
/// table on every request) and a personal access token (<c>Authorization: Bearer lan_...</c>).
/// API paths answer 401/403 as problem+json; pages redirect to the sign-in page.
/// </summary>
public static class LanternAuthentication
{
    public const string Scheme = "Lantern";
    public const string SessionScheme = "LanternSession";
    public const string BearerScheme = "LanternBearer";
    public const string SessionCookie = "lantern_session";
    public const string PendingCookie = "lantern_pending";

    public static IServiceCollection AddLanternAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Session or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerScheme : SessionScheme)
            .AddScheme<AuthenticationSchemeOptions, SessionHandler>(SessionScheme, null)
            .AddScheme<AuthenticationSchemeOptions, BearerHandler>(BearerScheme, null);
        return services;
    }

    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static CookieOptions CookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    };

    internal static async Task WriteChallengeAsync(HttpContext context)
    {
        if (context.Request.IsApi())
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Authentication required", "Send a valid personal access token as 'Authorization: Bearer ...'.", null);
            return;
        }
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
    }

    internal static async Task WriteForbiddenAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await context.RequestServices.GetRequiredService<AuditLog>().WriteAsync(context.Actor(), "authorisation.denied", "endpoint", null,
                AuditOutcome.Denied, context.GetEndpoint()?.DisplayName, context.RequestAborted);
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (context.Request.IsApi())
        {
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this.", null);
            return;
        }
        context.Response.Redirect("/forbidden");
    }

    private sealed class SessionHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SignIn signIn)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Cookies.TryGetValue(SessionCookie, out var token))
            {
                return AuthenticateResult.NoResult();
            }
            var actor = await signIn.ResolveSessionAsync(token, HttpActor.RemoteAddress(Context), Context.RequestAborted);
            return actor is null
                ? AuthenticateResult.Fail("The session has ended.")
                : AuthenticateResult.Success(new AuthenticationTicket(HttpActor.ToPrincipal(actor, SessionScheme), SessionScheme));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WriteChallengeAsync(Context);

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WriteForbiddenAsync(Context);
    }

    private sealed class BearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokens tokens)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return AuthenticateResult.NoResult();
            }
            var actor = await tokens.ResolveAsync(header["Bearer ".Length..].Trim(), HttpActor.RemoteAddress(Context), Context.RequestAborted);
            return actor is null
                ? AuthenticateResult.Fail("The token is unknown, expired or revoked.")
                : AuthenticateResult.Success(new AuthenticationTicket(HttpActor.ToPrincipal(actor, BearerScheme), BearerScheme));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WriteChallengeAsync(Context);

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WriteForbiddenAsync(Context);
    }
}
