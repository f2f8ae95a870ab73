using OtpNet;

namespace Lantern.Integration.Tests.Browser;

/// <summary>
/// What the user's authenticator app does. Lantern accepts a code only in its own 30-second step and only once,
/// so a test that signs in twice waits for a later step, and no code is typed in the last moments of a step.
/// </summary>
public static class Authenticator
{
    private const int StepSeconds = 30;

    /// <summary>A code typed with less time than this left in its step might reach the server in the next step.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    /// <summary>The current code, from a step later than <paramref name="afterStep"/>; waits (up to one step) when it must.</summary>
    public static async Task<(string Code, long Step)> NextCodeAsync(string secret, long afterStep = -1)
    {
        var now = DateTime.UtcNow;
        var step = StepOf(now);
        var left = StartOf(step + 1) - now;
        if (step <= afterStep || left < Margin)
        {
            await Task.Delay(StartOf(Math.Max(step, afterStep) + 1) - now + TimeSpan.FromMilliseconds(200));
            now = DateTime.UtcNow;
            step = StepOf(now);
        }
        return (new Totp(Base32Encoding.ToBytes(secret), step: StepSeconds).ComputeTotp(now), step);
    }

    private static long StepOf(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeSeconds() / StepSeconds;

    private static DateTime StartOf(long step) => DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime;
}
