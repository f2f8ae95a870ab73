using System.Diagnostics;
using System.Net;

namespace Lantern.Benchmarks;

/// <summary>What one request asks for; built before the step starts, so building costs nothing during it.</summary>
internal sealed record PlannedRequest(HttpMethod Method, string Path, string? JsonBody = null);

/// <summary>The measured part of one fixed-rate step.</summary>
internal sealed record StepResult(
    int TargetRate,
    int Scheduled,
    int Ok,
    IReadOnlyDictionary<string, int> Errors,
    double AchievedPerSecond,
    double P50,
    double P95,
    double P99,
    double Max,
    double SendLagP99,
    double? MeanHits,
    CpuUse Cpu)
{
    /// <summary>Whether other processes were quiet just before the step (see <see cref="CpuUse.WaitForQuietAsync"/>).</summary>
    public bool QuietBefore { get; init; } = true;

    public int ErrorCount => Errors.Values.Sum();

    /// <summary>The share of the machine that processes other than Lantern and PostgreSQL used during the step.</summary>
    public double OtherCpu => Math.Max(0, Cpu.Machine - Cpu.ThisProcess - Cpu.Postgres);

    /// <summary>A step during which other processes took a noticeable share of the two cores: its figures are suspect.</summary>
    public bool Disturbed => !QuietBefore || OtherCpu > CpuUse.QuietShare;

    public string ErrorSummary => Errors.Count == 0
        ? "0"
        : $"{ErrorCount} ({string.Join(", ", Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} x{e.Value}"))})";
}

/// <summary>
/// An open-loop load generator: request i is due at start + i/rate whatever happened to earlier requests, so a slow
/// server meets a growing queue instead of a politely waiting client (no coordinated omission). Latency is measured
/// from the moment a request was due, not from when it was sent. Only loopback addresses are accepted as targets,
/// and a step is bounded: rate x seconds requests, each with a timeout, and at most a fixed number outstanding.
/// </summary>
internal sealed class OpenLoad : IDisposable
{
    private enum Outcome : byte { Pending, Ok, HttpError, Timeout, Refused, NotSent }

    private struct Sample
    {
        public long Due;
        public long Sent;
        public long Done;
        public int Status;
        public Outcome Outcome;
        public double Hits;
    }

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly int _maxInFlight;
    private int _inFlight;

    public OpenLoad(Uri baseAddress, string bearerToken, TimeSpan timeout, int maxInFlight)
    {
        if (!IPAddress.TryParse(baseAddress.Host, out var ip) || !IPAddress.IsLoopback(ip))
        {
            throw new InvalidOperationException($"The load generator only targets loopback addresses, not '{baseAddress.Host}'.");
        }
        _timeout = timeout;
        _maxInFlight = maxInFlight;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = maxInFlight,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
    }

    /// <summary>
    /// Sends <paramref name="plan"/>[i % plan.Count] at <paramref name="rate"/> per second for warm-up plus measured seconds,
    /// waits for every answer (or its timeout), and summarises the measured part. <c>hits</c>, when given, reads a number
    /// from each successful answer's body (the search total), averaged in the result.
    /// </summary>
    public async Task<StepResult> RunAsync(int rate, int warmupSeconds, int seconds, IReadOnlyList<PlannedRequest> plan,
        Func<string, double>? hits, CancellationToken ct)
    {
        var warmupCount = rate * warmupSeconds;
        var total = warmupCount + (rate * seconds);
        var samples = new Sample[total];
        var tasks = new List<Task>(total);
        var frequency = Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp() + (frequency / 20);
        var cpuStart = CpuUse.Now();

        // The schedule runs on its own thread, so a busy thread pool (the server shares this process) delays
        // answers, which is measured, but never the sending of requests that are due.
        var scheduler = Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < total && !ct.IsCancellationRequested; i++)
            {
                var due = start + (long)(i * (double)frequency / rate);
                WaitUntil(due);
                if (i == warmupCount)
                {
                    cpuStart = CpuUse.Now();
                }
                samples[i].Due = due;
                if (Volatile.Read(ref _inFlight) >= _maxInFlight)
                {
                    samples[i].Outcome = Outcome.NotSent;
                    continue;
                }
                Interlocked.Increment(ref _inFlight);
                // Started here, not queued to the thread pool: the send itself must not wait for a free thread.
                tasks.Add(SendAsync(plan[i % plan.Count], samples, i, hits, _timeout));
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await scheduler;
        await Task.WhenAll(tasks);
        var cpu = CpuUse.Now().Since(cpuStart);
        ct.ThrowIfCancellationRequested();
        return Summarise(rate, seconds, samples.AsSpan(warmupCount), start + (long)(warmupCount * (double)frequency / rate), cpu);
    }

