namespace MediaAdmin.Core.Library;

public enum LibrarySort
{
    Created = 0,
    Title = 1,
    Size = 2,
    Duration = 3,
}

/// <summary>One view of the library: page, sort, filters and search, as the library page's URL carries them.</summary>
public sealed record LibraryQuery
{
    public const int MaxPageSize = 100;

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;

    public LibrarySort Sort { get; init; } = LibrarySort.Created;

    public bool Descending { get; init; } = true;

    public MediaType? MediaType { get; init; }

    public MediaStatus? Status { get; init; }

    public long? CategoryId { get; init; }

    /// <summary>Only the caller's own assets.</summary>
    public bool MineOnly { get; init; }

    /// <summary>Words that must all appear in the title (prefix match).</summary>
    public string? Search { get; init; }

    /// <summary>An exact asset ID.</summary>
    public string? VideoId { get; init; }

    /// <summary>Any of these IDs (the API's "VideoId in (...)"); at most 20.</summary>
    public IReadOnlyList<string>? VideoIds { get; init; }

    /// <summary>Any of these states (the API's "Status in (...)").</summary>
    public IReadOnlyList<MediaStatus>? Statuses { get; init; }

    public DateTime? CreatedFromUtc { get; init; }

    public DateTime? CreatedToUtc { get; init; }
}

/// <summary>An asset with what the VOD API reports of it: category name, cover and snapshot URLs.</summary>
public sealed record AssetDetails(
    string Id, string Title, string? Description, MediaType MediaType, MediaStatus Status, double DurationSeconds, long TotalSizeBytes,
    long? CategoryId, string? CategoryName, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, string? CoverUrl, IReadOnlyList<string> SnapshotUrls);

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
    string? DeleteDeniedReason)
{
    public bool CanDelete => DeleteDeniedReason is null;
}

/// <summary>
/// A page of the library. <see cref="TotalCount"/> is exact up to <see cref="CountCap"/>; past that
/// it is capped (shown as "10,000+"), so counting never walks a million rows.
/// </summary>
public sealed record LibraryResult(IReadOnlyList<LibraryRow> Rows, int TotalCount, bool CountIsCapped)
{
    public const int CountCap = 10_000;
}
