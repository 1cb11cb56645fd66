using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// Removes the files of deleted assets in the background: woken by each deletion in this process, and every
/// poll interval for deletions made on other instances, retries, and removals a stopped run left (its records
/// are taken over once their lease runs out). Each round ends with the storage's housekeeping, so folders
/// left empty (by this run or, at start-up, an earlier one) go.
/// </summary>
public sealed class PendingFileDeletionWorker(
    IServiceProvider services,
    FileRemovalSignal signal,
    IOptions<DeletionOptions> options,
    ILogger<PendingFileDeletionWorker> logger) : BackgroundService
{
    /// <summary>How long a round waits after its wake-up before it starts.</summary>
    public static readonly TimeSpan WakeSettle = TimeSpan.FromMilliseconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await services.GetRequiredService<PendingFileRemover>().RemoveDueAsync(stoppingToken);
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
        while (await WaitAsync(stoppingToken));
    }

    private async Task<bool> WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(options.Value.WorkerPollInterval, stoppingToken);

            // Woken by a commit, the round waits a moment: the deletion that woke it answers first instead of sharing
            // the cores with the round's lanes, and commits in that moment join the same round. Real time, whatever
            // clock the records are dated by: it is about the machine's cores.
            await Task.Delay(WakeSettle, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
