using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.Ingest;

/// <summary>Names each file in a transcoder's work folder for what it is: which stream, which snapshot.</summary>
public static class TranscodedFiles
{
    public static IReadOnlyList<TranscodedFile> Collect(string workFolder, IReadOnlyList<Rendition> renditions)
    {
        ArgumentNullException.ThrowIfNull(renditions);
        var byName = renditions.ToDictionary(r => r.Name, StringComparer.Ordinal);
        return Directory.EnumerateFiles(workFolder, "*", SearchOption.AllDirectories)
            .Select(path => Describe(Path.GetRelativePath(workFolder, path).Replace('\\', '/'), new FileInfo(path).Length, byName))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    private static TranscodedFile Describe(string relativePath, long size, IReadOnlyDictionary<string, Rendition> renditions)
    {
        var parts = relativePath.Split('/');
        var format = Path.GetExtension(relativePath).TrimStart('.').ToLowerInvariant();
        if (parts[0] == FfmpegArguments.SnapshotsFolder)
        {
            var name = parts[^1];
            var kind = name == FfmpegArguments.CoverFile ? SnapshotKind.Cover
                : name.StartsWith("sprite", StringComparison.Ordinal) ? SnapshotKind.Sprite
                : SnapshotKind.Normal;
            return new TranscodedFile(relativePath, MediaFileKind.Snapshot, format, size, SnapshotKind: kind);
        }

        if (parts.Length == 2 && parts[1] == FfmpegArguments.MasterPlaylist)
        {
            var top = renditions.Values.Where(r => r.Format == RenditionFormat.Hls).MaxBy(r => r.Height);
            return new TranscodedFile(relativePath, MediaFileKind.Stream, format, size, "AUTO", Width: top?.Width, Height: top?.Height);
        }

        var rendition = parts.Length >= 2 && renditions.TryGetValue(parts[1], out var known)
            ? known
            : throw new InvalidOperationException($"ffmpeg wrote a file the template does not know: {relativePath}");
        return new TranscodedFile(
            relativePath, MediaFileKind.Stream, format, size, rendition.Definition, rendition.VideoKbps + rendition.AudioKbps,
            rendition.IsVideo ? rendition.Width : null, rendition.IsVideo ? rendition.Height : null);
    }
}
