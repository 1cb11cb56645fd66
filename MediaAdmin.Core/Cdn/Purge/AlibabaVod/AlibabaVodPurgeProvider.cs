using MediaAdmin.Core.AlibabaVod;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge.AlibabaVod;

/// <summary>
/// Purges through ApsaraVideo VOD's RefreshVodObjectCaches: one Directory refresh per asset folder, or one URL
/// refresh per file (<see cref="AlibabaVodPurgeOptions.PurgeFolders"/>), split to the per-call limit, within the
/// quota DescribeVodRefreshQuota reports left today. What the quota cannot take is absent from the outcomes and waits
/// until <see cref="CdnPurgeSubmission.WaitUntilUtc"/>, Alibaba's next quota day, with the reason. The quota shown
/// (<see cref="GetQuotaAsync"/>) is kept for 30 seconds; a submission always reads it afresh.
/// </summary>
public sealed class AlibabaVodPurgeProvider(
    VodClient vod, IOptions<AlibabaVodPurgeOptions> options, TimeProvider time, ILogger<AlibabaVodPurgeProvider> logger) : ICdnPurgeProvider
{
    private readonly AlibabaVodQuotaCache _shownQuota = new(time);

    public async Task<CdnPurgeSubmission> SubmitAsync(CdnPurgeBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            return await SubmitWithinQuotaAsync(batch, cancellationToken);
        }
        finally
        {
            _shownQuota.Drop();
        }
    }

    private async Task<CdnPurgeSubmission> SubmitWithinQuotaAsync(CdnPurgeBatch batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var directories = settings.PurgeFolders;
        var paths = ObjectPaths(batch, directories);
        if (paths.Count == 0)
        {
            return new CdnPurgeSubmission([], []);
        }

        var account = settings.Account();
        var submitted = new CdnPurgeSubmission([], []);
        if (batch.EarlierAttemptSinceUtc is { } since)
        {
            (submitted, var refusal) = await AdoptEarlierRefreshesAsync(account, paths, directories, since, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var adopted = submitted.Outcomes.Select(o => o.Url).ToHashSet(StringComparer.Ordinal);
            paths = [.. paths.Where(p => !adopted.Contains(p.Url))];
            if (paths.Count == 0)
            {
                return submitted;
            }
        }

        var quota = await vod.DescribeRefreshQuotaAsync(account, cancellationToken);
        if (!quota.IsSuccess)
        {
            return Refused(paths, $"Could not read the refresh quota from ApsaraVideo VOD: {quota.Error}", quota.Error.IsRetryable, submitted);
        }

        var (left, perDay) = directories ? (quota.Value.DirRemain, quota.Value.DirQuota) : (quota.Value.UrlRemain, quota.Value.UrlQuota);
        var sent = 0;
        foreach (var chunk in paths.Take(Math.Max(left, 0)).Chunk(directories ? settings.DirectoriesPerCall : settings.UrlsPerCall))
        {
            var reply = await vod.RefreshObjectCachesAsync(
                account, [.. chunk.Select(p => p.ObjectPath)], directories ? VodObjectType.Directory : VodObjectType.File, cancellationToken);
            if (reply.IsSuccess)
            {
                sent += chunk.Length;
                submitted = submitted with
                {
                    Outcomes = [.. submitted.Outcomes, .. chunk.Select(p => new CdnPurgeUrlOutcome(p.Url, Accepted: true))],
                    TaskIds = [.. submitted.TaskIds, .. reply.Value.TaskIds],
                };
                continue;
            }

            if (!reply.Error.IsQuotaExceeded)
            {
                return Refused(paths.Skip(sent), $"ApsaraVideo VOD refused RefreshVodObjectCaches: {reply.Error}", reply.Error.IsRetryable, submitted);
            }

            // Another tool on the same account spent the quota since it was read: the rest waits like any other overflow.
            break;
        }

        var waiting = paths.Count - sent;
        if (waiting == 0)
        {
            return submitted;
        }

        var until = AlibabaVodQuotaDay.NextResetUtc(time.GetUtcNow());
        var reason = AlibabaVodQuotaDay.WaitReason(directories, perDay, waiting, until);
        logger.LogInformation("CDN purge of deletion {RequestId}: {Reason}", batch.RequestId, reason);
        return submitted with { WaitUntilUtc = until, WaitReason = reason };
    }

    /// <summary>
    /// The paths Alibaba already has a refresh for, created since <paramref name="sinceUtc"/> and not failed: an
    /// earlier attempt that timed out may well have reached it, and sending again would spend the quota twice. A path
    /// whose history Alibaba cannot tell now refuses the rest of the batch, so it is asked again on the next attempt.
    /// </summary>
    private async Task<(CdnPurgeSubmission Adopted, CdnPurgeSubmission? Refusal)> AdoptEarlierRefreshesAsync(
        VodAccount account, List<PurgePath> paths, bool directories, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var adopted = new CdnPurgeSubmission([], []);
        for (var i = 0; i < paths.Count; i++)
        {
            var earlier = await vod.FindRefreshTasksAsync(
                account, paths[i].ObjectPath, directories ? VodObjectType.Directory : VodObjectType.File, sinceUtc, time.GetUtcNow().UtcDateTime, cancellationToken);
            if (!earlier.IsSuccess)
            {
                var adoptedUrls = adopted.Outcomes.Select(o => o.Url).ToHashSet(StringComparer.Ordinal);
                var unknown = paths.Skip(i).Where(p => !adoptedUrls.Contains(p.Url));
                return (adopted, Refused(unknown, $"Could not ask ApsaraVideo VOD whether an earlier attempt's refresh reached it: {earlier.Error}", earlier.Error.IsRetryable, adopted));
            }

            var taken = earlier.Value.Where(t => !t.IsFailed && string.Equals(t.ObjectPath, paths[i].ObjectPath, StringComparison.Ordinal))
                .Select(t => t.TaskId).Distinct(StringComparer.Ordinal).ToList();
            if (taken.Count > 0)
            {
                adopted = adopted with
                {
                    Outcomes = [.. adopted.Outcomes, new CdnPurgeUrlOutcome(paths[i].Url, Accepted: true)],
                    TaskIds = [.. adopted.TaskIds, .. taken.Where(id => !adopted.TaskIds.Contains(id, StringComparer.Ordinal))],
                };
            }
        }

        if (adopted.Outcomes.Count > 0)
        {
            logger.LogInformation("CDN purge: ApsaraVideo VOD already had a refresh for {Count} of {Total} path(s) from an earlier attempt; they are not sent again",
                adopted.Outcomes.Count, paths.Count);
        }

        return (adopted, null);
    }

    public async Task<CdnPurgeTaskCheck> CheckTasksAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        var account = options.Value.Account();
        var states = new List<CdnPurgeTaskState>();
        foreach (var taskId in taskIds.Distinct(StringComparer.Ordinal))
        {
            var reply = await vod.DescribeRefreshTaskAsync(account, taskId, cancellationToken);
            states.Add(reply.IsSuccess
                ? StateOf(taskId, reply.Value)
                : new CdnPurgeTaskState(taskId, reply.Error.IsRetryable ? CdnPurgeTaskStatus.Running : CdnPurgeTaskStatus.Failed,
                    $"Could not read the refresh task from ApsaraVideo VOD: {reply.Error}"));
        }

        return new CdnPurgeTaskCheck(states);
    }

    /// <summary>
    /// The quota left today, as VOD reported it at most 30 seconds ago and since the last submission; when VOD cannot
    /// tell, <see cref="CdnPurgeQuota.Unknown"/> naming Alibaba's error, since a made-up number would mislead.
    /// </summary>
    public Task<CdnPurgeQuota> GetQuotaAsync(CancellationToken cancellationToken = default) =>
        _shownQuota.GetAsync(async ct =>
        {
            var reply = await vod.DescribeRefreshQuotaAsync(options.Value.Account(), ct);
            return reply.IsSuccess
                ? new CdnPurgeQuota(true, reply.Value.UrlRemain, reply.Value.DirRemain, reply.Value.UrlQuota, reply.Value.DirQuota)
                : CdnPurgeQuota.Unknown($"ApsaraVideo VOD did not say how many refreshes are left today: {reply.Error}");
        }, cancellationToken);

    /// <summary>
    /// What to send per URL of the batch. Alibaba matches a Directory refresh by prefix and wants it to end with '/';
    /// outcomes still name the folder URL as the batch spelled it, so the caller can match them.
    /// </summary>
    private static List<PurgePath> ObjectPaths(CdnPurgeBatch batch, bool directories) => directories
        ? [.. batch.Assets.Select(a => a.FolderUrl).Distinct(StringComparer.Ordinal).Select(url => new PurgePath(url, url.EndsWith('/') ? url : url + "/"))]
        : [.. batch.Assets.SelectMany(a => a.FileUrls).Distinct(StringComparer.Ordinal).Select(url => new PurgePath(url, url))];

    private static CdnPurgeSubmission Refused(IEnumerable<PurgePath> paths, string reason, bool retryable, CdnPurgeSubmission submittedSoFar) =>
        submittedSoFar with { Outcomes = [.. submittedSoFar.Outcomes, .. paths.Select(p => new CdnPurgeUrlOutcome(p.Url, false, reason, retryable))] };

    private static CdnPurgeTaskState StateOf(string taskId, IReadOnlyList<VodRefreshTask> items)
    {
        if (items.Where(i => i.IsFailed).Select(i => $"{i.ObjectPath}: {i.Description ?? "failed"}").ToList() is { Count: > 0 } failures)
        {
            return new CdnPurgeTaskState(taskId, CdnPurgeTaskStatus.Failed, "ApsaraVideo VOD could not refresh " + string.Join("; ", failures));
        }

        // A task just submitted may not be listed yet; it is still running as far as anyone can tell.
        return items.Count > 0 && items.All(i => i.IsComplete)
            ? new CdnPurgeTaskState(taskId, CdnPurgeTaskStatus.Complete)
            : new CdnPurgeTaskState(taskId, CdnPurgeTaskStatus.Running);
    }

    private readonly record struct PurgePath(string Url, string ObjectPath);
}
