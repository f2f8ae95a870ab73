using System.Globalization;
using System.Text.RegularExpressions;

namespace Lantern.Benchmarks;

/// <summary>The command line. Every number is bounded, so a run is bounded in requests and in time.</summary>
internal sealed partial record BenchOptions
{
    public const string Usage = """
        Lantern benchmarks: open-loop HTTP load against a real Lantern on Kestrel (127.0.0.1 only).

        dotnet run -c Release --project bench/Lantern.Benchmarks -- [options]

          --provider sqlite|postgres|both   database(s) to measure (default: both)
          --postgres "<connection>"         a PostgreSQL server to create a scratch database on, e.g.
                                            "Host=127.0.0.1;Port=5433;Username=postgres"; without it a throwaway
                                            server is started with scripts/postgres-throwaway.sh (needs the
                                            postgresql Debian package) and removed afterwards
          --postgres-extra ";Max Auto Prepare=64"
                                            appended to the PostgreSQL connection string Lantern gets (to
                                            measure a driver setting)
          --cases N                         synthetic cases to import for the large name-search run
                                            (default: 100000; 0 skips the large run)
          --rates 50,100,200,400            fixed request rates (req/s) for case reads and creations
          --search-rates 5,20,50            fixed request rates (req/s) for name search
          --seconds 15                      measured seconds per rate
          --warmup 3                        unmeasured seconds before each rate, at that rate
          --batch 250                       cases per import call
          --timeout 10                      seconds before one request counts as timed out
          --max-in-flight 1000              requests beyond this many outstanding are not sent (counted as errors)
          --seed 42                         seed of the synthetic data and of the request mix
          --scenarios reads,creates,search  which measurements to run (default: all three)
          --quiet-wait 120                  before each step, wait up to this many seconds for other processes
                                            to leave the machine quiet (0: don't wait); a step that starts on a
                                            busy machine is marked so

        Results: markdown tables on stdout. Progress: stderr.
        """;

    public IReadOnlyList<string> Providers { get; init; } = ["sqlite", "postgres"];
    public string? Postgres { get; init; }
    public string PostgresExtra { get; init; } = "";
    public int Cases { get; init; } = 100_000;
    public IReadOnlyList<int> Rates { get; init; } = [50, 100, 200, 400];
    public IReadOnlyList<int> SearchRates { get; init; } = [5, 20, 50];
    public int Seconds { get; init; } = 15;
    public int Warmup { get; init; } = 3;
    public int Batch { get; init; } = 250;
    public int Timeout { get; init; } = 10;
    public int MaxInFlight { get; init; } = 1000;
    public int Seed { get; init; } = 42;
    public int QuietWait { get; init; } = 120;
    public IReadOnlySet<string> Scenarios { get; init; } = new HashSet<string>(["reads", "creates", "search"], StringComparer.Ordinal);

    /// <summary>The arguments as given, for the report's "reproduce with" line.</summary>
    public string CommandLine { get; init; } = "";

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    /// <summary>Parses the arguments; null after --help. Throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions { CommandLine = string.Join(' ', args.Select(Quote)) };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--provider" => options with
                {
                    Providers = Value() switch
                    {
                        "sqlite" => ["sqlite"],
                        "postgres" => ["postgres"],
                        "both" => ["sqlite", "postgres"],
                        var other => throw new ArgumentException($"--provider is sqlite, postgres or both, not '{other}'."),
                    }
                },
                "--postgres" => options with { Postgres = Value() },
                "--postgres-extra" => options with { PostgresExtra = Value() },
                "--cases" => options with { Cases = Number(name, Value(), 0, 1_000_000) },
                "--rates" => options with { Rates = Numbers(name, Value(), 1, 5_000) },
                "--search-rates" => options with { SearchRates = Numbers(name, Value(), 1, 5_000) },
                "--seconds" => options with { Seconds = Number(name, Value(), 1, 300) },
                "--warmup" => options with { Warmup = Number(name, Value(), 0, 60) },
                "--batch" => options with { Batch = Number(name, Value(), 1, 5_000) },
                "--timeout" => options with { Timeout = Number(name, Value(), 1, 120) },
                "--max-in-flight" => options with { MaxInFlight = Number(name, Value(), 1, 10_000) },
                "--seed" => options with { Seed = Number(name, Value(), 0, int.MaxValue) },
                "--quiet-wait" => options with { QuietWait = Number(name, Value(), 0, 3600) },
                "--scenarios" => options with { Scenarios = Scenario(Value()) },
                _ => throw new ArgumentException($"Unknown option '{name}'; see --help."),
            };
        }
        if (options.Postgres is { } connection && !connection.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("--postgres must be a PostgreSQL connection string with Host=...");
        }
        return options;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} takes a whole number from {min} to {max}, not '{value}'.");

    private static List<int> Numbers(string name, string value, int min, int max)
    {
        var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Number(name, v, min, max)).ToList();
        return list.Count is > 0 and <= 20 ? list : throw new ArgumentException($"{name} takes 1 to 20 comma-separated rates.");
    }

    private static HashSet<string> Scenario(string value)
    {
        var known = new[] { "reads", "creates", "search" };
        var set = new HashSet<string>(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        var unknown = set.FirstOrDefault(s => !known.Contains(s, StringComparer.Ordinal));
        return unknown is null && set.Count > 0 ? set : throw new ArgumentException($"--scenarios takes a list of {string.Join(", ", known)}.");
    }

    private static string Quote(string value)
    {
        // A password given in --postgres stays out of the printed results.
        var arg = PasswordSetting().Replace(value, "${name}=***");
        return QuoteWord(arg);
    }

    [GeneratedRegex("(?<name>password|pwd)\\s*=[^;]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordSetting();

    private static string QuoteWord(string arg) => arg.Any(c => char.IsWhiteSpace(c) || c is ';' or '"' or '\'' or '&' or '|' or '$')
        ? "\"" + arg.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
        : arg;
}
