using MediaAdmin.Core.Deletion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// Runs the purge steps that are due: at start-up (so a purge the last process left half-way resumes), after each
/// delete when purging is automatic, after Refresh now and Retry, and at every poll. Never part of a delete.
/// </summary>
internal sealed class CdnPurgeWorker(
    IServiceProvider services,
    CdnPurgeSignal signal,
    DeletionNotifier deletions,
    IOptions<CdnPurgeOptions> options,
    ILogger<CdnPurgeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runner = services.GetRequiredService<CdnPurgeRunner>();
        void Wake(AssetsDeleted _) => signal.Wake();
        if (options.Value.Automatic)
        {
            deletions.Deleted += Wake;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await RunRoundAsync(runner, stoppingToken) == 0)
                {
                    await signal.WaitAsync(options.Value.WorkerPollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a step cut short keeps its lease and is resumed by the next process.
        }
        finally
        {
            deletions.Deleted -= Wake;
        }
    }

    private async Task<int> RunRoundAsync(CdnPurgeRunner runner, CancellationToken stoppingToken)
    {
        try
        {
            return await runner.RunDueAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The worker must outlive any one failed round; a step that threw is retried when its lease ends.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "A round of CDN purges failed; retrying at the next poll");
            return 0;
        }
    }
}
