using MediaAdmin.Core.Library;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// Videos as the delete benchmarks store them: 32 files (mezzanine, 6 MP4 streams, 25 snapshots), or a
/// one-hour HLS ladder of 3,000 (mezzanine, 4 renditions of a playlist, an init segment and 735 fMP4
/// segments each, and 51 snapshots). Each file holds 256 bytes: the count is what is measured.
/// </summary>
internal static class HeavyAssetDrafts
{
    public const int SmallFiles = 32;
    public const int HeavyFiles = 3000;

    private const int Snapshots = 51;
    private static readonly string[] Renditions = ["ld", "sd", "hd", "fhd"];
    private static readonly byte[] Content = new byte[256];

    public static AssetDraft Video(string ownerId, string title, int files) => files switch
    {
        SmallFiles => new AssetDraft(title, MediaType.Video, ownerId, [Mezzanine(), .. Mp4Streams(6), .. SnapshotFiles(25)]),
        HeavyFiles => new AssetDraft(title, MediaType.Video, ownerId, [Mezzanine(), .. HlsLadder((HeavyFiles - 1 - Snapshots) / Renditions.Length), .. SnapshotFiles(Snapshots)]),
        _ => throw new ArgumentOutOfRangeException(nameof(files), files, $"a video has {SmallFiles} or {HeavyFiles} files here"),
    };

    private static FileDraft Mezzanine() => new(MediaFileKind.Mezzanine, "source.mp4", "mp4", Content);

    private static IEnumerable<FileDraft> Mp4Streams(int count) =>
        Enumerable.Range(0, count).Select(s => new FileDraft(MediaFileKind.Stream, $"streams/{s}.mp4", "mp4", Content, "HD", 2000));

    private static IEnumerable<FileDraft> HlsLadder(int filesPerRendition) => Renditions.SelectMany(rendition =>
        new[]
        {
            new FileDraft(MediaFileKind.Stream, $"hls/{rendition}/index.m3u8", "m3u8", Content, rendition.ToUpperInvariant(), 2000),
            new FileDraft(MediaFileKind.Stream, $"hls/{rendition}/init.mp4", "mp4", Content, rendition.ToUpperInvariant(), 2000),
        }.Concat(Enumerable.Range(0, filesPerRendition - 2).Select(s =>
            new FileDraft(MediaFileKind.Stream, $"hls/{rendition}/seg{s:00000}.m4s", "m4s", Content, rendition.ToUpperInvariant(), 2000))));

    private static IEnumerable<FileDraft> SnapshotFiles(int count) =>
        Enumerable.Range(0, count).Select(s => new FileDraft(MediaFileKind.Snapshot, $"snapshots/{s:00}.jpg", "jpg", Content, SnapshotKind: SnapshotKind.Normal));
}
