using MediaAdmin.Core.Data;
using MediaAdmin.Core.Sources;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Events;

/// <summary>How many rows one pruning removed from each history table.</summary>
internal sealed record PrunedVodEventHistory(int OutgoingEvents, int ReceivedEvents, int SyncRuns);

/// <summary>
/// Keeps the callback and sync history from growing without limit: sent or abandoned outgoing callbacks older than
/// <c>Events:RetentionDays</c>; with the AlibabaVod source, received callbacks and finished sync runs older than
/// <c>AlibabaVod:HistoryRetentionDays</c>. Pending callbacks and unfinished runs are never pruned, nor the last
/// finished and the last succeeded run of each kind, which the sync schedule and the Source page read.
/// </summary>
internal sealed class VodEventHistoryPruner(
    IDbContextFactory<MediaDbContext> dbFactory,
    IOptions<EventsOptions> events,
    IOptions<AlibabaVodSourceOptions> vod,
    IOptions<LibrarySourceOptions> source,
    TimeProvider clock)
{
    public async Task<PrunedVodEventHistory> PruneAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var outgoingBefore = now.AddDays(-events.Value.RetentionDays);
        var outgoing = await db.OutgoingVodEvents
            .Where(e => (e.SentAtUtc != null && e.SentAtUtc < outgoingBefore) || (e.AbandonedAtUtc != null && e.AbandonedAtUtc < outgoingBefore))
            .ExecuteDeleteAsync(cancellationToken);
        if (!source.Value.IsAlibabaVod)
        {
            return new(outgoing, 0, 0);
        }

        var historyBefore = now.AddDays(-vod.Value.HistoryRetentionDays);
        var received = await db.ReceivedVodEvents.Where(e => e.ReceivedAtUtc < historyBefore).ExecuteDeleteAsync(cancellationToken);
        return new(outgoing, received, await PruneSyncRunsAsync(db, historyBefore, cancellationToken));
    }

    private static async Task<int> PruneSyncRunsAsync(MediaDbContext db, DateTime startedBefore, CancellationToken cancellationToken)
    {
        var finished = db.SourceSyncRuns.Where(r => r.Unfinished == null);
        var lastFinished = await finished.GroupBy(r => r.Kind).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var lastSucceeded = await finished.Where(r => r.State == SourceSyncState.Succeeded)
            .GroupBy(r => r.Kind).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var kept = lastFinished.Concat(lastSucceeded).ToList();
        return await finished.Where(r => r.StartedAtUtc < startedBefore && !kept.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
