using System.Diagnostics;
using System.Globalization;

namespace Lantern.Benchmarks;

/// <summary>
/// CPU use over an interval, as shares of the whole machine: this process (Lantern and the load generator),
/// PostgreSQL's processes, and the whole machine (whatever else runs too: on a shared machine, a build next door
/// shows up here). Read from /proc; zero where it does not exist.
/// </summary>
internal readonly record struct CpuUse(double ThisProcess, double Postgres, double Machine)
{
    /// <summary>The share of the machine that other processes may use while the machine still counts as quiet.</summary>
    public const double QuietShare = 0.10;

    /// <summary>Waits (up to <paramref name="patience"/>) until other processes leave the machine quiet for a second; false if they never did.</summary>
    public static async Task<bool> WaitForQuietAsync(TimeSpan patience, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        var lastSaid = TimeSpan.Zero;
        while (true)
        {
            var start = Now();
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var use = Now().Since(start);
            var others = use.Machine - use.ThisProcess;
            if (others < QuietShare)
            {
                return true;
            }
            if (waited.Elapsed >= patience)
            {
                Console.Error.WriteLine(Report.Invariant($"  other processes still use {others:P0} of the machine; measuring anyway (marked 'busy')."));
                return false;
            }
            if (waited.Elapsed - lastSaid >= TimeSpan.FromSeconds(10) || lastSaid == TimeSpan.Zero)
            {
                lastSaid = waited.Elapsed;
                Console.Error.WriteLine(Report.Invariant($"  waiting for a quiet machine: other processes use {others:P0} of it..."));
            }
        }
    }

    public static Mark Now() => new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime, PostgresTicks(), MachineTicks());

    public readonly record struct Mark(long At, TimeSpan Own, long Postgres, (long Busy, long Total) Machine)
    {
        public CpuUse Since(Mark start)
        {
            var wall = (At - start.At) / (double)Stopwatch.Frequency;
            var cores = Environment.ProcessorCount;
            var own = wall > 0 ? (Own - start.Own).TotalSeconds / (wall * cores) : 0;
            var total = Machine.Total - start.Machine.Total;
            var machine = total > 0 ? (Machine.Busy - start.Machine.Busy) / (double)total : 0;
            var postgres = total > 0 ? Math.Max(0, Postgres - start.Postgres) / (double)total : 0;
            return new CpuUse(Math.Clamp(own, 0, 1), Math.Clamp(postgres, 0, 1), Math.Clamp(machine, 0, 1));
        }
    }

    /// <summary>User and system ticks of every running process named postgres (server and backends), and of their ended children.</summary>
    private static long PostgresTicks()
    {
        long ticks = 0;
        try
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!char.IsAsciiDigit(Path.GetFileName(dir)[0]))
                {
                    continue;
                }
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var open = stat.IndexOf('(', StringComparison.Ordinal);
                    var close = stat.LastIndexOf(')');
                    if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
                    {
                        continue;
                    }
                    // Fields after the name: state is field 3; utime, stime, cutime and cstime are fields 14 to 17.
                    // The children's times make backends that ended (reaped by the postmaster) still count.
                    var fields = stat[(close + 2)..].Split(' ');
                    ticks += fields.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
                }
                catch (IOException)
                {
                    // The process ended while we looked.
                }
            }
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
        return ticks;
    }

    /// <summary>Busy and total jiffies of all cores, from the first line of /proc/stat.</summary>
    private static (long Busy, long Total) MachineTicks()
    {
        try
        {
            var first = File.ReadLines("/proc/stat").First();
            var values = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var total = values.Sum();
            var idle = values[3] + values[4];
            return (total - idle, total);
        }
        catch (IOException)
        {
            return (0, 0);
        }
        catch (UnauthorizedAccessException)
        {
            return (0, 0);
        }
    }
}
