using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Instances;

/// <summary>
/// Reads the deletion audit for requests committed since the last read and raises them on this instance,
/// so instances sharing only a database see each other's deletions: every Notifications:PollInterval
/// without Redis (or while it is down), every Notifications:CatchUpInterval while Redis carries them.
/// </summary>
internal sealed class DeletionFeed(
    IDbContextFactory<MediaDbContext> dbFactory,
    DeletionNotifier notifier,
    RedisConnection redis,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<DeletionFeed> logger) : BackgroundService
{
    private const int BatchSize = 500;

    // Identity values are handed out before commit (SQL Server), so a request can appear just below the cursor
    // after it moved on; re-reading a few costs little, and the notifier raises each request once.
    private const long ReadBack = 32;

    private long? _cursor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wakes every poll interval but reads only when due, so a Redis lost mid-wait is noticed within one interval.
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        var lastRead = DateTimeOffset.MinValue;
        do
        {
            if (redis.IsConnected && clock.GetUtcNow() - lastRead < options.Value.CatchUpInterval)
            {
                continue;
            }

            try
            {
                await ReadNewAsync(stoppingToken);
                lastRead = clock.GetUtcNow();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DatabaseFailure.Is(ex))
            {
                logger.LogWarning(ex, "Could not read deletions committed by other instances; retrying at the next poll");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task ReadNewAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (_cursor is not { } cursor)
        {
            // What was deleted before this instance started is already off every page it will show.
            _cursor = await db.DeletionAuditRecords.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
            return;
        }

        int read;
        do
        {
            var from = Math.Max(0, cursor - ReadBack);
            var records = await db.DeletionAuditRecords.AsNoTracking()
                .Where(r => r.Id > from)
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .Select(r => new { r.Id, r.RequestId, r.UserName, VideoIds = r.Entries.Where(e => e.Outcome == DeletionOutcome.Deleted).Select(e => e.VideoId).ToList() })
                .ToListAsync(cancellationToken);
            foreach (var record in records.Where(r => r.VideoIds.Count > 0))
            {
                notifier.PublishFromElsewhere(new AssetsDeleted(record.RequestId, record.UserName, record.VideoIds));
            }

            read = records.Count(r => r.Id > cursor);
            cursor = records.Count > 0 ? Math.Max(cursor, records[^1].Id) : cursor;
            _cursor = cursor;
        }
        while (read >= BatchSize - ReadBack && !cancellationToken.IsCancellationRequested);
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
