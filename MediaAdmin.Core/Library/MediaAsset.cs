using MediaAdmin.Core.Accounts;

namespace MediaAdmin.Core.Library;

/// <summary>An audio or video asset in the library, with every file stored for it.</summary>
public sealed class MediaAsset
{
    public const int TitleMaxLength = 128;

    /// <summary>32 lower-case hex characters, the format Alibaba Cloud VOD uses for VideoId.</summary>
    public required string Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The row key of the title search index: unique; on SQLite replaced at insert by a key in creation order.</summary>
    public long SearchKey { get; set; }

    public string? Description { get; set; }

    public MediaType MediaType { get; set; }

    public MediaStatus Status { get; set; }

    public double DurationSeconds { get; set; }

    /// <summary>Sum of the sizes of every file of the asset: mezzanine, streams and snapshots.</summary>
    public long TotalSizeBytes { get; set; }

    public required string OwnerId { get; set; }

    public MediaUser? Owner { get; set; }

    public long? CategoryId { get; set; }

    public Category? Category { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<MediaFile> Files { get; set; } = [];
}
