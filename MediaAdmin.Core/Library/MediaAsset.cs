using MediaAdmin.Core.Accounts;

namespace MediaAdmin.Core.Library;

/// <summary>An audio or video asset in the library, with every file stored for it.</summary>
public sealed class MediaAsset
{
    public const int TitleMaxLength = 128;

    public const int DescriptionMaxLength = 1024;

    /// <summary>32 lower-case hex characters, the format Alibaba Cloud VOD uses for VideoId.</summary>
    public required string Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The row key of the title search index: unique; on SQLite replaced at insert by a key in creation order.</summary>
    public long SearchKey { get; set; }

    public string? Description { get; set; }

    public MediaType MediaType { get; set; }

    public MediaStatus Status { get; set; }

    /// <summary>Why the asset is in its status, for a person to read: set when an upload or transcoding failed.</summary>
    public string? StatusReason { get; set; }

    public double DurationSeconds { get; set; }

    /// <summary>The source's container as ffprobe names it (e.g. "mov,mp4,m4a,3gp,3g2,mj2"); null for assets added without a probe.</summary>
    public string? SourceFormat { get; set; }

    /// <summary>The size of the source (mezzanine) file, in bytes.</summary>
    public long SourceSizeBytes { get; set; }

    /// <summary>The source's overall bitrate in kbit/s, when ffprobe could tell it.</summary>
    public int? BitrateKbps { get; set; }

    /// <summary>The codec of the source's first video stream (e.g. "h264"); null for audio.</summary>
    public string? VideoCodec { get; set; }

    /// <summary>The codec of the source's first audio stream (e.g. "aac"); null when it has no sound.</summary>
    public string? AudioCodec { get; set; }

    /// <summary>The source picture's width in pixels; null for audio.</summary>
    public int? Width { get; set; }

    /// <summary>The source picture's height in pixels; null for audio.</summary>
    public int? Height { get; set; }

    /// <summary>Sum of the sizes of every file of the asset: mezzanine, streams and snapshots.</summary>
    public long TotalSizeBytes { get; set; }

    public required string OwnerId { get; set; }

    public MediaUser? Owner { get; set; }

    public long? CategoryId { get; set; }

    public Category? Category { get; set; }

    /// <summary>How many of the asset's files the last reconciliation fix found missing from storage; 0 when none.</summary>
    public int MissingFiles { get; set; }

    /// <summary>
    /// How many file rows the asset has, kept with every commit of its files so a deletion need not count them;
    /// null for an asset whose files were committed before the summary was kept.
    /// </summary>
    public int? FileCount { get; set; }

    /// <summary>
    /// The asset's URLs as a CDN refresh wants them (<see cref="Deletion.CdnReminderUrls"/>), one per line, kept
    /// with <see cref="FileCount"/> so a deletion reads one row instead of every file; null when that is.
    /// </summary>
    public string? CdnReminderUrls { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<MediaFile> Files { get; set; } = [];

    /// <summary>What the last sync saw of the asset on an Alibaba Cloud VOD account it mirrors; null for an asset of this library.</summary>
    public Sources.AlibabaVod.RemoteAsset? Remote { get; set; }

    /// <summary>Sets <see cref="FileCount"/> and <see cref="CdnReminderUrls"/> from every CDN URL of the asset's file rows.</summary>
    public void SummarizeFiles(IReadOnlyCollection<string> fileCdnUrls)
    {
        ArgumentNullException.ThrowIfNull(fileCdnUrls);
        FileCount = fileCdnUrls.Count;
        CdnReminderUrls = Deletion.CdnReminderUrls.Stored(fileCdnUrls);
    }
}
