using MediaAdmin.Core.Library;
using MediaAdmin.Web.Api.Matching;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>SearchMedia: videos or audio the caller may read, filtered by the documented subset of Match.</summary>
internal sealed class SearchMediaAction(LibraryQueryService library)
{
    public const string Name = "SearchMedia";

    public async Task<RpcResult<SearchMediaResponse>> RunAsync(RpcCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var query = ReadQuery(call);
        if (!query.IsSuccess)
        {
            return query.Error;
        }

        var page = await LibraryPage.ReadAsync(library, call, query.Value, cancellationToken);
        return new SearchMediaResponse(call.RequestId, page.Total, page.Assets.Select(VodMedia.From).ToList());
    }

    private static RpcResult<LibraryQuery> ReadQuery(RpcCall call)
    {
        var paging = VodListing.Paging(call);
        if (!paging.IsSuccess)
        {
            return paging;
        }

        var searchType = call.Parameters.GetValueOrDefault("SearchType", "video").ToLowerInvariant();
        if (searchType is not ("video" or "audio"))
        {
            return RpcError.InvalidParameter("SearchType");
        }

        var query = paging.Value with { MediaType = searchType == "audio" ? MediaType.Audio : MediaType.Video };
        if (!call.TryGet("Match", out var match))
        {
            return query;
        }

        var matched = SearchMatch.Apply(query, match);
        return matched.IsSuccess ? matched.Value : RpcError.InvalidParameter("Match", matched.Error);
    }
}
