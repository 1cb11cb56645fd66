namespace MediaAdmin.Core.Deletion;

/// <summary>A file's CDN URL, or the folder URL of an HLS segment, as the database computes it for a deletion's CDN reminder.</summary>
internal sealed class CdnUrlRow
{
    public required string AssetId { get; init; }

    public required string Url { get; init; }

    /// <summary>1 when <see cref="Url"/> is the folder of an HLS segment (an integer, as both databases return it).</summary>
    public int IsSegmentFolder { get; init; }
}
