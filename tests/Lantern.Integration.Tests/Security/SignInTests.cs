using System.Net;
using System.Text.RegularExpressions;
using Lantern.Integration.Tests.Infrastructure;
using OtpNet;

namespace Lantern.Integration.Tests.Security;

/// <summary>Sign-in over HTTP as a browser does it: password, TOTP enrolment and codes, lockout, sessions, cookies.</summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync() => _server = await LanternServer.StartAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FirstSignIn_EnrolsSecondFactor_ThenTheSameCodeIsRefusedASecondTime()
    {
        using var browser = new FormBrowser(_server.Address);
        var enrol = await browser.SignInAsync(LanternServer.Username(Persona.InvestigatorA), LanternServer.Password);
        Assert.Equal("/login/enrol", enrol.AbsolutePath);
        var page = await browser.GetAsync("/login/enrol");
        var secret = SecretPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(secret);
        var qr = await browser.Client.GetAsync(new Uri("/login/enrol?handler=qr", UriKind.Relative));
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);
        var landed = await browser.PostFormAsync("/login/enrol", "/login/enrol", new() { ["Code"] = code });
        Assert.Equal("/", landed.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(new Uri("/cases", UriKind.Relative))).StatusCode);

        // Sign out, then in again with the very same code: refused, even within its 30 seconds.
        await browser.PostFormAsync("/cases", "/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync(new Uri("/cases", UriKind.Relative))).StatusCode);
        var second = await browser.SignInAsync(LanternServer.Username(Persona.InvestigatorA), LanternServer.Password);
        Assert.Equal("/login/code", second.AbsolutePath);
        var replay = await browser.PostFormAsync("/login/code", "/login/code", new() { ["Code"] = code });
        Assert.Equal("/login/code", replay.AbsolutePath);
        Assert.Contains("not accepted", browser.LastPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync(new Uri("/cases", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SixFailedPasswords_LockTheAccount_AndTheRightPasswordIsRefusedToo()
    {
        using var browser = new FormBrowser(_server.Address);
        var user = LanternServer.Username(Persona.AuditorA);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("/login", (await browser.SignInAsync(user, "wrong password " + i)).AbsolutePath);
        }
        var afterLock = await browser.SignInAsync(user, LanternServer.Password);
        Assert.Equal("/login", afterLock.AbsolutePath);
        Assert.Contains("Sign-in failed", browser.LastPage, StringComparison.Ordinal);
        // The API token of a locked account stops working too.
        using var api = _server.Client(Persona.AuditorA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionOnTheServer()
    {
        var enrol = new Lantern.Core.Features.Administration.AddUser.Request("test.disable.me", LanternServer.OrganisationA, "caseworker", LanternServer.Password);
        await _server.AsOperatorAsync((sp, actor) => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Lantern.Core.Features.Administration.AddUser.Handler>(sp).Handle(actor, enrol, CancellationToken.None));
        using var browser = new FormBrowser(_server.Address);
        await browser.SignInAsync("test.disable.me", LanternServer.Password);
        var secret = SecretPattern().Match(await browser.GetAsync("/login/enrol")).Groups[1].Value;
        await browser.PostFormAsync("/login/enrol", "/login/enrol", new() { ["Code"] = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(new Uri("/cases", UriKind.Relative))).StatusCode);

        using var admin = _server.Client(Persona.AdministratorA);
        using var disabled = await admin.PostAsync(new Uri("/api/v1/users/test.disable.me/disable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        using var after = await browser.Client.GetAsync(new Uri("/cases", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUsername_AndWrongPassword_GetTheSameAnswer()
    {
        using var one = new FormBrowser(_server.Address);
        await one.SignInAsync("nobody.at.all", "some password 123");
        var unknown = Normalise(one.LastPage);
        using var two = new FormBrowser(_server.Address);
        await two.SignInAsync(LanternServer.Username(Persona.AnalystA), "some password 123");
        Assert.Equal(unknown, Normalise(two.LastPage));
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyStrict_AndPagesAreNotCached()
    {
        using var browser = new FormBrowser(_server.Address);
        using var response = await browser.Client.GetAsync(new Uri("/login", UriKind.Relative));
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("lantern_csrf", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_IsRejected()
    {
        using var browser = new FormBrowser(_server.Address);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Username"] = "x", ["Password"] = "y" });
        using var response = await browser.Client.PostAsync(new Uri("/login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // The token differs per response and the form echoes the typed username; everything else must match.
    private static string Normalise(string page) => UsernamePattern().Replace(CsrfPattern().Replace(page, ""), "");

    [GeneratedRegex("<code id=\"totp-secret\">([A-Z2-7]+)</code>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex CsrfPattern();

    [GeneratedRegex("name=\"Username\" value=\"[^\"]*\"")]
    private static partial Regex UsernamePattern();
}
