using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>
/// Where a traversal stands: which SearchType it is listing (video first, then audio) and the ScrollToken of its next
/// page (null: the type's first page). Stored in <see cref="SourceSyncRun.ScrollToken"/> as <c>type:token</c>, and as
/// <see cref="Finished"/> once every page was read, so a run stopped while removing unlisted videos does not list again.
/// </summary>
internal readonly record struct SyncCursor(string SearchType, string? ScrollToken)
{
    public const string Video = "video";

    public const string Audio = "audio";

    public const string Finished = "listed:";

    public static SyncCursor Start => new(Video, null);

    public bool IsFirstPageOfType => string.IsNullOrEmpty(ScrollToken);

    /// <summary>The cursor after a page: the same type with the next token, the next type, or null when the traversal is done.</summary>
    public SyncCursor? After(VodSearchPage page) => !string.IsNullOrEmpty(page.ScrollToken) && page.Videos.Count > 0
        ? this with { ScrollToken = page.ScrollToken }
        : SearchType == Video ? new SyncCursor(Audio, null) : null;

    public string Stored() => $"{SearchType}:{ScrollToken}";

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
        var token = stored[(separator + 1)..];
        return type is Video or Audio ? new SyncCursor(type, token.Length == 0 ? null : token) : Start;
    }
}
