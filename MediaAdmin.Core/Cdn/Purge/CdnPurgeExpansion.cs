using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// The URLs a purge sends, per deleted asset: its folder and each stored file, segments included. The reminder lists
/// an HLS rendition's folder instead of its segments, so the files come from the keys the file removal kept (see
/// <see cref="CdnPurgeKeyCapture"/>), each under the base URL the asset's listed files show. While a removal has not
/// listed its asset's files yet, the purge waits for it, up to <see cref="CdnPurgeOptions.ListingWait"/>; an asset with no
/// removal left (or none kept) is purged by the URLs the reminder lists.
/// </summary>
internal static class CdnPurgeExpansion
{
    /// <summary>The assets to purge, each with the files its removal kept, or the files its reminder lists when none were kept.</summary>
    public static async Task<IReadOnlyList<CdnPurgeAsset>> AssetsAsync(MediaDbContext db, CdnInvalidation job, CancellationToken cancellationToken)
    {
        var kept = await db.Set<CdnPurgeAssetKeys>().AsNoTracking()
            .Where(k => k.InvalidationId == job.Id)
            .ToDictionaryAsync(k => k.VideoId, k => k.Keys, StringComparer.Ordinal, cancellationToken);
        return CdnPurgeAssetText.Read(job).Select(asset => kept.TryGetValue(asset.VideoId, out var keys) ? WithFiles(asset, keys) : asset).ToList();
    }

    /// <summary>How many of the job's assets are still being removed without having had their files listed and kept.</summary>
    public static Task<int> WaitingAsync(MediaDbContext db, CdnInvalidation job, CancellationToken cancellationToken)
    {
        var videoIds = CdnPurgeAssetText.Read(job).Select(a => a.VideoId).ToList();
        return db.PendingFileDeletions.AsNoTracking()
            .Where(p => p.RequestId == job.RequestId && p.CompletedAtUtc == null && videoIds.Contains(p.AssetId))
            .Where(p => !db.Set<CdnPurgeAssetKeys>().Any(k => k.InvalidationId == job.Id && k.VideoId == p.AssetId))
            .Select(p => p.AssetId)
            .Distinct()
            .CountAsync(cancellationToken);
    }

    /// <summary>What the console shows while the purge waits for <paramref name="waiting"/> removals to list their files.</summary>
    public static string WaitReason(int waiting) =>
        $"Waiting for the file removal to list the files of {waiting} deleted {(waiting == 1 ? "asset" : "assets")}";

    private static CdnPurgeAsset WithFiles(CdnPurgeAsset asset, IReadOnlyList<string> keys)
    {
        var baseUrl = asset.FileUrls
            .SelectMany(url => keys.Where(key => url.EndsWith("/" + key, StringComparison.Ordinal)).Select(key => url[..^key.Length]))
            .FirstOrDefault();

        // Added to what the reminder lists, never in its place: an older version's reminder lists every file, and a
        // listing kept by a retry after a part-done removal names only the files that were left.
        return baseUrl is null ? asset : asset with
        {
            FileUrls = asset.FileUrls.Union(keys.Select(key => baseUrl + key), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }
}
