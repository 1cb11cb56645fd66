using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// Runs queued transcoding jobs, <see cref="IngestOptions.Workers"/> at once. An idle worker wakes when this
/// process queues a job and otherwise polls, which also picks up jobs whose process died once their lease runs out.
/// </summary>
internal sealed class IngestWorker(IngestJobStore store, IngestJobRunner runner, IngestSignal signal, IOptions<IngestOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await store.ClaimAsync(stoppingToken) is { } job)
                {
                    await runner.RunAsync(job, stoppingToken);
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
}
