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
}
