namespace MediaAdmin.Core.Deletion;

/// <summary>
/// The URLs of a deleted asset as a CDN refresh wants them: each file, except that the segments of an HLS
/// rendition (and its init segment) become their folder's URL, which a directory refresh purges at once,
/// instead of thousands of lines. Playlists and progressive files stay listed one by one.
/// </summary>
public static class CdnReminderUrls
{
    private static readonly string[] SegmentExtensions = [".m4s", ".ts"];

    public static IReadOnlyList<string> Collapse(IEnumerable<string> cdnUrls)
    {
        ArgumentNullException.ThrowIfNull(cdnUrls);
        var urls = cdnUrls.ToList();
        var segmentFolders = urls.Where(IsSegment).Select(FolderOf).ToHashSet(StringComparer.Ordinal);
        return urls
            .Select(url => segmentFolders.Contains(FolderOf(url)) && !url.EndsWith(".m3u8", StringComparison.OrdinalIgnoreCase) ? FolderOf(url) : url)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The collapsed list of <paramref name="cdnUrls"/> as <see cref="Library.MediaAsset.CdnReminderUrls"/> keeps it: one URL per line.</summary>
    public static string Stored(IEnumerable<string> cdnUrls) => string.Join('\n', Collapse(cdnUrls));

    /// <summary>The list <see cref="Stored"/> wrote.</summary>
    public static IReadOnlyList<string> FromStored(string joined)
    {
        ArgumentNullException.ThrowIfNull(joined);
        return joined.Length == 0 ? [] : joined.Split('\n');
    }

    private static bool IsSegment(string url) => SegmentExtensions.Any(e => url.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string FolderOf(string url) => url[..(url.LastIndexOf('/') + 1)];
}
