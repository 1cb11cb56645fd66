using System.Globalization;

namespace MediaAdmin.Core.Library;

/// <summary>
/// Where one page of the library sits among all the matches: the rows it shows, the pages the pager offers and the
/// pager's text ("26-50 of 300", or "of 10,000+" once the count is capped).
/// </summary>
/// <param name="Page">The zero-based page shown.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="TotalCount">The matches counted, at most <see cref="LibraryResult.CountCap"/>.</param>
/// <param name="CountIsCapped">Whether there are more matches than <paramref name="TotalCount"/>.</param>
public readonly record struct LibraryPageWindow(int Page, int PageSize, int TotalCount, bool CountIsCapped)
{
    /// <summary>The one-based number of the page's first row; 0 when nothing matches.</summary>
    public int FirstItem => TotalCount == 0 ? 0 : Math.Min((Page * PageSize) + 1, TotalCount);

    /// <summary>The one-based number of the page's last row.</summary>
    public int LastItem => Math.Min((Page + 1) * PageSize, TotalCount);

    /// <summary>The zero-based last page the pager offers.</summary>
    public int LastPage => TotalCount == 0 || PageSize <= 0 ? 0 : (TotalCount - 1) / PageSize;

    public bool HasPrevious => Page > 0;

    public bool HasNext => Page < LastPage;

    /// <summary>The pager's text, e.g. "1-25 of 300" or "1-25 of 10,000+".</summary>
    public string Info => string.Create(
        CultureInfo.InvariantCulture,
        $"{FirstItem}-{LastItem} of {(CountIsCapped ? "10,000+" : TotalCount.ToString(CultureInfo.InvariantCulture))}");
}
