using MediaAdmin.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>
/// Keeps the mirror in step with the remote catalog, one run at a time across every instance: carries on a run nobody
/// holds, else starts the full or incremental sync that is due, else sleeps until "Sync now" or the next poll.
/// At shutdown the run in progress is given back unfinished, and continues from its last page at the next start.
/// </summary>
internal sealed partial class SourceSyncWorker(
    SourceSyncSchedule schedule,
    SourceSyncRunner runner,
    SourceSyncSignal signal,
    IOptions<AlibabaVodSourceOptions> options,
    ILogger<SourceSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.IncrementalSyncInterval < SourceSyncTiming.LongestPoll ? options.Value.IncrementalSyncInterval : SourceSyncTiming.LongestPoll;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await RunNextAsync(stoppingToken))
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the run in progress was given back and carries on at the next start.
        }
    }

    /// <summary>Runs the next sync; false when there was none to run (or the database could not say).</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        try
        {
            var runId = await schedule.ClaimAsync(stoppingToken) ?? await schedule.StartDueAsync(stoppingToken);
            if (runId is null)
            {
                return false;
            }

            await runner.RunAsync(runId.Value, stoppingToken);
            return true;
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex) && !stoppingToken.IsCancellationRequested)
        {
            // A run whose progress could not be saved stays unfinished; once stale, it is taken over again.
            LogDatabaseFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The library sync could not read or write its runs; it looks again at the next poll")]
    private static partial void LogDatabaseFailed(ILogger logger, Exception error);
}
