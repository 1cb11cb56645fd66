using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// Applies an authenticated event notification to the mirror at once, then records it (its
/// <see cref="ReceivedVodEvent.EventKey"/> unique, so a resend is answered without applying it twice). A removal of
/// the whole video removes it and tells open library pages; any other event about a video asks GetVideoInfos for
/// the video as it now is and writes that, or removes it when Alibaba names it non-existent.
/// </summary>
public sealed partial class VodEventApplier(
    IDbContextFactory<MediaDbContext> dbFactory,
    RemoteMirror mirror,
    VodClient vod,
    DeletionNotifier notifier,
    IOptions<AlibabaVodSourceOptions> options,
    TimeProvider clock,
    ILogger<VodEventApplier> logger)
{
    /// <summary>Applies <paramref name="notice"/> unless it was applied before; a receipt that is not delivered recorded nothing.</summary>
    public async Task<VodCallbackReceipt> ApplyAsync(VodEventNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var key = notice.Key;
        if (await IsRecordedAsync(key, cancellationToken))
        {
            return AlreadyApplied(notice);
        }

        VodCallbackReceipt receipt;
        if (!notice.ConcernsVideo)
        {
            receipt = new(VodCallbackVerdict.Ignored, $"{notice.EventType} names no video the library mirrors; nothing to change.");
        }
        else if (notice.RemovesVideo)
        {
            receipt = await RemoveAsync(notice, key, cancellationToken);
        }
        else
        {
            receipt = await RefreshAsync(notice, key, cancellationToken);
        }

        if (!receipt.Delivered)
        {
            LogNotApplied(logger, notice.EventType, notice.VideoId, receipt.Message);
            return receipt;
        }

        return await RecordAsync(notice, key, receipt, cancellationToken);
    }

    private async Task<VodCallbackReceipt> RemoveAsync(VodEventNotice notice, string key, CancellationToken cancellationToken)
    {
        var change = await mirror.RemoveAsync([notice.VideoId!], cancellationToken);
        Publish(change, key);
        return new(VodCallbackVerdict.Applied, change.Removed > 0
            ? $"{notice.EventType}: video {notice.VideoId} removed from the mirror."
            : $"{notice.EventType}: video {notice.VideoId} was not in the mirror; nothing to remove.");
    }

    private async Task<VodCallbackReceipt> RefreshAsync(VodEventNotice notice, string key, CancellationToken cancellationToken)
    {
        var readStartedAtUtc = clock.GetUtcNow().UtcDateTime;
        var reply = await vod.GetVideoInfosAsync(options.Value.Account(), [notice.VideoId!], cancellationToken);
        if (!reply.IsSuccess)
        {
            return new(VodCallbackVerdict.RemoteUnavailable,
                $"{notice.EventType} for video {notice.VideoId} was not applied: GetVideoInfos failed ({reply.Error}); answered with an error so ApsaraVideo VOD sends it again.");
        }

        if (reply.Value.NonExistVideoIds.Contains(notice.VideoId!, StringComparer.Ordinal) || reply.Value.Videos.Count == 0)
        {
            var removal = await mirror.RemoveAsync([notice.VideoId!], cancellationToken);
            Publish(removal, key);
            return new(VodCallbackVerdict.Applied, $"{notice.EventType}: ApsaraVideo VOD no longer has video {notice.VideoId}; removed from the mirror.");
        }

        var change = await mirror.UpsertAsync(reply.Value.Videos, seenInSyncRunId: null, readStartedAtUtc, cancellationToken);
        var video = reply.Value.Videos[0];
        var what = change.Added > 0 ? "added to" : change.Updated > 0 ? "updated in" : "unchanged in";
        return new(VodCallbackVerdict.Applied, $"{notice.EventType}: video {video.VideoId} ('{video.Title}', {video.Status}) {what} the mirror.");
    }

    private async Task<VodCallbackReceipt> RecordAsync(VodEventNotice notice, string key, VodCallbackReceipt receipt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ReceivedVodEvents.Add(new ReceivedVodEvent
        {
            EventKey = key,
            EventType = notice.EventType,
            VideoId = notice.VideoId,
            EventTimeUtc = notice.EventTimeUtc,
            ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
            Outcome = receipt.Message.Length <= ReceivedVodEvent.OutcomeMaxLength ? receipt.Message : receipt.Message[..ReceivedVodEvent.OutcomeMaxLength],
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return receipt;
        }
        catch (DbUpdateException)
        {
            // A resend raced this one through the unique index; both wrote the same remote state, one record stays.
            if (await IsRecordedAsync(key, cancellationToken))
            {
                return AlreadyApplied(notice);
            }

            throw;
        }
    }

    private async Task<bool> IsRecordedAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReceivedVodEvents.AnyAsync(e => e.EventKey == key, cancellationToken);
    }

    private void Publish(MirrorChange change, string key)
    {
        if (change.Removed == 0)
        {
            return;
        }

        try
        {
            notifier.Publish(new AssetsDeleted($"vod-event-{key[..16]}", RemoteLibraryOwner.DisplayName, change.RemovedIds));
        }
#pragma warning disable CA1031 // A page that failed to hear of it must not make Alibaba resend an applied event.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogListenerFailed(logger, ex, change.Removed);
        }
    }

    private static VodCallbackReceipt AlreadyApplied(VodEventNotice notice) =>
        new(VodCallbackVerdict.AlreadyApplied, $"{notice.EventType} for video {notice.VideoId} at {notice.EventTime} was applied before; not applied again.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event callback {EventType} for video {VideoId} not applied: {Reason}")]
    private static partial void LogNotApplied(ILogger logger, string eventType, string? videoId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A listener failed on the news of {Count} videos removed by an event callback")]
    private static partial void LogListenerFailed(ILogger logger, Exception error, int count);
}
