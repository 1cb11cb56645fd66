namespace MediaAdmin.Core.Library;

/// <summary>A row of the library page, with whether the caller may delete it and why not.</summary>
public sealed record LibraryRow(
    string Id,
    string Title,
    MediaType MediaType,
    MediaStatus Status,
    double DurationSeconds,
    long TotalSizeBytes,
    string OwnerId,
    string OwnerName,
    string? Category,
    DateTime CreatedAtUtc,
    string? ThumbnailKey,
    string? DeleteDeniedReason,
    int MissingFiles = 0)
{
    public bool CanDelete => DeleteDeniedReason is null;

    /// <summary>Where the console loads the thumbnail, relative to its base; signed while URL authentication is on.</summary>
    public string? ThumbnailUrl { get; init; } = ThumbnailKey is null ? null : "cdn/" + ThumbnailKey;
}
