using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// Finishes file removals that a request could not: after a storage error, or after the process
/// stopped between the commit and the removal. Runs on every instance; removals are idempotent. Each round
/// ends with the storage's housekeeping, so folders left empty (by this run or, at start-up, an earlier one) go.
/// </summary>
public sealed class PendingFileDeletionWorker(
    IServiceProvider services,
    IOptions<DeletionOptions> options,
    TimeProvider clock,
    ILogger<PendingFileDeletionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WorkerPollInterval, clock);
        do
        {
            try
            {
                var remover = services.GetRequiredService<PendingFileRemover>();
                await remover.ClearSettledRequestsAsync(stoppingToken);
                int settled;
                do
                {
                    settled = await remover.RemoveDueAsync(stoppingToken);
                }
                while (settled >= options.Value.WorkerBatchSize && !stoppingToken.IsCancellationRequested);

                await services.GetRequiredService<Storage.IMediaStorage>().PruneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive any one failed round; the next round retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "A round of pending file deletions failed; retrying at the next tick");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
