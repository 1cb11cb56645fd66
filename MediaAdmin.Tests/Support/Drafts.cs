using System.Text;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Tests.Support;

/// <summary>Asset drafts with real file contents: distinct bytes per file and real PNG snapshots.</summary>
public static class Drafts
{
    private static readonly string[] Definitions = ["LD", "SD", "HD", "FHD", "2K", "4K", "OD"];

    public static AssetDraft Video(string ownerId, string title, int streams = 2, int snapshots = 2, MediaStatus status = MediaStatus.Normal)
    {
        var files = new List<FileDraft> { new(MediaFileKind.Mezzanine, "source.mp4", "mp4", Bytes($"mezzanine {title}", 2048), BitrateKbps: 8000) };
        for (var i = 0; i < streams; i++)
        {
            var definition = Definitions[i % Definitions.Length];
            files.Add(new(MediaFileKind.Stream, $"streams/{definition.ToLowerInvariant()}-{i}.mp4", "mp4", Bytes($"stream {i} {title}", 512), definition, 500 * (i + 1)));
        }

        var png = PngImage.Encode(16, 9, (x, y) => ((byte)(x * 15), (byte)(y * 28), 128));
        for (var i = 0; i < snapshots; i++)
        {
            files.Add(new(MediaFileKind.Snapshot, $"snapshots/{i:00}.png", "png", png, Width: 16, Height: 9, SnapshotKind: i == 0 ? SnapshotKind.Cover : SnapshotKind.Normal));
        }

        return new AssetDraft(title, MediaType.Video, ownerId, files, status, DurationSeconds: 61.5);
    }

    private static byte[] Bytes(string text, int length)
    {
        var bytes = new byte[length];
        Encoding.UTF8.GetBytes(text.Length > length ? text[..length] : text).CopyTo(bytes, 0);
        return bytes;
    }
}
