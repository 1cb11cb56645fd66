namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// What the mirror keeps of an ApsaraVideo VOD video beside its <see cref="Library.MediaAsset"/> row (same ID):
/// what only the remote knows (the cover URL, its modification time) and which sync last saw it.
/// </summary>
public sealed class RemoteAsset
{
    public const int UrlMaxLength = 2048;

    public required string AssetId { get; set; }

    /// <summary>The remote's CoverURL; the library shows it as the thumbnail.</summary>
    public string? CoverUrl { get; set; }

    /// <summary>The remote's snapshot URLs, one per line; the API's GetVideoInfo and SearchMedia answer them.</summary>
    public string? SnapshotUrls { get; set; }

    /// <summary>The remote's ModificationTime, the incremental sync's watermark.</summary>
    public DateTime? RemoteModifiedAtUtc { get; set; }

    /// <summary>The full sync that last listed the video; a finished full sync removes videos it did not list.</summary>
    public long SeenInSyncRunId { get; set; }

    /// <summary>When a sync or a callback last wrote this row.</summary>
    public DateTime SyncedAtUtc { get; set; }
}
