using System.Text.Json.Serialization;
using Lantern.Core;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Lantern.Features.Administration;
using Lantern.Features.Cases;
using Lantern.Features.People;
using Lantern.Features.Referrals;
using Lantern.Features.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.FileProviders;

namespace Lantern.Web;

/// <summary>What <c>lantern serve</c> needs beyond Core's options.</summary>
public sealed record WebSettings(LanternOptions Lantern, string Urls, bool Demo);

/// <summary>Builds the web UI and REST API host. <c>lantern serve</c> and the integration tests both start it on Kestrel.</summary>
public static class LanternWebHost
{
    public const string SignedIn = "signed-in";

    /// <summary>
    /// Single-name screenings may answer before their commit when the disk stalls; every other request waits for
    /// such commits first, so whatever a user does after an answer (open the alert, list alerts, read the audit
    /// log) sees what that answer raised. Screening itself waits only for an earlier screening of the same input.
    /// </summary>
    private static void UseReadYourScreenings(WebApplication app)
    {
        var budget = app.Services.GetRequiredService<CommitBudget>();
        budget.AnswersEarly = true;
        app.Use(async (context, next) =>
        {
            // Only the screening itself (API and form); its alert, batch and profile pages wait like everything else.
            var path = context.Request.Path;
            var screening = path.Equals("/api/v1/name-screening/names", StringComparison.OrdinalIgnoreCase) || path.Equals("/name-screening", StringComparison.OrdinalIgnoreCase);
            if (!screening)
            {
                await budget.SettledAsync();
            }
            await next(context);
        });
    }

    public static WebApplication Build(WebSettings settings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LanternWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Its keys sit in the 0700 key folder; the "no XML encryptor" warning says only that.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Lantern.Web.LanternAuthentication", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(new DemoMode { Enabled = settings.Demo });
        services.AddLanternCore(settings.Lantern);
        services.AddLanternAuthentication();
        services.AddAuthorization(options =>
        {
            // Deny by default: an endpoint without its own policy still needs a signed-in user.
            options.FallbackPolicy = new AuthorizationPolicyBuilder(LanternAuthentication.Scheme).RequireAuthenticatedUser().Build();
            options.AddPolicy(SignedIn, p => p.AddAuthenticationSchemes(LanternAuthentication.Scheme).RequireAuthenticatedUser());
            foreach (var permission in Permissions.All)
            {
                options.AddPolicy(permission, p => p.AddAuthenticationSchemes(LanternAuthentication.Scheme).RequireClaim(HttpActor.PermissionClaim, permission));
            }
        });
        services.AddDataProtection()
            .SetApplicationName("Lantern")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(settings.Lantern.KeyFolder), "data-protection")));
        // Named explicitly: when tests host Lantern, the entry assembly is the test runner, not lantern.dll.
        services.AddRazorPages().AddApplicationPart(typeof(LanternWebHost).Assembly);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "lantern_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1");
        // ---- Possible duplicates (Features/Duplicates): the linking outbox is worked in the background ----
        services.AddHostedService<Features.Duplicates.DuplicateLinkingService>();
        // ---- end ----
        // ---- Name screening (Features/Watchlists): batches and re-screening on list change run in the background ----
        services.AddHostedService<Features.Watchlists.NameScreeningService>();
        // ---- end ----
        // ---- Tip line (Features/Tips): the in-memory rate limiter of the public doors ----
        services.AddSingleton(new Features.Tips.TipLimits());
        services.AddSingleton<Features.Tips.TipLimiter>();
        // ---- end ----
        // ---- Languages of the interface (Web/Localisation; docs/decisions/0020-urdu-and-right-to-left.md) ----
        services.AddSingleton(Localisation.Catalogue.Shipped);
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer, Localisation.CatalogueLocalizer>();
        // Razor escapes every non-Latin letter as &#x...; by default: Urdu pages would triple in size on slow phones.
        // Markup characters (< > & " ') are still escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // ---- end ----
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseLanternSecurityHeaders();
        app.UseLanternErrors();
        // ---- Name screening: answers that went before their commit (CommitBudget, ADR 0024) ----
        UseReadYourScreenings(app);
        // ---- end ----
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/static",
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")),
        });
        // ---- Tip line (Features/Tips): small bodies only on the public doors ----
        Features.Tips.TipLineBodyLimit.UseTipLineBodyLimit(app);
        // ---- end ----
        app.UseRouting();
        app.UseAuthentication();
        // ---- Languages of the interface: after authentication, which tells whose saved choice applies ----
        Localisation.Language.UseLanternLanguages(app);
        // ---- end ----
        app.UseAuthorization();

        // Exempt: the API description holds no data, and clients need it before they have a token.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // Exempt: liveness probe for process supervisors; answers "ok" only.
        app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();

        var api = app.MapGroup("/api/v1");
        api.MapCasesApi();
        api.MapPeopleApi();
        api.MapAdministrationApi();
        api.MapStatisticsApi();
        // ---- Reports and anonymised releases (Features/Reports) ----
        Features.Reports.ReportsApi.MapReportsApi(api);
        // ---- end ----
        Features.Prosecutions.ProsecutionsApi.MapProsecutionsApi(api);
        api.MapReferralsApi();
        // ---- Labour inspections (Features/Inspections) ----
        Features.Inspections.InspectionsApi.MapInspectionsApi(api);
        // ---- end ----
        Features.Screening.ScreeningApi.MapScreeningApi(api);
        // ---- Evidence register and intelligence (Features/Evidence, Features/Intelligence) ----
        Features.Evidence.EvidenceApi.MapEvidenceApi(api);
        Features.Intelligence.IntelligenceApi.MapIntelligenceApi(api);
        // ---- end ----
        // ---- Possible duplicates (Features/Duplicates) ----
        Features.Duplicates.DuplicatesApi.MapDuplicatesApi(api);
        // ---- end ----
        // ---- Networks (Features/Networks) ----
        Features.Networks.NetworkApi.MapNetworkApi(api);
        // ---- end ----
        // ---- Watchlists: lists, entries and imports (Features/Watchlists) ----
        Features.Watchlists.WatchlistsApi.MapWatchlistsApi(api);
        // ---- Name screening (Features/Watchlists) ----
        Features.Watchlists.NameScreeningApi.MapNameScreeningApi(api);
        // ---- end ----
        // ---- Signed sharing packages (Features/Sharing) ----
        Features.Sharing.SharingApi.MapSharingApi(api);
        // ---- end ----
        // ---- Tip line (Features/Tips) ----
        Features.Tips.TipsApi.MapTipsApi(api);
        // ---- end ----
        // Unknown API paths answer in problem+json too (after authentication, so anonymous callers get 401).
        api.MapFallback((HttpContext context) => Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", "No such API endpoint.", null))
            .RequireAuthorization(SignedIn).ExcludeFromDescription();

        app.MapRazorPages();
        return app;
    }

    /// <summary>Prepares the database for serving: SQLite is migrated, PostgreSQL checked.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().PrepareForServingAsync(ct);
    }
}
