using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;

namespace Lantern.Features.Watchlists;

/// <summary>
/// While <c>lantern serve</c> runs: every few seconds, screens the waiting batches chunk by chunk (progress visible
/// between chunks), then re-screens the screened population against the entries of lists whose version moved, as the
/// audited system actor "system:name-screening".
/// </summary>
internal sealed partial class NameScreeningService(IServiceScopeFactory scopes, ILogger<NameScreeningService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private static readonly Actor Screener = new(new UserId(Guid.Empty), "system:name-screening", default, Role.Administrator, "local", IsSystem: true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var prepared = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                ScreeningBatchView? batch;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    batch = await scope.ServiceProvider.GetRequiredService<ScreeningBatches.RunHandler>().Handle(Screener, stoppingToken);
                    if (batch is { Status: "done" or "failed" })
                    {
                        BatchFinished(log, batch.Id, batch.Status, batch.Done, batch.Hits);
                    }
                }
                while (batch is not null && !stoppingToken.IsCancellationRequested);

                await using var rescreen = scopes.CreateAsyncScope();
                var handler = rescreen.ServiceProvider.GetRequiredService<ScreeningRescreen.Handler>();
                if (!prepared)
                {
                    // the screened population is read and prepared once, so that a list change costs the changed entries only
                    var subjects = await handler.PrepareAsync(Screener, stoppingToken);
                    Prepared(log, subjects);
                    prepared = true;
                }
                if (await handler.PendingAsync(Screener, stoppingToken))
                {
                    var run = await handler.Handle(Screener, stoppingToken);
                    foreach (var l in run.Lists)
                    {
                        Rescreened(log, l.ListId, l.ChangedEntries, l.Subjects, l.Raised, l.Closed);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The type only: a message may quote data.
                Failed(log, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Screening batch {BatchId} {Status}: {Done} names, {Hits} hits")]
    private static partial void BatchFinished(ILogger logger, Guid batchId, string status, int done, int hits);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-screened list {ListId}: {Changed} changed entries, {Subjects} subjects, {Raised} alerts raised, {Closed} closed")]
    private static partial void Rescreened(ILogger logger, Guid listId, int changed, int subjects, int raised, int closed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Screened population prepared for re-screening: {Subjects} subjects")]
    private static partial void Prepared(ILogger logger, int subjects);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Name screening in the background failed: {ExceptionType}")]
    private static partial void Failed(ILogger logger, string exceptionType);
}
