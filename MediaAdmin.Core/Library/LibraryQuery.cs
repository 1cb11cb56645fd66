namespace MediaAdmin.Core.Library;

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

    public DateTime? ModifiedFromUtc { get; init; }

    public DateTime? ModifiedToUtc { get; init; }

    /// <summary>
    /// Only assets after this position in <see cref="Sort"/> order (creation or modification time only), read by
    /// an index seek instead of skipping <see cref="Page"/> pages, so a full traversal costs the same on every page.
    /// </summary>
    public LibraryPosition? After { get; init; }
}
