using System.Globalization;
using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>
/// Whether a traversal can be trusted to have listed the whole remote, since a full sync removes from the mirror
/// whatever it did not list: a traversal that ended early would otherwise wipe the mirror.
/// </summary>
internal static class TraversalCheck
{
    /// <summary>Alibaba's ScrollToken traversal lists at most this many items of a SearchType.</summary>
    public const long MaxTraversableItems = 2_000_000;

    /// <summary>Why a type's listing cannot be traversed in full, or null when it can.</summary>
    public static string? TooLarge(string searchType, VodSearchPage firstPage) => firstPage.Total <= MaxTraversableItems
        ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"The remote holds {firstPage.Total} items of SearchType {searchType}; Alibaba's SearchMedia lists at most {MaxTraversableItems} of a type with ScrollToken, so a sync cannot see them all. Nothing was removed from the mirror; split the library across VOD accounts or regions.");

    /// <summary>
    /// Why a finished listing is too short to remove by, or null. Only fewer than the remote's Total is suspicious (an
    /// API may cap Total, MediaAdmin's at 10,000); a page's worth, or a thousandth, may be deleted while a sync runs.
    /// </summary>
    public static string? ListedTooFew(long seen, long? remoteTotal)
    {
        if (remoteTotal is not { } total)
        {
            return null;
        }

        var allowedShortfall = Math.Max(VodSearchRequest.MaxPageSize, total / 1000);
        return total - seen <= allowedShortfall
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"The traversal ended after listing {seen} of the {total} items the remote reported; nothing was removed from the mirror, since what was not listed may still exist. The next full sync tries again.");
    }
}
