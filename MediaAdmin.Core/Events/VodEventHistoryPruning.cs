using MediaAdmin.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Events;

/// <summary>Runs <see cref="VodEventHistoryPruner"/> at start-up and then every <see cref="Interval"/>, in each instance (pruning twice removes nothing more).</summary>
internal sealed partial class VodEventHistoryPruning(VodEventHistoryPruner pruner, TimeProvider clock, ILogger<VodEventHistoryPruning> logger) : BackgroundService
{
    /// <summary>Retention is counted in days; an hour late is never noticed, and the tables are indexed on the pruned times.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var pruned = await pruner.PruneAsync(stoppingToken);
                    LogPruned(logger, pruned.OutgoingEvents, pruned.ReceivedEvents, pruned.SyncRuns);
                }
                catch (Exception ex) when (DatabaseFailure.Is(ex))
                {
                    LogPruneFailed(logger, ex);
                }

                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start prunes what is due.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Outgoing} sent or abandoned callbacks, {Received} received callbacks and {SyncRuns} sync runs past their retention")]
    private static partial void LogPruned(ILogger logger, int outgoing, int received, int syncRuns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The callback and sync history could not be pruned; trying again in an hour")]
    private static partial void LogPruneFailed(ILogger logger, Exception error);
}
