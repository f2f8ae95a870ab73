using Lantern.Core.Common;
using Lantern.Core.Features.Duplicates;
using Lantern.Core.Security;

namespace Lantern.Features.Duplicates;

/// <summary>
/// Works the linking outbox while <c>lantern serve</c> runs: every few seconds, persons created or changed since are
/// linked against the records sharing a blind-index key with them, as the audited system actor "system:linking".
/// Until a full run (<c>lantern link --database</c>) has trained the model, it leaves the outbox alone.
/// </summary>
internal sealed partial class DuplicateLinkingService(IServiceScopeFactory scopes, ILogger<DuplicateLinkingService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static readonly Actor Linker = new(new UserId(Guid.Empty), "system:linking", default, Role.Administrator, "local", IsSystem: true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                LinkPendingPersons.Response run;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    run = await scope.ServiceProvider.GetRequiredService<LinkPendingPersons.Handler>().Handle(Linker, stoppingToken, fullRunIfUntrained: false);
                    if (run.Persons > 0)
                    {
                        Linked(log, run.Persons, run.Proposed);
                    }
                }
                while (run.Persons >= LinkPendingPersons.Batch);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked {Persons} changed person records; {Pairs} possible duplicates")]
    private static partial void Linked(ILogger logger, int persons, int pairs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incremental linking failed: {ExceptionType}")]
    private static partial void Failed(ILogger logger, string exceptionType);
}
