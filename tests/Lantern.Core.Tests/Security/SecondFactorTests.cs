using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Security;

namespace Lantern.Core.Tests.Security;

public sealed class SecondFactorTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 15, DateTimeKind.Utc);

    private static User EnrolledUser(out string secret)
    {
        var user = new User("test.user", OrganisationId.New(), Role.Investigator, "hash", isDemo: false, Now);
        secret = user.BeginEnrolment();
        return user;
    }

    [Fact]
    public void TryUseCode_CurrentCode_IsAcceptedOnce()
    {
        var user = EnrolledUser(out var secret);
        var code = SecondFactor.CodeAt(secret, Now);
        Assert.True(user.TryUseCode(code, Now));
        Assert.True(user.TotpEnrolled);
        Assert.False(user.TryUseCode(code, Now.AddSeconds(5)));
    }

    [Fact]
    public void TryUseCode_CodeOfThePreviousStep_IsRefused()
    {
        var user = EnrolledUser(out var secret);
        var old = SecondFactor.CodeAt(secret, Now.AddSeconds(-30));
        Assert.False(user.TryUseCode(old, Now));
    }

    [Fact]
    public void TryUseCode_CodeAfterItsStepEnds_IsRefused()
    {
        var user = EnrolledUser(out var secret);
        var code = SecondFactor.CodeAt(secret, Now);
        Assert.False(user.TryUseCode(code, Now.AddSeconds(31)));
    }

    [Fact]
    public void TryUseCode_NextStepsCode_AfterAUsedOne_IsAccepted()
    {
        var user = EnrolledUser(out var secret);
        Assert.True(user.TryUseCode(SecondFactor.CodeAt(secret, Now), Now));
        Assert.True(user.TryUseCode(SecondFactor.CodeAt(secret, Now.AddSeconds(30)), Now.AddSeconds(30)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("1234567")]
    public void TryUseCode_Malformed_IsRefused(string code)
    {
        var user = EnrolledUser(out _);
        Assert.False(user.TryUseCode(code, Now));
    }

    [Fact]
    public void QrCode_IsAnSvgRenderedLocally()
    {
        var svg = SecondFactor.QrCodeSvg(SecondFactor.ProvisioningUri(SecondFactor.NewSecret(), "test.user"));
        Assert.StartsWith("<svg", svg.TrimStart().Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "", StringComparison.Ordinal).TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("http", svg.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}

public sealed class LockoutTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void SixFailures_LockForThirtyMinutes()
    {
        var user = new User("test.user", OrganisationId.New(), Role.Investigator, "hash", isDemo: false, Now);
        for (var i = 0; i < 5; i++)
        {
            user.RecordFailedAttempt(Now);
            Assert.False(user.IsLocked(Now));
        }
        user.RecordFailedAttempt(Now);
        Assert.True(user.IsLocked(Now));
        Assert.True(user.IsLocked(Now.AddMinutes(29)));
        Assert.False(user.IsLocked(Now.AddMinutes(30).AddSeconds(1)));
    }

    [Fact]
    public void Success_ResetsTheCount()
    {
        var user = new User("test.user", OrganisationId.New(), Role.Investigator, "hash", isDemo: false, Now);
        for (var i = 0; i < 5; i++)
        {
            user.RecordFailedAttempt(Now);
        }
        user.RecordSuccessfulAttempt();
        user.RecordFailedAttempt(Now);
        Assert.False(user.IsLocked(Now));
    }
}
