using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// A video (or audio) as ApsaraVideo VOD describes it in SearchMedia and GetVideoInfos. <see cref="Status"/> is
/// Alibaba's text (Normal, Transcoding, ...); <see cref="MediaStatus"/> maps it, unknown states read as Checking.
/// <see cref="MediaType"/> is null where the reply does not tell (GetVideoInfos describes audio as videos).
/// </summary>
public sealed record VodRemoteVideo(
    string VideoId,
    MediaType? MediaType,
    string Title,
    string? Description,
    string Status,
    double DurationSeconds,
    long SizeBytes,
    long? CateId,
    string? CateName,
    string? CoverUrl,
    DateTime CreatedAtUtc,
    DateTime? ModifiedAtUtc,
    IReadOnlyList<string> SnapshotUrls)
{
    /// <summary>The status as the library names it; a state Alibaba added after this was written reads as Checking.</summary>
    public MediaStatus MediaStatus => Enum.TryParse<MediaStatus>(Status, ignoreCase: false, out var status) && Enum.IsDefined(status)
        ? status
        : MediaStatus.Checking;
}
