namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// What one SearchMedia call asks for: <see cref="Match"/> in Alibaba's search protocol (e.g.
/// <c>ModificationTime = ('2026-11-01T00:00:00Z','')</c>), <see cref="ScrollToken"/> from the previous page (full
/// traversal), a page of at most <see cref="MaxPageSize"/>, sorted by <see cref="SortBy"/>.
/// </summary>
public sealed record VodSearchRequest(string SearchType = "video", string? Match = null, string? ScrollToken = null, int PageSize = VodSearchRequest.MaxPageSize, string SortBy = "CreationTime:Asc")
{
    /// <summary>SearchMedia's largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page's number, 1 for the first; Alibaba's full traversal wants it beside the ScrollToken, one more each page.</summary>
    public int PageNo { get; init; } = 1;
}
