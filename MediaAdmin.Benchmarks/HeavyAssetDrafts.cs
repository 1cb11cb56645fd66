using System.Globalization;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// Videos as the delete benchmarks store them: 32 files (mezzanine, 6 MP4 streams, 25 snapshots), or an HLS
/// ladder of 3,000 (a one-hour video: mezzanine, 4 renditions of a playlist, an init segment and 735 fMP4
/// segments each, and 51 snapshots). <c>--files-per-video N</c> shortens the ladder's segments so the heavy
/// video has N files (Azurite removes a blob in time that grows with the blobs it holds, see README). Each file
/// holds 256 bytes: the count is what is measured.
/// </summary>
internal static class HeavyAssetDrafts
{
    public const int SmallFiles = 32;
    public const int HeavyFiles = 3000;
    public const int FewestHeavyFiles = 100;

    private const string FilesOption = "--files-per-video";
    private const int Snapshots = 51;
    private static readonly string[] Renditions = ["ld", "sd", "hd", "fhd"];
    private static readonly byte[] Content = new byte[256];

    /// <summary>The heavy video's file count from <c>--files-per-video</c> (3,000 when absent), or null with the reason written to stderr.</summary>
    public static async Task<int?> HeavyFilesOfAsync(string[] args)
    {
        var at = Array.IndexOf(args, FilesOption);
        if (at < 0)
        {
            return HeavyFiles;
        }

        if (at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var files) && files is >= FewestHeavyFiles and <= HeavyFiles)
        {
            return files;
        }

        await Console.Error.WriteLineAsync($"{FilesOption} takes a whole number from {FewestHeavyFiles} to {HeavyFiles} (the files of each heavy video); got '{(at + 1 < args.Length ? args[at + 1] : "")}'");
        return null;
    }

    /// <summary>A video of <see cref="SmallFiles"/> files, or an HLS ladder of <paramref name="files"/> (from <see cref="FewestHeavyFiles"/> to <see cref="HeavyFiles"/>).</summary>
    public static AssetDraft Video(string ownerId, string title, int files)
    {
        if (files == SmallFiles)
        {
            return new AssetDraft(title, MediaType.Video, ownerId, [Mezzanine(), .. Mp4Streams(6), .. SnapshotFiles(25)]);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(files, FewestHeavyFiles);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(files, HeavyFiles);
        var segments = files - 1 - Snapshots - (2 * Renditions.Length);
        return new AssetDraft(title, MediaType.Video, ownerId, [Mezzanine(), .. HlsLadder(segments), .. SnapshotFiles(Snapshots)]);
    }

    private static FileDraft Mezzanine() => new(MediaFileKind.Mezzanine, "source.mp4", "mp4", Content);

    private static IEnumerable<FileDraft> Mp4Streams(int count) =>
        Enumerable.Range(0, count).Select(s => new FileDraft(MediaFileKind.Stream, $"streams/{s}.mp4", "mp4", Content, "HD", 2000));

    /// <summary>A playlist and an init segment per rendition, and <paramref name="segments"/> media segments shared out as evenly as they go.</summary>
    private static IEnumerable<FileDraft> HlsLadder(int segments) => Renditions.SelectMany((rendition, index) =>
        new[]
        {
            new FileDraft(MediaFileKind.Stream, $"hls/{rendition}/index.m3u8", "m3u8", Content, rendition.ToUpperInvariant(), 2000),
            new FileDraft(MediaFileKind.Stream, $"hls/{rendition}/init.mp4", "mp4", Content, rendition.ToUpperInvariant(), 2000),
        }.Concat(Enumerable.Range(0, (segments / Renditions.Length) + (index < segments % Renditions.Length ? 1 : 0)).Select(s =>
            new FileDraft(MediaFileKind.Stream, $"hls/{rendition}/seg{s:00000}.m4s", "m4s", Content, rendition.ToUpperInvariant(), 2000))));

    private static IEnumerable<FileDraft> SnapshotFiles(int count) =>
        Enumerable.Range(0, count).Select(s => new FileDraft(MediaFileKind.Snapshot, $"snapshots/{s:00}.jpg", "jpg", Content, SnapshotKind: SnapshotKind.Normal));
}
