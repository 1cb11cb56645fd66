using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Ingest.Uploads;

/// <summary>
/// Removes partial uploads nobody has written to for Ingest:AbandonedUploadAfter: at start (they may date from
/// before a restart) and then a few times per that period.
/// </summary>
public sealed class AbandonedUploadSweeper(UploadFolder folder, IOptions<IngestOptions> options, TimeProvider clock, ILogger<AbandonedUploadSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var after = options.Value.AbandonedUploadAfter;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(after.Ticks / 4, TimeSpan.FromHours(1).Ticks)), clock);
        try
        {
            do
            {
                try
                {
                    var removed = folder.RemoveUntouchedSince(clock.GetUtcNow() - after);
                    if (removed > 0)
                    {
                        logger.LogInformation("Removed {Count} partial uploads untouched for {After}", removed, after);
                    }
                }
                catch (IOException ex)
                {
                    logger.LogWarning(ex, "Removing abandoned uploads failed; retrying at the next tick");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
