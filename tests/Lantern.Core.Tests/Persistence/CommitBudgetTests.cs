using Lantern.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Persistence;

/// <summary>
/// When a single-name screening's answer may go before its commit (ADR 0024, addendum): only in the web server, only
/// past the budget, never for a missing child's alert; a late commit keeps its scope until it ends, later screenings
/// of the same input and other requests can wait for it, and shutdown waits for it.
/// </summary>
public sealed class CommitBudgetTests
{
    private sealed class Owned : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private static (AsyncServiceScope Scope, Owned Owned) NewScope()
    {
        var provider = new ServiceCollection().AddScoped<Owned>().BuildServiceProvider();
        var scope = provider.CreateAsyncScope();
        return (scope, scope.ServiceProvider.GetRequiredService<Owned>());
    }

    private static CommitBudget Early() => new() { AnswersEarly = true };

    [Fact]
    public async Task AwaitAsync_CommitOverrunsBudget_AnswersFirstAndDisposesTheScopeWhenTheCommitEnds()
    {
        var budget = Early();
        var (scope, owned) = NewScope();
        var disk = new TaskCompletionSource();

        var answered = budget.AwaitAsync("org|key", () => disk.Task, scope, mustWait: false);
        await answered.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, budget.Running);
        Assert.False(owned.Disposed);
        var pending = budget.PendingAsync("org|key");
        var settled = budget.SettledAsync();
        Assert.False(pending.IsCompleted);
        Assert.False(settled.IsCompleted);
        Assert.True(budget.PendingAsync("org|other").IsCompleted);

        disk.SetResult();
        await Task.WhenAll(pending, settled).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(owned.Disposed);
        Assert.Equal(0, budget.Running);
        Assert.True(budget.PendingAsync("org|key").IsCompleted);
    }

    [Fact]
    public async Task AwaitAsync_MustWait_WaitsForTheCommit()
    {
        var budget = Early();
        var (scope, owned) = NewScope();
        var disk = new TaskCompletionSource();

        var answered = budget.AwaitAsync("org|key", () => disk.Task, scope, mustWait: true);
        await Task.Delay(CommitBudget.Budget * 20);

        Assert.False(answered.IsCompleted);
        disk.SetResult();
        await answered.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(owned.Disposed);
        Assert.Equal(0, budget.Running);
    }

    [Fact]
    public async Task AwaitAsync_OutsideTheWebServer_WaitsForTheCommit()
    {
        var budget = new CommitBudget();
        var (scope, _) = NewScope();
        var disk = new TaskCompletionSource();

        var answered = budget.AwaitAsync("org|key", () => disk.Task, scope, mustWait: false);
        await Task.Delay(CommitBudget.Budget * 20);

        Assert.False(answered.IsCompleted);
        disk.SetResult();
        await answered.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AwaitAsync_CommitFailsWithinBudgetOrWaited_ThrowsToTheCaller()
    {
        var budget = new CommitBudget();
        var (scope, owned) = NewScope();

        await Assert.ThrowsAsync<InvalidOperationException>(() => budget.AwaitAsync("org|key", () => Task.FromException(new InvalidOperationException("constraint")), scope, mustWait: false));
        Assert.True(owned.Disposed);
    }

    [Fact]
    public async Task AwaitAsync_LateCommitFails_IsForgottenAndItsScopeDisposed()
    {
        var budget = Early();
        var (scope, owned) = NewScope();
        var disk = new TaskCompletionSource();

        await budget.AwaitAsync("org|key", () => disk.Task, scope, mustWait: false).WaitAsync(TimeSpan.FromSeconds(10));
        disk.SetException(new InvalidOperationException("disk full"));

        await budget.SettledAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(owned.Disposed);
        Assert.Equal(0, budget.Running);
    }

    [Fact]
    public async Task DisposeAsync_LateCommitRunning_WaitsForIt()
    {
        var budget = Early();
        var (scope, owned) = NewScope();
        var disk = new TaskCompletionSource();
        await budget.AwaitAsync("org|key", () => disk.Task, scope, mustWait: false).WaitAsync(TimeSpan.FromSeconds(10));

        var stopping = budget.DisposeAsync().AsTask();
        await Task.Delay(CommitBudget.Budget * 20);
        Assert.False(stopping.IsCompleted);

        disk.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(owned.Disposed);
    }
}
