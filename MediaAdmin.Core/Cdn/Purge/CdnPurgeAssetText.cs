namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// A deletion's assets and URLs as the one text value the deletion's transaction writes: per asset a line
/// <c>@{videoId} {folderUrl}</c>, then its file URLs one per line. A URL never starts with '@'.
/// </summary>
internal static class CdnPurgeAssetText
{
    private const char AssetMark = '@';

    public static string Write(IEnumerable<CdnPurgeAsset> assets) =>
        string.Join("\n", assets.SelectMany(a => a.FileUrls.Prepend($"{AssetMark}{a.VideoId} {a.FolderUrl}")));

    /// <summary>The assets of <paramref name="invalidation"/>; for a reminder written before URLs were captured per asset, one asset per listed URL's folder.</summary>
    public static IReadOnlyList<CdnPurgeAsset> Read(CdnInvalidation invalidation) =>
        string.IsNullOrEmpty(invalidation.AssetUrls) ? FromUrlList(invalidation) : Parse(invalidation.AssetUrls);

    private static List<CdnPurgeAsset> Parse(string text)
    {
        var assets = new List<CdnPurgeAsset>();
        string? videoId = null;
        string? folder = null;
        var files = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line[0] != AssetMark)
            {
                files.Add(line);
                continue;
            }

            Flush();
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            videoId = line[1..space];
            folder = line[(space + 1)..];
        }

        Flush();
        return assets;

        void Flush()
        {
            if (videoId is not null && folder is not null)
            {
                assets.Add(new CdnPurgeAsset(videoId, folder, files.ToList()));
            }

            files.Clear();
        }
    }

    private static List<CdnPurgeAsset> FromUrlList(CdnInvalidation invalidation)
    {
        var videoIds = invalidation.VideoIds.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return invalidation.Urls
            .Select(url => (Url: url, VideoId: videoIds.FirstOrDefault(id => url.Contains($"/{id}/", StringComparison.Ordinal)) ?? ""))
            .GroupBy(u => u.VideoId.Length > 0 ? u.Url[..(u.Url.IndexOf($"/{u.VideoId}/", StringComparison.Ordinal) + u.VideoId.Length + 2)] : FolderOf(u.Url), StringComparer.Ordinal)
            .Select(folder => new CdnPurgeAsset(
                folder.First().VideoId,
                folder.Key,
                folder.Select(u => u.Url).Where(url => !url.EndsWith('/')).ToList()))
            .ToList();
    }

    internal static string FolderOf(string url) => url[..(url.LastIndexOf('/') + 1)];
}
