using MediaAdmin.Core.Library;
using MediaAdmin.Web.Api.Matching;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>SearchMedia: videos or audio the caller may read, filtered by the documented subset of Match.</summary>
internal sealed class SearchMediaAction(LibraryQueryService library) : VodListAction<SearchMediaResponse>(library)
{
    public const string Name = "SearchMedia";

    protected override RpcResult<LibraryQuery> Narrow(RpcCall call, LibraryQuery query)
    {
        var searchType = call.Parameters.GetValueOrDefault("SearchType", "video").ToLowerInvariant();
        if (searchType is not ("video" or "audio"))
        {
            return RpcError.InvalidParameter("SearchType");
        }

        query = query with { MediaType = searchType == "audio" ? MediaType.Audio : MediaType.Video };
        if (!call.TryGet("Match", out var match))
        {
            return query;
        }

        var matched = SearchMatch.Apply(query, match);
        return matched.IsSuccess ? matched.Value : RpcError.InvalidParameter("Match", matched.Error);
    }

    protected override RpcResult<SearchMediaResponse> Answer(RpcCall call, AssetDetailsPage page) =>
        new SearchMediaResponse(call.RequestId, page.Total, page.Assets.Select(VodMedia.From).ToList());
}
