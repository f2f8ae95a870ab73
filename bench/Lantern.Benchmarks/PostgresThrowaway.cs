using System.Diagnostics;

namespace Lantern.Benchmarks;

/// <summary>
/// A throwaway PostgreSQL 15 started and removed with the repository's scripts/postgres-throwaway.sh (the same one
/// ./test uses), for a run without --postgres. Its data folder is deleted when it stops.
/// </summary>
internal sealed class PostgresThrowaway : IAsyncDisposable
{
    private readonly string _script;
    private string? _root;

    private PostgresThrowaway(string script, string root, string connection)
    {
        _script = script;
        _root = root;
        Connection = connection;
    }

    /// <summary>"Host=127.0.0.1;Port=...;Username=postgres", without a database name.</summary>
    public string Connection { get; }

    public static async Task<PostgresThrowaway> StartAsync(CancellationToken ct)
    {
        var script = FindScript();
        var (code, output) = await BashAsync(script, "source \"$1\" && pg_throwaway_start && printf '%s\\n%s\\n' \"$PG_THROWAWAY_ROOT\" \"$PG_THROWAWAY_CONNECTION\"", [], ct);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (code != 0 || lines.Length < 2)
        {
            throw new InvalidOperationException($"Could not start a throwaway PostgreSQL with {script} (exit {code}); install the postgresql package or pass --postgres.");
        }
        return new PostgresThrowaway(script, lines[^2], lines[^1]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_root is null)
        {
            return;
        }
        var root = _root;
        _root = null;
        await BashAsync(_script, "source \"$1\" && PG_THROWAWAY_ROOT=\"$2\" && pg_throwaway_stop", [root], CancellationToken.None);
    }

    /// <summary>For a process that ends without reaching <see cref="DisposeAsync"/> (Ctrl-C twice, an unhandled error).</summary>
    public void StopNow()
    {
        if (_root is not null)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string FindScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "scripts", "postgres-throwaway.sh");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException("scripts/postgres-throwaway.sh was not found above the current folder; run from the repository or pass --postgres.");
    }

    private static async Task<(int Code, string Output)> BashAsync(string script, string command, IReadOnlyList<string> extra, CancellationToken ct)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", command, "postgres-throwaway", script }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, output);
    }
}
