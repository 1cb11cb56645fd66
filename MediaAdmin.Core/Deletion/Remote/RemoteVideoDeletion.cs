using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// DeleteVideo with the AlibabaVod source: one GetVideoInfos tells which videos exist (mirrored or not yet) and their
/// current category, permissions are decided locally from it, the CDN URLs of the allowed videos are captured, then one DeleteVideo goes to ApsaraVideo VOD and its answer is merged into
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
        var mirrored = await ReadMirroredIdsAsync(ids, cancellationToken);

        // Scripts delete videos they just uploaded, before a sync mirrored them: Alibaba is asked about those too.
        var lookup = ids.Where(id => mirrored.Contains(id) || VideoId.IsWellFormed(id)).Distinct(StringComparer.Ordinal).ToList();
        var (plan, outcome) = lookup.Count == 0
            ? NoneExist(new DeletionPlan(caller, requestId, requestedIds, who, [], [], ids))
            : await DecideAndDeleteAsync(new DeletionPlan(caller, requestId, requestedIds, who, [], [], ids), lookup, mirrored, cancellationToken);

        // Every video allowed was already gone from the remote: to this caller none existed.
        if (outcome.Error is null && outcome.Deleted.Count == 0 && outcome.Forbidden.Count == 0)
        {
            outcome = outcome with { Error = DeletionError.InvalidVideoNotFound };
        }

        await _recorder.RecordAsync(plan, outcome);
        return outcome.ToResult(requestId);
    }

    private static (DeletionPlan, RemoteDeletionOutcome) NoneExist(DeletionPlan plan) =>
        (plan, new RemoteDeletionOutcome([], [], plan.NonExistent, [], DeletionError.InvalidVideoNotFound, null));

    /// <summary>
    /// Asks GetVideoInfos for <paramref name="lookup"/>, decides each video's permission with the category Alibaba
    /// names now (the mirror's may be stale), then deletes the allowed ones.
    /// </summary>
    private async Task<(DeletionPlan, RemoteDeletionOutcome)> DecideAndDeleteAsync(
        DeletionPlan request, List<string> lookup, IReadOnlySet<string> mirrored, CancellationToken cancellationToken)
    {
        var account = _source.Value.Account();
        var infos = await _vod.GetVideoInfosAsync(account, lookup, cancellationToken);
        if (!infos.IsSuccess)
        {
            var unknown = request with { NonExistent = [.. request.NonExistent.Except(lookup, StringComparer.Ordinal)] };
            _logger.LogWarning("DeleteVideo {RequestId}: ApsaraVideo VOD could not describe {VideoIds} ({Error}); nothing was deleted",
                request.RequestId, string.Join(",", lookup), infos.Error);
            return (unknown, new RemoteDeletionOutcome(
                [], [], unknown.NonExistent, [],
                Failed(request.RequestId, infos.Error, "Nothing was deleted: whether the videos exist, and in which category, could not be read first."),
                infos.Error.RequestId));
        }

        var found = infos.Value.Videos.ToDictionary(v => v.VideoId, StringComparer.Ordinal);
        var allowed = new List<VodRemoteVideo>();
        var forbidden = new List<ForbiddenVideo>();
        foreach (var video in lookup.Select(id => found.GetValueOrDefault(id)).OfType<VodRemoteVideo>())
        {
            if (request.Who.DeleteDeniedReasonInCategory(video.CateId, video.CateName, request.Who.GrantedCategoryIds) is { } reason)
            {
                forbidden.Add(new ForbiddenVideo(video.VideoId, video.Title, reason));
            }
            else
            {
                allowed.Add(video);
            }
        }

        var nonExistent = request.NonExistent.Where(id => !found.ContainsKey(id)).ToList();
        var goneFromMirror = nonExistent.Where(mirrored.Contains).ToList();
        var plan = request with { Forbidden = forbidden, NonExistent = nonExistent };
        var outcome = allowed.Count == 0
            ? new RemoteDeletionOutcome([], forbidden, nonExistent, goneFromMirror, null, null)
            : await DeleteAllowedAsync(account, plan, allowed, goneFromMirror, cancellationToken);
        return (plan, outcome);
    }

    private async Task<RemoteDeletionOutcome> DeleteAllowedAsync(
        VodAccount account, DeletionPlan plan, List<VodRemoteVideo> allowed, IReadOnlyList<string> goneFromMirror, CancellationToken cancellationToken)
    {
        var captured = await _capture.CaptureAsync(account, allowed, cancellationToken);
        if (!captured.IsSuccess)
        {
            _logger.LogWarning("DeleteVideo {RequestId}: the CDN URLs of {VideoIds} could not be read from ApsaraVideo VOD ({Error}); nothing was deleted",
                plan.RequestId, string.Join(",", allowed.Select(v => v.VideoId)), captured.Error);
            return new RemoteDeletionOutcome(
                [], plan.Forbidden, plan.NonExistent, goneFromMirror,
                Failed(plan.RequestId, captured.Error, "Nothing was deleted: the URLs the CDN still serves could not be read first."), captured.Error.RequestId);
        }

        var merge = new RemoteDeletionMerge(plan, allowed, captured.Value, goneFromMirror);
        await _recorder.RecordSendingAsync(plan, allowed, captured.Value, cancellationToken);
        var reply = await _vod.DeleteVideoAsync(account, [.. allowed.Select(v => v.VideoId)], CancellationToken.None);
        if (reply.IsSuccess)
        {
            return merge.Answered(reply.Value.ForbiddenVideoIds, reply.Value.NonExistVideoIds, reply.Value.RequestId);
        }

        if (reply.Error.Code == DeletionError.InvalidVideoNotFoundCode)
        {
            return merge.Answered(forbiddenByRemote: [], nonExistentOnRemote: [.. allowed.Select(v => v.VideoId)], reply.Error.RequestId);
        }

        if (RemoteDeletionErrors.LeavesOutcomeUnknown(reply.Error))
        {
            return await RecheckAsync(account, plan, merge, allowed, reply.Error);
        }

        return merge.NoneDeleted(Failed(plan.RequestId, reply.Error, "Nothing was deleted."), reply.Error.RequestId);
    }

    /// <summary><see cref="RemoteDeletionErrors.Failed"/>; Alibaba's full message, which may quote the signed request, only at Debug.</summary>
    private DeletionError Failed(string requestId, VodError error, string consequence)
    {
        _logger.LogDebug("DeleteVideo {RequestId}: ApsaraVideo VOD's full message for {Code}: {Message}", requestId, error.Code, error.Message);
        return RemoteDeletionErrors.Failed(error, consequence);
    }

    /// <summary>DeleteVideo's answer was lost: what GetVideoInfos no longer finds was deleted, what it finds was not.</summary>
    private async Task<RemoteDeletionOutcome> RecheckAsync(VodAccount account, DeletionPlan plan, RemoteDeletionMerge merge, List<VodRemoteVideo> sent, VodError lost)
    {
        var ids = sent.Select(v => v.VideoId).ToList();
        var recheck = await _vod.GetVideoInfosAsync(account, ids, CancellationToken.None);
        if (!recheck.IsSuccess)
        {
            _logger.LogError(
                "DeleteVideo {RequestId}: the outcome at ApsaraVideo VOD is unknown for {VideoIds}: DeleteVideo got {DeleteError} and the re-check got {RecheckError}. " +
                "Reported as failed and left in the mirror; the next sync or callback will tell which were deleted",
                plan.RequestId, string.Join(",", ids), lost, recheck.Error);
            return merge.Unknown(
                Failed(plan.RequestId, lost, "Whether the videos were deleted is unknown, and checking failed too; the library updates at the next sync, and the CDN reminder of any that were deleted is added then."), lost.RequestId);
        }

        var gone = recheck.Value.NonExistVideoIds.ToHashSet(StringComparer.Ordinal);
        var stillThere = ids.Where(id => !gone.Contains(id)).ToList();
        _logger.LogWarning("DeleteVideo {RequestId}: no answer from ApsaraVideo VOD ({DeleteError}); the re-check found {Deleted} deleted and {Remaining} still there",
            plan.RequestId, lost, ids.Count - stillThere.Count, stillThere.Count);
        var outcome = merge.Rechecked(gone, lost.RequestId);
        return stillThere.Count == 0
            ? outcome
            : outcome with { Error = Failed(plan.RequestId, lost, $"Still on ApsaraVideo VOD, not deleted: {string.Join(", ", stillThere)}. Should ApsaraVideo VOD delete them after all, their CDN reminder is added once the library no longer lists them.") };
    }

    private async Task<HashSet<string>> ReadMirroredIdsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var lookup = ids.ToList();
        var rows = await db.MediaAssets.AsNoTracking().Where(a => lookup.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        return rows.ToHashSet(StringComparer.Ordinal);
    }
}
