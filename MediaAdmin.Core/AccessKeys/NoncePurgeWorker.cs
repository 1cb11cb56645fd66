using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.AccessKeys;

/// <summary>Purges expired nonces every few minutes, so the table holds about half an hour of API traffic.</summary>
internal sealed class NoncePurgeWorker(NonceStore nonces, TimeProvider clock, ILogger<NoncePurgeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await nonces.PurgeAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Purging expired API nonces failed; retrying at the next tick");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
