using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// DeleteVideo with the AlibabaVod source: permissions are decided locally from the mirror, the CDN URLs of the
/// allowed videos are captured, then one DeleteVideo goes to ApsaraVideo VOD and its answer is merged into
/// <see cref="VideoDeletionService"/>'s results. When the answer is lost, the videos are re-checked with
/// GetVideoInfos before anything is reported deleted or dropped from the mirror.
/// </summary>
public sealed class RemoteVideoDeletion
{
    private readonly IDbContextFactory<MediaDbContext> _dbFactory;
    private readonly PermissionService _permissions;
    private readonly VodClient _vod;
    private readonly RemoteCdnCapture _capture;
    private readonly RemoteDeletionRecorder _recorder;
    private readonly IOptions<AlibabaVodSourceOptions> _source;
    private readonly ILogger<RemoteVideoDeletion> _logger;

    internal RemoteVideoDeletion(
        IDbContextFactory<MediaDbContext> dbFactory,
        PermissionService permissions,
        VodClient vod,
        RemoteDeletionRecorder recorder,
        IOptions<AlibabaVodSourceOptions> source,
        ILogger<RemoteVideoDeletion> logger)
    {
        _dbFactory = dbFactory;
        _permissions = permissions;
        _vod = vod;
        _capture = new RemoteCdnCapture(vod);
        _recorder = recorder;
        _source = source;
        _logger = logger;
    }

    /// <summary>Deletes the parsed <paramref name="ids"/> on behalf of <paramref name="caller"/>, under MediaAdmin's <paramref name="requestId"/>.</summary>
    public async Task<DeleteVideosResult> DeleteAsync(
        DeletionCaller caller, string requestId, string requestedIds, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(ids);
        var who = await _permissions.GetAsync(caller.UserId, cancellationToken);
        var mirrored = await ReadMirrorAsync(ids, cancellationToken);

        var allowed = new List<MirroredVideo>();
        var forbidden = new List<ForbiddenVideo>();
        foreach (var video in ids.Select(id => mirrored.GetValueOrDefault(id)).OfType<MirroredVideo>())
        {
            if (who.DeleteDeniedReason(video.Ownership) is { } reason)
            {
                forbidden.Add(new ForbiddenVideo(video.VideoId, video.Title, reason));
            }
            else
            {
                allowed.Add(video);
            }
        }

        // Not in the mirror: non-existent, as for the local library, without asking Alibaba.
        var notMirrored = ids.Where(id => !mirrored.ContainsKey(id)).ToList();
        var plan = new DeletionPlan(caller, requestId, requestedIds, who, [], forbidden, notMirrored);
        var outcome = mirrored.Count == 0
            ? new RemoteDeletionOutcome([], [], notMirrored, [], DeletionError.InvalidVideoNotFound, null)
            : allowed.Count == 0
                ? new RemoteDeletionOutcome([], forbidden, notMirrored, [], null, null)
                : await DeleteAllowedAsync(plan, allowed, cancellationToken);

        // Every video allowed was already gone from the remote: to this caller none existed.
        if (outcome.Error is null && outcome.Deleted.Count == 0 && outcome.Forbidden.Count == 0)
        {
            outcome = outcome with { Error = DeletionError.InvalidVideoNotFound };
        }

        await _recorder.RecordAsync(plan, outcome);
        return outcome.ToResult(requestId);
    }

