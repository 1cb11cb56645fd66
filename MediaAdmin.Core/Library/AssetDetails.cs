namespace MediaAdmin.Core.Library;

/// <summary>An asset with what the VOD API reports of it: category name, cover and snapshot URLs.</summary>
public sealed record AssetDetails(
    string Id, string Title, string? Description, MediaType MediaType, MediaStatus Status, double DurationSeconds, long TotalSizeBytes,
    long? CategoryId, string? CategoryName, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, string? CoverUrl, IReadOnlyList<string> SnapshotUrls);
