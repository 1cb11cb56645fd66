using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>The <see cref="PendingRemoteDeletion"/> rows: written before DeleteVideo goes out, taken back once its outcome is recorded.</summary>
internal static class PendingRemoteDeletionRecords
{
    /// <summary>Writes one row per video in <paramref name="allowed"/>, committed before anything is sent to Alibaba.</summary>
    public static async Task AddAsync(
        IDbContextFactory<MediaDbContext> dbFactory, DeletionPlan plan, IReadOnlyList<VodRemoteVideo> allowed, CapturedCdnUrls captured, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.PendingRemoteDeletions.AddRange(allowed.Select(video => new PendingRemoteDeletion
        {
            RequestId = plan.RequestId,
            VideoId = video.VideoId,
            Title = ColumnText.Cut(video.Title ?? "", MediaAsset.TitleMaxLength),
            SizeBytes = video.SizeBytes,
            UserId = plan.Caller.UserId,
            UserName = plan.Who.UserName,
            Channel = plan.Caller.Channel,
            AccessKeyId = plan.Caller.AccessKeyId,
            RemoteAddress = ColumnText.Cut(plan.Caller.RemoteAddress, 64),
            CdnUrls = string.Join("\n", captured.For(video.VideoId)),
            SentAtUtc = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes request <paramref name="requestId"/>'s rows of the videos Alibaba refused or did not have.</summary>
    public static async Task DropNotDeletedAsync(IDbContextFactory<MediaDbContext> dbFactory, string requestId, RemoteDeletionOutcome outcome, CancellationToken cancellationToken)
    {
        var notDeleted = outcome.Forbidden.Select(f => f.VideoId).Concat(outcome.NonExistent).ToList();
        if (notDeleted.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.PendingRemoteDeletions.Where(p => p.RequestId == requestId && notDeleted.Contains(p.VideoId)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Removes request <paramref name="requestId"/>'s rows except those of <paramref name="unconfirmed"/>; answers the
    /// videos whose row this call removed. A row already gone was taken by <see cref="LateRemoteDeletions"/> (which wrote
    /// its reminder) or dropped by a later request that deleted the same video (whose reminder it is).
    /// </summary>
    public static async Task<HashSet<string>> TakeBackAsync(MediaDbContext db, string requestId, IReadOnlyCollection<string> unconfirmed, CancellationToken cancellationToken)
    {
        var rows = await db.PendingRemoteDeletions.AsNoTracking()
            .Where(p => p.RequestId == requestId)
            .Select(p => new { p.Id, p.VideoId })
            .ToListAsync(cancellationToken);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !unconfirmed.Contains(r.VideoId)))
        {
            if (await db.PendingRemoteDeletions.Where(p => p.Id == row.Id).ExecuteDeleteAsync(cancellationToken) == 1)
            {
                taken.Add(row.VideoId);
            }
        }

        return taken;
    }

    /// <summary>
    /// Drops other requests' rows for <paramref name="deletedIds"/>: this request deleted those videos, so an earlier
    /// request that left them unconfirmed did not, and must not report them deleted later.
    /// </summary>
    public static Task<int> DropSupersededAsync(MediaDbContext db, string requestId, IReadOnlyList<string> deletedIds, CancellationToken cancellationToken) =>
        deletedIds.Count == 0
            ? Task.FromResult(0)
            : db.PendingRemoteDeletions.Where(p => p.RequestId != requestId && deletedIds.Contains(p.VideoId)).ExecuteDeleteAsync(cancellationToken);
}
