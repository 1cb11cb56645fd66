using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Instances;

/// <summary>
/// Counts calls in the shared database: one atomic upsert per call on the (partition, second) row, so two
/// instances counting at once never both see the last free permit. Windows older than a minute are purged.
/// </summary>
internal sealed class DatabaseRateLimiter(
    IDbContextFactory<MediaDbContext> dbFactory,
    [FromKeyedServices(RateWindows.ClockKey)] TimeProvider clock,
    ILogger<DatabaseRateLimiter> logger) : ISharedRateLimiter
{
    private const long KeptSeconds = 60;

    private long _purgedBefore;

    public async Task<RateDecision> AcquireAsync(string partition, int permitsPerSecond, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        var second = RateWindows.Current(clock);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var calls = await db.CountCallAsync(Clip(partition), second, cancellationToken);
            await PurgeIfDueAsync(db, second, cancellationToken);
            return calls <= permitsPerSecond ? RateDecision.Allowed : RateDecision.Throttled;
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            // A database that cannot count cannot delete either; the call goes on and fails with its own clear error.
            logger.LogWarning(ex, "Could not count a call of {Partition}; letting it through", partition);
            return RateDecision.Allowed;
        }
    }

    private async Task PurgeIfDueAsync(MediaDbContext db, long second, CancellationToken cancellationToken)
    {
        var purgedBefore = Interlocked.Read(ref _purgedBefore);
        var cutoff = second - KeptSeconds;
        if (cutoff - purgedBefore < KeptSeconds || Interlocked.CompareExchange(ref _purgedBefore, cutoff, purgedBefore) != purgedBefore)
        {
            return;
        }

        await db.Set<RateWindowCount>().Where(c => c.Second < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Clip(string partition) =>
        partition.Length <= RateWindowCount.PartitionMaxLength ? partition : partition[..RateWindowCount.PartitionMaxLength];
}
