using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lantern.Core.Persistence;

/// <summary>
/// Lets a single-name screening answer before its commit when the disk stalls (ADR 0024, addendum). The answer waits
/// for the commit as long as <see cref="Budget"/>; a commit still running then finishes in the background, in the
/// scope (and database context) it was made in, and the officer is not kept waiting for the disk.
/// </summary>
/// <remarks>
/// <para>What waits always: a screening that raised an alert on a missing child (its owner must be told, so that
/// answer never goes before the alert is stored), and every use outside the web server (the command line and tests
/// switch nothing on, so <see cref="AnswersEarly"/> stays false).</para>
/// <para>Reading one's own writes: a later screening of the same input waits for the earlier commit before it reads
/// the input's alerts (<see cref="PendingAsync"/>), so no alert is raised twice, and the web server lets every other
/// request wait for all late commits first (<see cref="SettledAsync"/>), so a page or API call made after an answer
/// shows what that answer raised.</para>
/// <para>What can be lost: the screenings whose commit was still running when the process was killed (a crash, not a
/// stop: <see cref="DisposeAsync"/> waits for them at shutdown). Their officers had their answers; the subject, the
/// alerts on suspects' lists and the audit entry of those screenings are lost. A failed late commit is logged
/// without personal data.</para>
/// </remarks>
public sealed class CommitBudget : IAsyncDisposable
{
    internal CommitBudget(ILogger<CommitBudget>? log = null) => _log = log ?? NullLogger<CommitBudget>.Instance;

    /// <summary>How long an answer waits for its commit before it goes first.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(2);

    /// <summary>Set by the web server; false keeps every commit before its answer.</summary>
    public bool AnswersEarly { get; set; }

    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, Task> _byInput = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, string> _running = new();

    /// <summary>Late commits still running (for the tests and the benchmark).</summary>
    internal int Running => _running.Count;

    /// <summary>Completes when no late commit of <paramref name="input"/> (an organisation and a subject key) is running.</summary>
    internal Task PendingAsync(string input) => _byInput.TryGetValue(input, out var task) ? task : Task.CompletedTask;

    /// <summary>Completes when every late commit running now has finished.</summary>
    public Task SettledAsync() => _running.IsEmpty ? Task.CompletedTask : Task.WhenAll(_running.Keys);

    /// <summary>
    /// Runs <paramref name="commit"/> (made in <paramref name="scope"/>) and waits for it up to <see cref="Budget"/> unless
    /// <paramref name="mustWait"/>; the scope is disposed when the commit has finished, now or later. A commit that
    /// finishes within the budget (or is waited for) throws its failure here, as any save would.
    /// </summary>
    internal async Task AwaitAsync(string input, Func<Task> commit, AsyncServiceScope scope, bool mustWait)
    {
        if (mustWait || !AnswersEarly)
        {
            try
            {
                await commit();
            }
            finally
            {
                await scope.DisposeAsync();
            }
            return;
        }
        // On a thread of its own: SQLite's asynchronous calls run synchronously, so the commit would not race the budget.
        var running = Task.Run(commit);
        if (await Task.WhenAny(running, Task.Delay(Budget)) == running)
        {
            try
            {
                await running;
            }
            finally
            {
                await scope.DisposeAsync();
            }
            return;
        }
        var late = FinishLateAsync(running, scope);
        _running[late] = input;
        _byInput[input] = late;
        // attached after both entries exist, so a commit that has already finished is forgotten at once
        _ = late.ContinueWith(t => Forget(t, input), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task FinishLateAsync(Task commit, AsyncServiceScope scope)
    {
        try
        {
            await commit;
        }
#pragma warning disable CA1031 // the answer has gone; the failure is logged (the exception's type only: no personal data)
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.LogError("A single-name screening's late commit failed ({Type}); its subject, alerts and audit entry were not stored.", e.GetType().Name);
        }
        finally
        {
            await scope.DisposeAsync();
        }
    }

    private void Forget(Task task, string input)
    {
        _running.TryRemove(task, out _);
        _byInput.TryRemove(new KeyValuePair<string, Task>(input, task));
    }

    public async ValueTask DisposeAsync()
    {
        // late commits cannot start once the server has stopped taking requests; wait for those still running
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys);
            foreach (var (task, input) in _running.Where(r => r.Key.IsCompleted).ToArray())
            {
                Forget(task, input);
            }
        }
    }
}
