using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// Writes down locally what a deletion through Alibaba did: the videos the remote no longer has leave the mirror
/// first (it must never show a video that is gone), then the audit record and the CDN reminder commit together, then
/// open pages hear of it. Once Alibaba has deleted, nothing here may turn that into an error: a local failure is
/// logged with what it could not record, and the videos' <see cref="PendingRemoteDeletion"/> rows stay for
/// <see cref="LateRemoteDeletions"/>, as do those of the videos nobody could tell were deleted.
/// </summary>
internal sealed class RemoteDeletionRecorder(
    IDbContextFactory<MediaDbContext> dbFactory,
    RemoteMirror mirror,
    DeletionNotifier notifier,
    TimeProvider clock,
    ILogger<RemoteDeletionRecorder> logger)
{
    /// <summary>
    /// Writes down the videos about to be sent and their captured CDN URLs, before DeleteVideo goes out: if its outcome
    /// never gets recorded (a lost answer, a crash), <see cref="LateRemoteDeletions"/> still has what to remind of.
    /// </summary>
    public Task RecordSendingAsync(DeletionPlan plan, IReadOnlyList<VodRemoteVideo> allowed, CapturedCdnUrls captured, CancellationToken cancellationToken) =>
        PendingRemoteDeletionRecords.AddAsync(dbFactory, plan, allowed, captured, clock.GetUtcNow().UtcDateTime, cancellationToken);

    public async Task RecordAsync(DeletionPlan plan, RemoteDeletionOutcome outcome)
    {
        try
        {
            // First, so a video Alibaba never had is not taken for deleted when the mirror drops it and the commit below fails.
            await PendingRemoteDeletionRecords.DropNotDeletedAsync(dbFactory, plan.RequestId, outcome, CancellationToken.None);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            logger.LogWarning(ex, "DeleteVideo {RequestId}: could not drop the pending rows of the videos not deleted; the commit below tries again", plan.RequestId);
        }

        try
        {
            await mirror.RemoveAsync(outcome.GoneFromRemote, CancellationToken.None);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            logger.LogError(ex, "DeleteVideo {RequestId}: ApsaraVideo VOD no longer has {VideoIds}, but the mirror could not drop them; the next sync will",
                plan.RequestId, string.Join(",", outcome.GoneFromRemote));
        }

        try
        {
            await CommitAsync(plan, outcome);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            logger.LogError(ex, "DeleteVideo {RequestId} (Alibaba RequestId {RemoteRequestId}) deleted {VideoIds} but could not be audited; the CDN may still serve: {CdnUrls}",
                plan.RequestId, outcome.RemoteRequestId, string.Join(",", outcome.Deleted.Select(d => d.VideoId)), string.Join(" ", outcome.Deleted.SelectMany(d => d.CdnUrls)));
        }

        if (outcome.Deleted.Count > 0)
        {
            notifier.PublishCommitted(new AssetsDeleted(plan.RequestId, plan.Who.UserName, [.. outcome.Deleted.Select(d => d.VideoId)]), logger);
        }
    }

    private async Task CommitAsync(DeletionPlan plan, RemoteDeletionOutcome outcome)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var taken = await PendingRemoteDeletionRecords.TakeBackAsync(db, plan.RequestId, outcome.Unconfirmed, CancellationToken.None);
            await PendingRemoteDeletionRecords.DropSupersededAsync(db, plan.RequestId, [.. outcome.Deleted.Select(d => d.VideoId)], CancellationToken.None);
            var record = DeletionAuditWriter.AddTo(db, plan, outcome.Error, now, outcome.RemoteRequestId);
            CdnReminderWriter.AddTo(db, plan, [.. outcome.Deleted.Where(d => taken.Contains(d.VideoId))], now);
            await db.SaveChangesAsync(CancellationToken.None);
            await DeletionAuditWriter.WriteOutcomesAsync(db, record, outcome.Deleted, outcome.Forbidden, outcome.NonExistent, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        });
    }
}
