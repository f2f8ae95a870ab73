using Lantern.Core.Features.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Security;

/// <summary>Server-side sessions: idle timeout, logout, and a new session at every sign-in.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private CoreHarness _core = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        await _core.RunAsync(async sp =>
        {
            await sp.GetRequiredService<Organisations.AddHandler>().Handle(CoreHarness.Operator, "Test Organisation", "NGO", "PK", null, CancellationToken.None);
            return await sp.GetRequiredService<AddUser.Handler>().Handle(CoreHarness.Operator, new AddUser.Request("session.user", "Test Organisation", "caseworker", "Shelter intake desk 2026"), CancellationToken.None);
        });
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private async Task<string> SignInFullyAsync()
    {
        var pending = await _core.RunAsync(sp => sp.GetRequiredService<SignIn>().PasswordAsync("session.user", "Shelter intake desk 2026", "127.0.0.1", CancellationToken.None));
        var enrolment = await _core.RunAsync(sp => sp.GetRequiredService<SignIn>().BeginEnrolmentAsync(pending.SessionToken, CancellationToken.None));
        string secret;
        if (enrolment is { } e)
        {
            secret = e.Secret;
            Secret = secret;
        }
        else
        {
            secret = Secret!;
            _core.Clock.Advance(TimeSpan.FromSeconds(30));
        }
        var code = Lantern.Core.Security.SecondFactor.CodeAt(secret, _core.Clock.GetUtcNow().UtcDateTime);
        var full = await _core.RunAsync(sp => sp.GetRequiredService<SignIn>().SecondFactorAsync(pending.SessionToken, code, "127.0.0.1", CancellationToken.None));
        Assert.Equal(SignInStage.SignedIn, full.Stage);
        Assert.NotEqual(pending.SessionToken, full.SessionToken);
        return full.SessionToken!;
    }

    private string? Secret { get; set; }

    private Task<Lantern.Core.Security.Actor?> ResolveAsync(string token) =>
        _core.RunAsync(sp => sp.GetRequiredService<SignIn>().ResolveSessionAsync(token, "127.0.0.1", CancellationToken.None));

    [Fact]
    public async Task Session_IdleForThirtyMinutes_Ends()
    {
        var token = await SignInFullyAsync();
        _core.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await ResolveAsync(token));
        _core.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await ResolveAsync(token));
        _core.Clock.Advance(TimeSpan.FromMinutes(30).Add(TimeSpan.FromSeconds(1)));
        Assert.Null(await ResolveAsync(token));
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer()
    {
        var token = await SignInFullyAsync();
        Assert.NotNull(await ResolveAsync(token));
        await _core.RunAsync(async sp =>
        {
            await sp.GetRequiredService<SignIn>().SignOutAsync(token, "127.0.0.1", CancellationToken.None);
            return 0;
        });
        Assert.Null(await ResolveAsync(token));
    }

    [Fact]
    public async Task EverySignIn_StartsANewSession()
    {
        var first = await SignInFullyAsync();
        var second = await SignInFullyAsync();
        Assert.NotEqual(first, second);
        Assert.NotNull(await ResolveAsync(first));
        Assert.NotNull(await ResolveAsync(second));
    }

    [Fact]
    public async Task PendingSession_CannotBeUsedAsAFullOne()
    {
        var pending = await _core.RunAsync(sp => sp.GetRequiredService<SignIn>().PasswordAsync("session.user", "Shelter intake desk 2026", null, CancellationToken.None));
        Assert.Equal(SignInStage.EnrolmentRequired, pending.Stage);
        Assert.Null(await ResolveAsync(pending.SessionToken!));
    }
}
