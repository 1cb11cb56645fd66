using MediaAdmin.Core.Library;
using MediaAdmin.Web.Api.Matching;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>
/// SearchMedia: videos or audio the caller may read, filtered by the documented subset of Match, a page at a time
/// by PageNo (the first 5,000) or through the whole library by ScrollToken, a keyset position in SortBy's order.
/// </summary>
internal sealed class SearchMediaAction(LibraryQueryService library, ScrollTokens scrollTokens) : VodListAction<SearchMediaResponse>(library)
{
    public const string Name = "SearchMedia";

    protected override IReadOnlyList<string> Sorts => VodListing.TraversalSorts;

    protected override bool Scrolls => true;

    protected override RpcResult<LibraryQuery> Narrow(RpcCall call, LibraryQuery query)
    {
        var searchType = call.Parameters.GetValueOrDefault("SearchType", "video").ToLowerInvariant();
        if (searchType is not ("video" or "audio"))
        {
            return RpcError.InvalidParameter("SearchType");
        }

        query = query with { MediaType = searchType == "audio" ? MediaType.Audio : MediaType.Video };
        if (call.TryGet(ScrollTokens.Parameter, out var token))
        {
            // The token is the position; PageNo has no meaning past it.
            var position = scrollTokens.Read(token, VodListing.SortBy(call));
            if (!position.IsSuccess)
            {
                return position.Error;
            }

            query = query with { After = position.Value, Page = 0 };
        }

        if (!call.TryGet("Match", out var match))
        {
            return query;
        }

        var matched = SearchMatch.Apply(query, match);
        return matched.IsSuccess ? matched.Value : RpcError.InvalidParameter("Match", matched.Error);
    }

    protected override RpcResult<SearchMediaResponse> Answer(RpcCall call, AssetDetailsPage page)
    {
        var sortBy = VodListing.SortBy(call);
        var scrollToken = page.Assets is [.., var last] ? scrollTokens.Issue(sortBy, PositionOf(last, sortBy)) : null;
        return new SearchMediaResponse(call.RequestId, page.Total, page.Assets.Select(VodMedia.From).ToList(), scrollToken);
    }

    private static LibraryPosition PositionOf(AssetDetails asset, string sortBy) =>
        new(sortBy.StartsWith("ModificationTime", StringComparison.Ordinal) ? asset.UpdatedAtUtc : asset.CreatedAtUtc, asset.Id);
}
