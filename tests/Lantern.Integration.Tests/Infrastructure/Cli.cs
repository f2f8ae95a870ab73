using System.Diagnostics;
using System.Reflection;
using System.Text;
using Lantern.Cli;

namespace Lantern.Integration.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the <c>lantern</c> command line. <see cref="RunAsync"/> runs it inside the test process (the executable's own
/// entry point, with stdin, stdout and stderr of its own), which spares a process start and a cold JIT per call;
/// <see cref="RunProcessAsync"/> starts the real executable, for the smoke tests that keep the shipped binary tested.
/// </summary>
public static class Cli
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // The executable's async entry point (top-level statements: Task<int> (string[] args)), found by its shape
    // rather than by the compiler's name for it.
    private static readonly Func<string[], Task<int>> Main = FindMain();

    /// <summary>Runs the command line in-process, as the executable would run with these arguments and this stdin.</summary>
    public static async Task<CliResult> RunAsync(TestDatabase database, string? stdin, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter { NewLine = Environment.NewLine };
        using var invocation = InProcessConsole.Begin(stdout, stderr, new StringReader(stdin ?? ""));
        // Thread-pool start: the invocation's async flow (and its AsyncLocal streams) stays apart from the caller's.
        var exitCode = await Task.Run(() => Main([.. args, .. DatabaseArguments(database)]));
        invocation.Flush();
        return new CliResult(exitCode, Utf8.GetString(stdout.ToArray()), stderr.ToString());
    }

    /// <summary>Runs the real <c>lantern</c> executable (built beside the tests) in its own process.</summary>
    public static async Task<CliResult> RunProcessAsync(TestDatabase database, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lantern.dll"));
        foreach (var arg in args.Concat(DatabaseArguments(database)))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("LANTERN_DATABASE");
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string[] DatabaseArguments(TestDatabase database) =>
        ["--database", database.Options.ConnectionString, "--keys", database.Options.KeyFolder];

    private static Func<string[], Task<int>> FindMain()
    {
        var program = typeof(LocalCommand).Assembly.EntryPoint?.DeclaringType
            ?? throw new InvalidOperationException("The lantern assembly has no entry point.");
        var main = program.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Single(m => m.ReturnType == typeof(Task<int>) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(string[]));
        return main.CreateDelegate<Func<string[], Task<int>>>();
    }
}

/// <summary>
/// Per-invocation standard streams for the in-process command line. Tests run in parallel, so the process-wide
/// <see cref="Console"/> writers are replaced once by writers that forward to the current invocation's streams
/// (an <see cref="AsyncLocal{T}"/>), and to the real console outside an invocation.
/// </summary>
internal static class InProcessConsole
{
    private static readonly AsyncLocal<Streams?> Current = new();
    private static readonly Lock InstallLock = new();
    private static bool _installed;

    public static Invocation Begin(Stream stdout, TextWriter stderr, TextReader stdin)
    {
        Install();
        var writer = new StreamWriter(stdout, new UTF8Encoding(false), 1024, leaveOpen: true) { AutoFlush = true };
        var streams = new Streams(writer, stderr, stdin);
        Current.Value = streams;
        StandardStreams.InProcessOutput.Value = new RawOutput(writer);
        return new Invocation(streams);
    }

    private static void Install()
    {
        lock (InstallLock)
        {
            if (_installed)
            {
                return;
            }
            var (output, error, input) = (Console.Out, Console.Error, Console.In);
            Console.SetOut(new Forwarding(() => Current.Value?.Out ?? output, output.Encoding));
            Console.SetError(new Forwarding(() => Current.Value?.Error ?? error, error.Encoding));
            Console.SetIn(new ForwardingReader(() => Current.Value?.In ?? input));
            _installed = true;
        }
    }

    internal sealed record Streams(StreamWriter Out, TextWriter Error, TextReader In);

    internal sealed class Invocation(Streams streams) : IDisposable
    {
        public void Flush() => streams.Out.Flush();

        public void Dispose()
        {
            streams.Out.Dispose();
            streams.In.Dispose();
            Current.Value = null;
            StandardStreams.InProcessOutput.Value = null;
        }
    }

    private sealed class Forwarding(Func<TextWriter> target, Encoding encoding) : TextWriter
    {
        public override Encoding Encoding => encoding;
        public override void Write(char value) => target().Write(value);
        public override void Write(string? value) => target().Write(value);
        public override void Write(char[] buffer, int index, int count) => target().Write(buffer, index, count);
        public override void Write(ReadOnlySpan<char> buffer) => target().Write(buffer);
        public override void WriteLine() => target().WriteLine();
        public override void WriteLine(string? value) => target().WriteLine(value);
        public override void WriteLine(ReadOnlySpan<char> buffer) => target().WriteLine(buffer);
        public override Task WriteAsync(char value) => target().WriteAsync(value);
        public override Task WriteAsync(string? value) => target().WriteAsync(value);
        public override Task WriteAsync(char[] buffer, int index, int count) => target().WriteAsync(buffer, index, count);
        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => target().WriteAsync(buffer, cancellationToken);
        public override Task WriteLineAsync() => target().WriteLineAsync();
        public override Task WriteLineAsync(string? value) => target().WriteLineAsync(value);
        public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => target().WriteLineAsync(buffer, cancellationToken);
        public override void Flush() => target().Flush();
        public override Task FlushAsync() => target().FlushAsync();
    }

    private sealed class ForwardingReader(Func<TextReader> source) : TextReader
    {
        public override int Peek() => source().Peek();
        public override int Read() => source().Read();
        public override int Read(char[] buffer, int index, int count) => source().Read(buffer, index, count);
        public override string? ReadLine() => source().ReadLine();
        public override string ReadToEnd() => source().ReadToEnd();
        public override Task<string?> ReadLineAsync() => source().ReadLineAsync();
        public override Task<string> ReadToEndAsync() => source().ReadToEndAsync();
    }

    /// <summary>Raw stdout of one invocation: text written before it is flushed first, and disposing it leaves stdout open.</summary>
    private sealed class RawOutput(StreamWriter text) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => text.BaseStream.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            text.Flush();
            text.BaseStream.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            text.Flush();
            text.BaseStream.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await text.FlushAsync(cancellationToken);
            await text.BaseStream.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
