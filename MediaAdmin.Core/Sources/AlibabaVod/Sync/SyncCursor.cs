using System.Globalization;
using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>
/// Where a traversal stands: which SearchType it is listing (video first, then audio), the ScrollToken of its next
/// page (null: the type's first page) and that page's number, which Alibaba's SearchMedia wants beside the token.
/// Stored in <see cref="SourceSyncRun.ScrollToken"/> as <c>type:pageNo:token</c> (cursors stored before the page
/// number, <c>type:token</c>, still read), and as <see cref="Finished"/> once every page was read, so a run stopped
/// while removing unlisted videos does not list again.
/// </summary>
internal readonly record struct SyncCursor(string SearchType, string? ScrollToken, int PageNo = 1)
{
    public const string Video = "video";

    public const string Audio = "audio";

    public const string Finished = "listed:";

    public static SyncCursor Start => new(Video, null);

    public bool IsFirstPageOfType => string.IsNullOrEmpty(ScrollToken);

    /// <summary>The cursor after a page: the same type with the next token and page, the next type, or null when the traversal is done.</summary>
    public SyncCursor? After(VodSearchPage page) => !string.IsNullOrEmpty(page.ScrollToken) && page.Videos.Count > 0
        ? this with { ScrollToken = page.ScrollToken, PageNo = PageNo + 1 }
        : SearchType == Video ? new SyncCursor(Audio, null) : null;

    public string Stored() => string.Create(CultureInfo.InvariantCulture, $"{SearchType}:{PageNo}:{ScrollToken}");

    /// <summary>A stored cursor, null when the listing is finished; a missing or unreadable one starts over, which a sync may always do.</summary>
    public static SyncCursor? Parse(string? stored)
    {
        if (stored == Finished)
        {
            return null;
        }

        var separator = stored?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (separator < 0)
        {
            return Start;
        }

        var type = stored![..separator];
        var rest = stored[(separator + 1)..];
        if (type is not (Video or Audio))
        {
            return Start;
        }

        // A page number before a second colon; a cursor stored without one held a token of page 2 or later.
        var pageEnd = rest.IndexOf(':', StringComparison.Ordinal);
        if (pageEnd > 0 && int.TryParse(rest.AsSpan(0, pageEnd), NumberStyles.None, CultureInfo.InvariantCulture, out var pageNo) && pageNo >= 1)
        {
            var token = rest[(pageEnd + 1)..];
            return token.Length == 0 ? new SyncCursor(type, null) : new SyncCursor(type, token, pageNo);
        }

        return rest.Length == 0 ? new SyncCursor(type, null) : new SyncCursor(type, rest, 2);
    }
}
