using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;

namespace MediaAdmin.Core.Cdn;

/// <summary>
/// Leaves a reminder to refresh the CDN for the URLs a deletion left cached at the edge, and with it the durable
/// purge job: every deleted asset's folder URL and the file URLs its reminder lists, in one text value. Written in the
/// deletion's own transaction, so a reminder exists exactly when the deletion does; what it writes grows with the
/// assets, not with their files, and the purge worker expands it later.
/// </summary>
internal static class CdnReminderWriter
{
    /// <summary>Adds the reminder for <paramref name="deleted"/> to <paramref name="db"/>, unless no URL was served for them.</summary>
    public static void AddTo(MediaDbContext db, DeletionPlan plan, IReadOnlyList<DeletedVideo> deleted, DateTime now) =>
        AddTo(db, plan.RequestId, plan.Caller.UserId, plan.Who.UserName, deleted, now);

    /// <summary>As above, for a deletion recorded apart from its request (see <see cref="Deletion.Remote.LateRemoteDeletions"/>).</summary>
    public static void AddTo(
        MediaDbContext db, string requestId, string userId, string userName, IReadOnlyList<DeletedVideo> deleted, DateTime now)
    {
        var urls = deleted.SelectMany(d => d.CdnUrls).ToList();
        if (urls.Count == 0)
        {
            return;
        }

        db.CdnInvalidations.Add(new CdnInvalidation
        {
            RequestId = requestId,
            DeletedByUserId = userId,
            DeletedByName = userName,
            DeletedAtUtc = now,
            VideoIds = string.Join(",", deleted.Select(d => d.VideoId)),
            UrlList = string.Join("\n", urls),
            UrlCount = urls.Count,
            AssetUrls = CdnPurgeAssetText.Write(AssetsOf(deleted)),
            PurgeState = CdnPurgeState.Pending,
            NextPurgeAtUtc = now,
        });
    }

    /// <summary>
    /// Each asset's folder and the files its reminder lists; the segments the listing folds into their folder are
    /// added by the purge from the keys the file removal keeps (see <see cref="CdnPurgeExpansion"/>).
    /// </summary>
    private static IEnumerable<CdnPurgeAsset> AssetsOf(IReadOnlyList<DeletedVideo> deleted) =>
        deleted.Where(d => d.CdnUrls.Count > 0)
            .Select(video => new CdnPurgeAsset(video.VideoId, CommonFolder(video.CdnUrls), video.CdnUrls.Where(u => !u.EndsWith('/')).ToList()));

    private static string CommonFolder(IReadOnlyList<string> urls)
    {
        var prefix = CdnPurgeAssetText.FolderOf(urls[0]);
        foreach (var url in urls)
        {
            while (!url.StartsWith(prefix, StringComparison.Ordinal))
            {
                prefix = CdnPurgeAssetText.FolderOf(prefix[..^1]);
            }
        }

        return prefix;
    }
}
