using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.Ingest;

/// <summary>Where one asset's ingest stands, as the library shows it.</summary>
/// <param name="AssetId">The asset.</param>
/// <param name="Status">The asset's status now.</param>
/// <param name="Percent">How far its transcoding job has come, from 0 to 100; 0 before the job reports.</param>
/// <param name="Reason">Why its upload or transcoding failed; null unless it did.</param>
public sealed record AssetProgress(string AssetId, MediaStatus Status, int Percent, string? Reason)
{
    /// <summary>Whether the asset is still on its way to <see cref="MediaStatus.Normal"/>, so its status can still change by itself.</summary>
    public bool IsInFlight => IsInFlightStatus(Status);

    /// <summary>Whether an asset of <paramref name="status"/> is still being uploaded, queued or transcoded.</summary>
    public static bool IsInFlightStatus(MediaStatus status) =>
        status is MediaStatus.Uploading or MediaStatus.UploadSucc or MediaStatus.Transcoding;
}
