namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// A deletion's URLs (see <see cref="CdnPurgeExpansion"/>) expanded into one result row each, the folders too, with
/// the probe's sample marked: every playlist, MP4 and snapshot, and an even spread of each HLS folder's segments.
/// </summary>
internal static class CdnPurgeUrlRows
{
    private static readonly string[] SegmentExtensions = [".ts", ".m4s", ".aac", ".vtt"];

    public static List<CdnPurgeUrl> Expand(long invalidationId, IReadOnlyList<CdnPurgeAsset> assets, int segmentSample)
    {
        var rows = new List<CdnPurgeUrl>();
        foreach (var asset in assets)
        {
            rows.Add(new CdnPurgeUrl { InvalidationId = invalidationId, VideoId = asset.VideoId, Url = asset.FolderUrl, IsFolder = true });
            var sampled = asset.FileUrls.Where(IsSegment)
                .GroupBy(CdnPurgeAssetText.FolderOf, StringComparer.Ordinal)
                .SelectMany(folder => Spread(folder.Order(StringComparer.Ordinal).ToList(), segmentSample))
                .ToHashSet(StringComparer.Ordinal);
            rows.AddRange(asset.FileUrls.Select(url => new CdnPurgeUrl
            {
                InvalidationId = invalidationId,
                VideoId = asset.VideoId,
                Url = url,
                Probed = !IsSegment(url) || sampled.Contains(url),
            }));
        }

        return rows;
    }

    /// <summary>The assets still to purge, each with only its files not yet accepted; an asset whose folder was accepted is done.</summary>
    public static List<CdnPurgeAsset> Outstanding(IReadOnlyList<CdnPurgeUrl> rows) =>
        rows.Where(r => r.IsFolder && r.Accepted != true)
            .Select(folder => (Folder: folder, Files: rows.Where(r => !r.IsFolder && r.VideoId == folder.VideoId && r.Url.StartsWith(folder.Url, StringComparison.Ordinal)).ToList()))
            .Where(asset => asset.Files.Count == 0 || asset.Files.Any(f => f.Accepted != true))
            .Select(asset => new CdnPurgeAsset(asset.Folder.VideoId, asset.Folder.Url, asset.Files.Where(f => f.Accepted != true).Select(f => f.Url).ToList()))
            .ToList();

    /// <summary>Records the CDN's answer per URL; returns the refusals.</summary>
    public static List<CdnPurgeUrlOutcome> Apply(IReadOnlyList<CdnPurgeUrl> rows, IReadOnlyList<CdnPurgeUrlOutcome> outcomes)
    {
        var byUrl = rows.ToLookup(r => r.Url, StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            foreach (var row in byUrl[outcome.Url])
            {
                row.Accepted = outcome.Accepted;
                row.Error = outcome.Accepted ? null : ColumnText.Shorten(outcome.Error ?? "refused", 1000);
            }
        }

        return outcomes.Where(o => !o.Accepted).ToList();
    }

    private static bool IsSegment(string url) => SegmentExtensions.Any(e => url.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Spread(List<string> segments, int count)
    {
        if (segments.Count <= count)
        {
            return segments;
        }

        return Enumerable.Range(0, count).Select(i => segments[count == 1 ? 0 : i * (segments.Count - 1) / (count - 1)]).Distinct();
    }
}
