using System.Globalization;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>The parameters GetVideoList and SearchMedia share: PageNo, PageSize, SortBy, and status names.</summary>
internal static class VodListing
{
    public const int MaxPageSize = 100;

    /// <summary>Alibaba's own bound on these operations: deeper pages need narrower filters.</summary>
    public const int MaxDepth = 5000;

    /// <summary>The orders GetVideoList offers.</summary>
    public static IReadOnlyList<string> CreationSorts { get; } = ["CreationTime:Desc", "CreationTime:Asc"];

    /// <summary>The orders SearchMedia offers, each one a ScrollToken traversal can follow.</summary>
    public static IReadOnlyList<string> TraversalSorts { get; } = [.. CreationSorts, "ModificationTime:Asc", "ModificationTime:Desc"];

    /// <summary>
    /// The page and order asked for (one of <paramref name="sorts"/>), newest first and ten a page by default. PageNo
    /// is held to <see cref="MaxDepth"/> unless the action <paramref name="scrolls"/> and a ScrollToken came: Alibaba's
    /// own traversal sample keeps counting PageNo beside the token, and the token, not the page, is the position.
    /// </summary>
    public static RpcResult<LibraryQuery> Paging(RpcCall call, IReadOnlyList<string> sorts, bool scrolls)
    {
        ArgumentNullException.ThrowIfNull(sorts);
        ArgumentNullException.ThrowIfNull(call);
        var pageNo = 1;
        var pageSize = 10;
        if (call.Parameters.TryGetValue("PageNo", out var rawNo) && (!TryParseCount(rawNo, out pageNo) || pageNo < 1))
        {
            return RpcError.InvalidParameter("PageNo");
        }

        if (call.Parameters.TryGetValue("PageSize", out var rawSize) && (!TryParseCount(rawSize, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return RpcError.InvalidParameter("PageSize");
        }

        if ((long)pageNo * pageSize > MaxDepth && !(scrolls && call.TryGet(ScrollTokens.Parameter, out _)))
        {
            return RpcError.InvalidParameter("PageNo");
        }

        var sort = SortBy(call);
        if (!sorts.Contains(sort, StringComparer.Ordinal))
        {
            return RpcError.InvalidParameter("SortBy", $"'{sort}' is not one of {string.Join(", ", sorts)}");
        }

        return new LibraryQuery
        {
            Page = pageNo - 1,
            PageSize = pageSize,
            Sort = sort.StartsWith("ModificationTime", StringComparison.Ordinal) ? LibrarySort.Modified : LibrarySort.Created,
            Descending = sort.EndsWith(":Desc", StringComparison.Ordinal),
        };
    }

    /// <summary>The SortBy sent, or the default: newest first.</summary>
    public static string SortBy(RpcCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Parameters.GetValueOrDefault("SortBy", CreationSorts[0]);
    }

    /// <summary>Status names (Normal, Blocked, ...; any case, never numbers); false for none or an unknown one.</summary>
    public static bool TryStatuses(IEnumerable<string> names, out List<MediaStatus> statuses)
    {
        statuses = [];
        foreach (var name in names)
        {
            if (!Enum.TryParse<MediaStatus>(name, ignoreCase: true, out var status) || int.TryParse(name, out _))
            {
                return false;
            }

            statuses.Add(status);
        }

        return statuses.Count > 0;
    }

    private static bool TryParseCount(string raw, out int value) => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
