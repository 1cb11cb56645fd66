using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;

namespace MediaAdmin.Core.Cdn;

/// <summary>
/// Leaves a reminder to refresh the CDN for the URLs a deletion left cached at the edge, and with it the durable
/// purge job: every deleted asset's folder URL and every file URL (segments too) in one text value. Written in the
/// deletion's own transaction, so a reminder exists exactly when the deletion does; the purge worker expands it later.
/// </summary>
internal static class CdnReminderWriter
{
    /// <summary>
    /// Adds the reminder for <paramref name="deleted"/> to <paramref name="db"/>, unless no URL was served for them.
    /// <paramref name="fileKeys"/> holds every stored key of each deleted asset, read before the rows went; it is
    /// null when no purge provider is set, since then nothing is purged file by file.
    /// </summary>
    public static void AddTo(MediaDbContext db, DeletionPlan plan, IReadOnlyList<DeletedVideo> deleted, DateTime now, ILookup<string, string>? fileKeys) =>
        AddTo(db, plan.RequestId, plan.Caller.UserId, plan.Who.UserName, deleted, now, fileKeys);

    /// <summary>As above, for a deletion recorded apart from its request (see <see cref="Deletion.Remote.LateRemoteDeletions"/>).</summary>
    public static void AddTo(
        MediaDbContext db, string requestId, string userId, string userName, IReadOnlyList<DeletedVideo> deleted, DateTime now, ILookup<string, string>? fileKeys)
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
            AssetUrls = CdnPurgeAssetText.Write(AssetsOf(deleted, fileKeys)),
            PurgeState = CdnPurgeState.Pending,
            NextPurgeAtUtc = now,
        });
    }

    /// <summary>
    /// The reminder lists a segment folder instead of its segments; a PURGE goes per file, so the keys come from the
    /// asset's file rows, each under the base URL its asset's listed files show.
    /// </summary>
    private static IEnumerable<CdnPurgeAsset> AssetsOf(IReadOnlyList<DeletedVideo> deleted, ILookup<string, string>? keysByAsset)
    {
        keysByAsset ??= Array.Empty<string>().ToLookup(k => k, StringComparer.Ordinal);
        foreach (var video in deleted.Where(d => d.CdnUrls.Count > 0))
        {
            var listed = video.CdnUrls.Where(u => !u.EndsWith('/')).ToList();
            var keys = keysByAsset[video.VideoId].Order(StringComparer.Ordinal).ToList();
            var baseUrl = listed
                .SelectMany(url => keys.Where(key => url.EndsWith("/" + key, StringComparison.Ordinal)).Select(key => url[..^key.Length]))
                .FirstOrDefault();
            var files = baseUrl is null ? listed : keys.Select(key => baseUrl + key).ToList();
            yield return new CdnPurgeAsset(video.VideoId, CommonFolder(files.Count > 0 ? files : video.CdnUrls), files);
        }
    }

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
