namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// A tombstone: the mirror removed remote video <see cref="AssetId"/> at <see cref="RemovedAtUtc"/>. A write of
/// data read before that time (a sync page fetched ahead, a GetVideoInfos in flight) does not bring the video back.
/// Kept for a day or a full-sync interval, whichever is longer: by then every read in flight has been written.
/// </summary>
public sealed class RemovedRemoteAsset
{
    public required string AssetId { get; set; }

    public DateTime RemovedAtUtc { get; set; }
}
