namespace Lantern.Cli;

/// <summary>
/// What the commands need of the standard streams beyond <see cref="Console.Out"/>, <see cref="Console.Error"/> and
/// <see cref="Console.In"/>: raw bytes on stdout, and whether stdin is redirected. In the shipped executable these are
/// the process's own. The integration tests run the command line in their own process, many invocations at once,
/// each with its own streams: they route the <see cref="Console"/> writers per invocation and set
/// <see cref="InProcessOutput"/> for the invocation's async flow. Nothing a user can set reaches this.
/// </summary>
internal static class StandardStreams
{
    /// <summary>The raw stdout of an in-process invocation (tests); null in the shipped executable.</summary>
    internal static readonly AsyncLocal<Stream?> InProcessOutput = new();

    /// <summary>Raw standard output, for bytes that must not pass through a text encoder. Dispose it after writing.</summary>
    public static Stream OpenOutput() => InProcessOutput.Value ?? Console.OpenStandardOutput();

    /// <summary>An in-process invocation always has its stdin given (possibly empty), as a spawned process in the tests does.</summary>
    public static bool IsInputRedirected => InProcessOutput.Value is not null || Console.IsInputRedirected;
}