    private async Task<RemoteDeletionOutcome> DeleteAllowedAsync(DeletionPlan plan, List<MirroredVideo> allowed, CancellationToken cancellationToken)
    {
        var account = _source.Value.Account();
        var captured = await _capture.CaptureAsync(account, allowed, cancellationToken);
        if (!captured.IsSuccess)
        {
            _logger.LogWarning("DeleteVideo {RequestId}: the CDN URLs of {VideoIds} could not be read from ApsaraVideo VOD ({Error}); nothing was deleted",
                plan.RequestId, string.Join(",", allowed.Select(v => v.VideoId)), captured.Error);
            return new RemoteDeletionOutcome(
                [], plan.Forbidden, plan.NonExistent, [],
                RemoteDeletionErrors.Failed(captured.Error, "Nothing was deleted: the URLs the CDN still serves could not be read first."), captured.Error.RequestId);
        }

        var urls = captured.Value;
        var existing = allowed.Where(v => !urls.AlreadyGone.Contains(v.VideoId)).ToList();
        var merge = new RemoteDeletionMerge(plan, allowed, urls);
        if (existing.Count == 0)
        {
            return merge.Answered(forbiddenByRemote: [], nonExistentOnRemote: [], remoteRequestId: null);
        }

        var reply = await _vod.DeleteVideoAsync(account, [.. existing.Select(v => v.VideoId)], CancellationToken.None);
        if (reply.IsSuccess)
        {
            return merge.Answered(reply.Value.ForbiddenVideoIds, reply.Value.NonExistVideoIds, reply.Value.RequestId);
        }

        if (reply.Error.Code == DeletionError.InvalidVideoNotFoundCode)
        {
            return merge.Answered(forbiddenByRemote: [], nonExistentOnRemote: [.. existing.Select(v => v.VideoId)], reply.Error.RequestId);
        }

        if (RemoteDeletionErrors.LeavesOutcomeUnknown(reply.Error))
        {
            return await RecheckAsync(account, plan, merge, existing, reply.Error);
        }

        return merge.NoneDeleted(RemoteDeletionErrors.Failed(reply.Error, "Nothing was deleted."), reply.Error.RequestId);
    }

    /// <summary>DeleteVideo's answer was lost: what GetVideoInfos no longer finds was deleted, what it finds was not.</summary>
    private async Task<RemoteDeletionOutcome> RecheckAsync(VodAccount account, DeletionPlan plan, RemoteDeletionMerge merge, List<MirroredVideo> sent, VodError lost)
    {
        var ids = sent.Select(v => v.VideoId).ToList();
        var recheck = await _vod.GetVideoInfosAsync(account, ids, CancellationToken.None);
        if (!recheck.IsSuccess)
        {
            _logger.LogError(
                "DeleteVideo {RequestId}: the outcome at ApsaraVideo VOD is unknown for {VideoIds}: DeleteVideo got {DeleteError} and the re-check got {RecheckError}. " +
                "Reported as failed and left in the mirror; the next sync or callback will tell which were deleted",
                plan.RequestId, string.Join(",", ids), lost, recheck.Error);
            return merge.NoneDeleted(
                RemoteDeletionErrors.Failed(lost, "Whether the videos were deleted is unknown, and checking failed too; the library updates at the next sync."), lost.RequestId);
        }

        var gone = recheck.Value.NonExistVideoIds.ToHashSet(StringComparer.Ordinal);
        var stillThere = ids.Where(id => !gone.Contains(id)).ToList();
        _logger.LogWarning("DeleteVideo {RequestId}: no answer from ApsaraVideo VOD ({DeleteError}); the re-check found {Deleted} deleted and {Remaining} still there",
            plan.RequestId, lost, ids.Count - stillThere.Count, stillThere.Count);
        var outcome = merge.Rechecked(gone, lost.RequestId);
        return stillThere.Count == 0
            ? outcome
            : outcome with { Error = RemoteDeletionErrors.Failed(lost, $"Still on ApsaraVideo VOD, not deleted: {string.Join(", ", stillThere)}.") };
    }

    private async Task<Dictionary<string, MirroredVideo>> ReadMirrorAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var lookup = ids.ToList();
        var rows = await db.MediaAssets.AsNoTracking()
            .Where(a => lookup.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.Title, a.TotalSizeBytes, a.OwnerId, a.CategoryId,
                CategoryName = a.Category == null ? null : a.Category.Name,
                CoverUrl = db.RemoteAssets.Where(r => r.AssetId == a.Id).Select(r => r.CoverUrl).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.Id,
            r => new MirroredVideo(r.Id, r.Title, r.TotalSizeBytes, new AssetOwnership(r.OwnerId, null, r.CategoryId, r.CategoryName), r.CoverUrl),
            StringComparer.Ordinal);
    }
}
