using MediaAdmin.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// Runs queued transcoding jobs, <see cref="IngestOptions.Workers"/> at once. An idle worker wakes when this
/// process queues a job and otherwise polls, which also picks up jobs whose process died once their lease runs out.
/// </summary>
internal sealed partial class IngestWorker(
    IngestJobStore store, IngestJobRunner runner, IngestSignal signal, IOptions<IngestOptions> options, ILogger<IngestWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await ClaimAsync(stoppingToken) is { } job)
                {
                    await RunAsync(job, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(options.Value.WorkerPollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; a job that was running is back in the queue.
        }
    }

    /// <summary>A database that fails for a moment must not end the worker (and with it the host): it looks again at the next poll.</summary>
    private async Task<ClaimedJob?> ClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await store.ClaimAsync(stoppingToken);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex) && !stoppingToken.IsCancellationRequested)
        {
            LogClaimFailed(logger, ex);
            return null;
        }
    }

    /// <summary>When even recording the outcome fails, the job stays leased; its lease runs out and it runs again.</summary>
    private async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(job, stoppingToken);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            LogOutcomeLost(logger, ex, job.AssetId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of the ingest of {AssetId} could not be recorded; the job runs again when its lease runs out")]
    private static partial void LogOutcomeLost(ILogger logger, Exception error, string assetId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest could not look for queued jobs; it looks again at the next poll")]
    private static partial void LogClaimFailed(ILogger logger, Exception error);
}
