using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Instances;

/// <summary>
/// Keeps each partition's token bucket in the shared database: one atomic upsert per call on the partition's
/// row, so two instances taking calls at once never both take the last one. Rows idle for a minute are purged.
/// </summary>
internal sealed class DatabaseRateLimiter(
    IDbContextFactory<MediaDbContext> dbFactory,
    SqliteWriteGate writeGate,
    ILogger<DatabaseRateLimiter> logger) : ISharedRateLimiter
{
    private const long PurgeEveryMicroseconds = 60_000_000;

    private long _purgedAt;

    public async Task<RateDecision> AcquireAsync(string partition, int permitsPerSecond, DateTimeOffset calledAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        var now = RatePace.Microseconds(calledAt);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            using var turn = await writeGate.EnterAsync(db, cancellationToken);
            var taken = await db.TryTakeCallAsync(ColumnText.Cut(partition, RateAllowance.PartitionMaxLength), now, RatePace.PerSecond(permitsPerSecond), cancellationToken);
            await PurgeIfDueAsync(db, now, cancellationToken);
            return taken ? RateDecision.Allowed : RateDecision.Throttled;
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            // A database that cannot count cannot delete either; the call goes on and fails with its own clear error.
            logger.LogWarning(ex, "Could not count a call of {Partition}; letting it through", partition);
            return RateDecision.Allowed;
        }
    }

    private async Task PurgeIfDueAsync(MediaDbContext db, long now, CancellationToken cancellationToken)
    {
        var purgedAt = Interlocked.Read(ref _purgedAt);
        if (now - purgedAt < PurgeEveryMicroseconds || Interlocked.CompareExchange(ref _purgedAt, now, purgedAt) != purgedAt)
        {
            return;
        }

        // A bucket whose next free call is a minute past is full again: dropping it changes no decision.
        var idleBefore = now - PurgeEveryMicroseconds;
        await db.Set<RateAllowance>().Where(a => a.NextFreeMicroseconds < idleBefore).ExecuteDeleteAsync(cancellationToken);
    }
}
