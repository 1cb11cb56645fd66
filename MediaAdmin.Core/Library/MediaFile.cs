namespace MediaAdmin.Core.Library;

/// <summary>One stored file of an asset: its mezzanine (source), a transcoded stream or a snapshot.</summary>
public sealed class MediaFile
{
    public long Id { get; set; }

    public required string AssetId { get; set; }

    public MediaFileKind Kind { get; set; }

    /// <summary>The key of the file in <see cref="Storage.IMediaStorage"/>; unique across the library.</summary>
    public required string StorageKey { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>The public URL the CDN serves this file under; kept because nothing can tell it once the file is gone.</summary>
    public required string CdnUrl { get; set; }

    /// <summary>File format: the container for media (mp4, m3u8, mp3) or the image format for snapshots (jpg, png).</summary>
    public required string Format { get; set; }

    /// <summary>Stream definition (LD, SD, HD, FHD, OD); null for mezzanines and snapshots.</summary>
    public string? Definition { get; set; }

    /// <summary>Stream bitrate in kbit/s; null for snapshots.</summary>
    public int? BitrateKbps { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public SnapshotKind? SnapshotKind { get; set; }
}

public enum MediaFileKind
{
    Mezzanine = 0,
    Stream = 1,
    Snapshot = 2,
}

public enum SnapshotKind
{
    Cover = 0,
    Normal = 1,
    Sprite = 2,
}