    /// <summary>
    /// One request at a time (closed loop), for an operation too slow to load at a fixed rate: the latency of a
    /// request on an otherwise idle server. Stops after <paramref name="count"/> requests or once <paramref name="budget"/> is spent.
    /// </summary>
    public async Task<StepResult> OneAtATimeAsync(IReadOnlyList<PlannedRequest> plan, int count, TimeSpan budget, TimeSpan timeout,
        Func<string, double>? hits, Action<PlannedRequest, double, double>? each, CancellationToken ct)
    {
        var samples = new Sample[Math.Min(count, plan.Count)];
        var clock = Stopwatch.StartNew();
        var cpuStart = CpuUse.Now();
        var windowStart = Stopwatch.GetTimestamp();
        var n = 0;
        for (; n < samples.Length && clock.Elapsed < budget; n++)
        {
            ct.ThrowIfCancellationRequested();
            samples[n].Due = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _inFlight);
            await SendAsync(plan[n], samples, n, hits, timeout);
            each?.Invoke(plan[n], (samples[n].Done - samples[n].Due) * 1000.0 / Stopwatch.Frequency, samples[n].Outcome == Outcome.Ok ? samples[n].Hits : double.NaN);
        }
        var cpu = CpuUse.Now().Since(cpuStart);
        return Summarise(0, clock.Elapsed.TotalSeconds, samples.AsSpan(0, n), windowStart, cpu);
    }

    private async Task SendAsync(PlannedRequest planned, Sample[] samples, int index, Func<string, double>? hits, TimeSpan timeout)
    {
        samples[index].Sent = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(planned.Method, new Uri(planned.Path, UriKind.Relative));
            if (planned.JsonBody is not null)
            {
                request.Content = new StringContent(planned.JsonBody, System.Text.Encoding.UTF8, "application/json");
            }
            using var expiry = new CancellationTokenSource(timeout);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, expiry.Token);
            var body = await response.Content.ReadAsStringAsync(expiry.Token);
            samples[index].Status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                samples[index].Hits = hits?.Invoke(body) ?? 0;
                samples[index].Outcome = Outcome.Ok;
            }
            else
            {
                samples[index].Outcome = Outcome.HttpError;
            }
        }
        catch (OperationCanceledException)
        {
            samples[index].Outcome = Outcome.Timeout;
        }
        catch (HttpRequestException)
        {
            samples[index].Outcome = Outcome.Refused;
        }
        finally
        {
            samples[index].Done = Stopwatch.GetTimestamp();
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static StepResult Summarise(int rate, double seconds, ReadOnlySpan<Sample> measured, long windowStart, CpuUse cpu)
    {
        var toMs = 1000.0 / Stopwatch.Frequency;
        var latencies = new List<double>(measured.Length);
        var lags = new List<double>(measured.Length);
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastDone = windowStart;
        var hitSum = 0.0;
        foreach (ref readonly var s in measured)
        {
            if (s.Outcome != Outcome.NotSent)
            {
                lags.Add(Math.Max(0, s.Sent - s.Due) * toMs);
            }
            if (s.Outcome == Outcome.Ok)
            {
                // From when it was due, or from when it was sent if that was (at most 1 ms) earlier.
                latencies.Add((s.Done - Math.Min(s.Due, s.Sent)) * toMs);
                lastDone = Math.Max(lastDone, s.Done);
                hitSum += s.Hits;
                continue;
            }
            var kind = s.Outcome switch
            {
                Outcome.HttpError => "HTTP " + s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Outcome.Timeout => "timeout",
                Outcome.Refused => "connection",
                Outcome.NotSent => "not sent (in-flight cap)",
                Outcome.Pending => "cancelled",
                Outcome.Ok => "ok",
            };
            errors[kind] = errors.GetValueOrDefault(kind) + 1;
        }
        latencies.Sort();
        lags.Sort();
        // Throughput over the measured window, stretched to the last answer when answers came late.
        var window = Math.Max(seconds, (lastDone - windowStart) / (double)Stopwatch.Frequency);
        return new StepResult(
            rate, measured.Length, latencies.Count, errors, latencies.Count / window,
            Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99),
            latencies.Count == 0 ? double.NaN : latencies[^1],
            Percentile(lags, 99),
            latencies.Count == 0 ? null : hitSum / latencies.Count,
            cpu);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static void WaitUntil(long due)
    {
        while (true)
        {
            var remaining = due - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }
            // Sleep in whole milliseconds and send up to 1 ms early rather than spin: spinning would take a
            // good part of one of the two cores at 400 req/s. An early send is timed from when it was sent.
            var ms = remaining * 1000 / Stopwatch.Frequency;
            if (ms < 1)
            {
                return;
            }
            Thread.Sleep((int)ms);
        }
    }

    public void Dispose() => _client.Dispose();
}
