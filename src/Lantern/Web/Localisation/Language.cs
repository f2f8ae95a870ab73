using System.Globalization;
using Lantern.Core.Features.Administration;
using Microsoft.AspNetCore.Localization;

namespace Lantern.Web.Localisation;

/// <summary>
/// The interface language of the current request, and how it is chosen: the signed-in user's saved choice, else the
/// <see cref="Cookie"/> set by the language switch (signed-out pages), else the browser's Accept-Language, else English.
/// API paths stay in English: they are read by programs. Urdu runs with the ur-PK culture (Western digits, Urdu
/// month names); English keeps the process culture, so English pages format exactly as before.
/// </summary>
public static class Language
{
    public const string Cookie = "lantern_language";
    public const string UrduCulture = "ur-PK";

    /// <summary>"ur" when the request's UI culture is Urdu, else "en".</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Languages.Urdu ? Languages.Urdu : Languages.English;

    public static bool RightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static IApplicationBuilder UseLanternLanguages(this IApplicationBuilder app)
    {
        var english = CultureInfo.CurrentCulture;
        var urdu = CultureInfo.GetCultureInfo(UrduCulture);
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(english, english),
            SupportedCultures = [english, urdu],
            SupportedUICultures = [english, urdu],
            FallBackToParentCultures = false,
            FallBackToParentUICultures = false,
        };
        options.RequestCultureProviders.Clear();
        options.RequestCultureProviders.Add(new LanguageCultureProvider());
        return app.UseRequestLocalization(options);
    }

    public static CookieOptions CookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = TimeSpan.FromDays(365),
        // Remembering a display language is part of the service asked for, not tracking.
        IsEssential = true,
    };
}

/// <summary>Sets the request culture from the user's saved language, the language cookie, or Accept-Language (see <see cref="Language"/>).</summary>
public sealed class LanguageCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (httpContext.Request.IsApi())
        {
            return null;
        }
        var language = ExplicitOnTipLine(httpContext) ?? await ChosenAsync(httpContext);
        return language == Languages.Urdu ? new ProviderCultureResult(Language.UrduCulture, Language.UrduCulture) : null;
    }

    /// <summary>Query string field that names the tip line's language (see <see cref="ExplicitOnTipLine"/>).</summary>
    public const string TipLineField = "lang";

    /// <summary>
    /// The public tip line (/report) sets no cookie, so its language switch is a pair of plain links (?lang=ur, ?lang=en)
    /// and its forms post back to the same query (action="/report?lang=ur"): the answer page stays in the language the
    /// reporter chose. Null when the request names no supported language; then the usual choice applies
    /// (Accept-Language for a reporter).
    /// </summary>
    private static string? ExplicitOnTipLine(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/report", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        string? named = context.Request.Query[TipLineField];
        return named is not null && Languages.IsSupported(named) ? named : null;
    }

    private static async Task<string?> ChosenAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var saved = await context.RequestServices.GetRequiredService<PreferredLanguage.Handler>().Handle(context.Actor(), context.RequestAborted);
            if (saved is not null)
            {
                return saved;
            }
        }
        if (context.Request.Cookies.TryGetValue(Language.Cookie, out var cookie) && Languages.IsSupported(cookie))
        {
            return cookie;
        }
        var accepted = context.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var range in accepted.OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? "";
            var code = tag.Split('-')[0].ToLowerInvariant();
            if (Languages.IsSupported(code))
            {
                return code;
            }
        }
        return null;
    }
}
