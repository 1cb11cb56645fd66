using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>Turns stored deletions into what the CDN refresh page shows: progress counted per URL, the door each deletion came through, how far its files are removed.</summary>
internal static class CdnPurgeSummaries
{
    private static readonly int[] GoneStatuses = [404, 410];

    /// <param name="db">The caller's context.</param>
    /// <param name="invalidations">The deletions to sum up.</param>
    /// <param name="withRemoval">
    /// Whether to read how far each deletion's files are removed: not when the console fronts ApsaraVideo VOD, whose
    /// storage is Alibaba's (no card claims a storage it never held is clean), nor for an export that has no column for it.
    /// </param>
    /// <param name="cancellationToken">Stops between statements.</param>
    public static async Task<IReadOnlyList<CdnPurgeSummary>> ForAsync(
        MediaDbContext db, IReadOnlyList<CdnInvalidation> invalidations, bool withRemoval, CancellationToken cancellationToken)
    {
        var ids = invalidations.Select(i => i.Id).ToList();
        var progress = await db.Set<CdnPurgeUrl>().AsNoTracking()
            .Where(u => ids.Contains(u.InvalidationId))
            .GroupBy(u => u.InvalidationId)
            .Select(g => new
            {
                g.Key,
                Sent = g.Count(u => u.Accepted != null),
                Accepted = g.Count(u => u.Accepted == true),
                Refused = g.Count(u => u.Accepted == false),
                Probed = g.Count(u => u.Probed),
                Gone = g.Count(u => u.Probed && u.ProbeStatus != null && GoneStatuses.Contains(u.ProbeStatus.Value)),
            })
            .ToDictionaryAsync(p => p.Key, p => new CdnPurgeProgress(p.Sent, p.Accepted, p.Refused, p.Probed, p.Gone), cancellationToken);
        var requestIds = invalidations.Select(i => i.RequestId).ToList();
        var doors = await db.DeletionAuditRecords.AsNoTracking()
            .Where(r => requestIds.Contains(r.RequestId))
            .Select(r => new { r.RequestId, r.Channel, r.AccessKeyId, r.OriginalRequestId })
            .ToDictionaryAsync(r => r.RequestId, cancellationToken);
        var removals = withRemoval ? await Deletion.FileRemovalProgressQuery.ForAsync(db, requestIds, cancellationToken) : null;
        return invalidations.Select(i => new CdnPurgeSummary(
            i.Id, i.RequestId, i.DeletedByName, i.DeletedAtUtc, i.VideoIds.Split(',', StringSplitOptions.RemoveEmptyEntries),
            doors.TryGetValue(i.RequestId, out var door) ? door.Channel : Audit.DeletionChannel.Console, door?.AccessKeyId,
            i.PurgeState, i.UrlCount, progress.GetValueOrDefault(i.Id, CdnPurgeProgress.None), i.PurgeAttempts, i.NextPurgeAtUtc,
            i.PurgeError, i.PurgeWaitReason, i.PurgeWaitUntilUtc, i.PurgedAtUtc, i.VerifiedAtUtc,
            i.RefreshedAtUtc is null, i.RefreshedAtUtc, i.RefreshedByName, i.RefreshedReason)
        {
            OriginalRequestId = door?.OriginalRequestId,
            Removal = removals?[i.RequestId],
        }).ToList();
    }

    /// <summary>Every URL of the deletion with its result; before the worker took it up, the URLs kept so far, none sent yet.</summary>
    public static async Task<IReadOnlyList<CdnPurgeUrlResult>> UrlsAsync(MediaDbContext db, CdnInvalidation invalidation, CancellationToken cancellationToken)
    {
        var stored = await db.Set<CdnPurgeUrl>().AsNoTracking().Where(u => u.InvalidationId == invalidation.Id).OrderBy(u => u.Id)
            .Select(u => new CdnPurgeUrlResult(u.VideoId, u.Url, u.IsFolder, u.Probed, u.Accepted, u.Error, u.ProbeStatus, u.ProbeError, u.ProbedAtUtc))
            .ToListAsync(cancellationToken);
        if (stored.Count > 0)
        {
            return stored;
        }

        return (await CdnPurgeExpansion.AssetsAsync(db, invalidation, cancellationToken))
            .SelectMany(a => a.FileUrls.Select(url => new CdnPurgeUrlResult(a.VideoId, url, false, false, null, null, null, null, null))
                .Prepend(new CdnPurgeUrlResult(a.VideoId, a.FolderUrl, true, false, null, null, null, null, null)))
            .ToList();
    }

    internal static bool IsGone(int status) => GoneStatuses.Contains(status);
}
