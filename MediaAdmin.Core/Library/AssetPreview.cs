namespace MediaAdmin.Core.Library;

/// <summary>
/// Everything the console shows of one asset before an editor acts on it, and what the VOD API plays it from:
/// its library row (metadata, and whether the caller may delete it), its files, the streams a player can use and the snapshots.
/// </summary>
public sealed record AssetPreview(LibraryRow Asset, DateTime UpdatedAtUtc, IReadOnlyList<PreviewFile> Files)
{
    /// <summary>Definition of the master playlist, as Alibaba names an adaptive stream.</summary>
    public const string AutoDefinition = "AUTO";

    private static readonly string[] NativeFormats = ["mp4", "m4a", "mp3"];

    /// <summary>The HLS master playlist (Definition AUTO), which lets the player pick a rung itself.</summary>
    public PreviewFile? HlsMaster => Streams.FirstOrDefault(f => f.Format == "m3u8" && f.Definition == AutoDefinition);

    /// <summary>The file a browser plays natively when it has no HLS: the progressive MP4, else the AAC, else the MP3 rendition.</summary>
    public PreviewFile? ProgressiveSource =>
        ProgressiveFiles.OrderBy(f => Array.IndexOf(NativeFormats, f.Format)).ThenByDescending(f => f.Height).FirstOrDefault();

    /// <summary>
    /// What a player may be pointed at: the master and each rung's playlist, the progressive renditions. Segments
    /// and init sections are parts of a playlist, not sources of their own.
    /// </summary>
    public IReadOnlyList<PreviewFile> PlayableStreams => Streams.Where(f => f.Format == "m3u8").Concat(ProgressiveFiles).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

    public PreviewFile? Cover => Files.FirstOrDefault(f => f.SnapshotKind == SnapshotKind.Cover);

    /// <summary>The normal snapshots in the order they were taken.</summary>
    public IReadOnlyList<PreviewFile> Snapshots => Files.Where(f => f.SnapshotKind == SnapshotKind.Normal).ToList();

    /// <summary>The WebVTT index of the sprite sheet, whose cues name a tile of a sprite image for each stretch of time.</summary>
    public PreviewFile? SpriteIndex => Files.FirstOrDefault(f => f.SnapshotKind == SnapshotKind.Sprite && f.Format == "vtt");

    private IEnumerable<PreviewFile> Streams => Files.Where(f => f.Kind == MediaFileKind.Stream);

    /// <summary>Files a browser plays whole; an fMP4 init section shares the extension but lives beside its rung's playlist.</summary>
    private IEnumerable<PreviewFile> ProgressiveFiles
    {
        get
        {
            var rungFolders = Streams.Where(f => f.Format == "m3u8" && f.Definition != AutoDefinition).Select(f => FolderOf(f.Name)).ToHashSet(StringComparer.Ordinal);
            return Streams.Where(f => NativeFormats.Contains(f.Format) && !rungFolders.Contains(FolderOf(f.Name)));
        }
    }

    private static string FolderOf(string name) => name.Contains('/', StringComparison.Ordinal) ? name[..name.LastIndexOf('/')] : string.Empty;
}
