using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// Applies an authenticated event notification to the mirror at once, then records it (its
/// <see cref="ReceivedVodEvent.EventKey"/> unique, so a resend is answered without applying it twice). Every event
/// about a video asks GetVideoInfos for the video as it now is, within <c>AlibabaVod:CallbackApplyTimeout</c>:
/// a video Alibaba no longer has is removed (and open library pages told); a video it still has is written, unless
/// the event claims its removal, which the unsigned body cannot prove, so that one is recorded as not applied.
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
        else
        {
            receipt = await ConfirmAndApplyAsync(notice, key, cancellationToken);
        }

        if (!receipt.Delivered)
        {
            LogNotApplied(logger, notice.EventType, notice.VideoId, receipt.Message);
            return receipt;
        }

        return await RecordAsync(notice, key, receipt, cancellationToken);
    }

    private async Task<VodCallbackReceipt> ConfirmAndApplyAsync(VodEventNotice notice, string key, CancellationToken cancellationToken)
    {
        // A removal committed after this moment wins over what this read brings back.
        var readStartedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (await AskWithinTimeoutAsync(notice.VideoId!, cancellationToken) is not { } reply)
        {
            return new(VodCallbackVerdict.RemoteUnavailable,
                $"{notice.EventType} for video {notice.VideoId} was not applied: GetVideoInfos did not answer within {options.Value.CallbackApplyTimeout:c} (AlibabaVod:CallbackApplyTimeout); answered with an error so ApsaraVideo VOD sends it again.");
        }

        if (!reply.IsSuccess)
        {
            return new(VodCallbackVerdict.RemoteUnavailable,
                $"{notice.EventType} for video {notice.VideoId} was not applied: GetVideoInfos failed ({reply.Error}); answered with an error so ApsaraVideo VOD sends it again.");
        }

        if (reply.Value.NonExistVideoIds.Contains(notice.VideoId!, StringComparer.Ordinal) || reply.Value.Videos.Count == 0)
        {
            var removal = await mirror.RemoveAsync([notice.VideoId!], cancellationToken);
            Publish(removal, key);
            return new(VodCallbackVerdict.Applied, removal.Removed > 0
                ? $"{notice.EventType}: ApsaraVideo VOD no longer has video {notice.VideoId}; removed from the mirror."
                : $"{notice.EventType}: ApsaraVideo VOD no longer has video {notice.VideoId}, which was not in the mirror; nothing to remove.");
        }

        if (notice.RemovesVideo)
        {
            return new(VodCallbackVerdict.NotApplied,
                $"{notice.EventType} for video {notice.VideoId} not applied: the video still exists on ApsaraVideo VOD (GetVideoInfos); the mirror is unchanged.");
        }

        var change = await mirror.UpsertAsync(reply.Value.Videos, seenInSyncRunId: null, readStartedAtUtc, cancellationToken);
        var video = reply.Value.Videos[0];
        var what = change.Added > 0 ? "added to" : change.Updated > 0 ? "updated in" : "unchanged in";
        return new(VodCallbackVerdict.Applied, $"{notice.EventType}: video {video.VideoId} ('{video.Title}', {video.Status}) {what} the mirror.");
    }

    /// <summary>
    /// GetVideoInfos for one video, or null when it took longer than <c>AlibabaVod:CallbackApplyTimeout</c>: Alibaba
    /// counts a callback unanswered after 5 seconds as failed, so a slow remote must end in a quick error it resends.
    /// </summary>
    private async Task<VodReply<VodVideoInfos>?> AskWithinTimeoutAsync(string videoId, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.CallbackApplyTimeout, clock);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await vod.GetVideoInfosAsync(options.Value.Account(), [videoId], bounded.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
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
