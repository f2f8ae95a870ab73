using Lantern.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Auditing;

/// <summary>
/// Writes audit-only saves (a case viewed, an access denied) together. Appending to the chain takes the chain lock
/// through COMMIT, so one commit per request serialises every audited read on the database's fsync. Requests hand
/// their entries here and wait; one writer at a time chains and commits everything that queued meanwhile, in one
/// transaction, then releases them all. A request still returns only after its entries are durable.
/// The writer runs only while there is work, so the CLI (no host) uses the same path.
/// </summary>
internal sealed class AuditGroupCommit(IServiceScopeFactory scopes)
{
    private readonly Lock _gate = new();
    private List<(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Done)> _queue = [];
    private bool _writing;

    public Task WriteAsync(IReadOnlyList<AuditEntry> entries)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _queue.Add((entries, done));
            start = !_writing;
            _writing = true;
        }
        if (start)
        {
            _ = Task.Run(DrainAsync);
        }
        return done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Done)> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = _queue;
                _queue = [];
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.WritesAuditInline = true;
                foreach (var (entries, _) in batch)
                {
                    db.AuditEntries.AddRange(entries);
                }
                // Not cancellable: an audit entry whose request was abandoned is still owed to the log.
                await db.SaveChangesAsync(CancellationToken.None);
                foreach (var (_, done) in batch)
                {
                    done.TrySetResult();
                }
            }
#pragma warning disable CA1031 // every waiting request must learn of the failure; none may hang
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var (_, done) in batch)
                {
                    done.TrySetException(e);
                }
            }
        }
    }
}
