using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>GetVideoList and SearchMedia: a page (PageNo, PageSize, SortBy) of the library, narrowed by the action's own filters.</summary>
internal abstract class VodListAction<TResponse>(LibraryQueryService library) : VodReadAction<TResponse>(library)
{
    protected sealed override RpcResult<LibraryQuery> ReadQuery(RpcCall call)
    {
        var paging = VodListing.Paging(call, Sorts, Scrolls);
        return paging.IsSuccess ? Narrow(call, paging.Value) : paging;
    }

    /// <summary>The SortBy values the action accepts.</summary>
    protected virtual IReadOnlyList<string> Sorts => VodListing.CreationSorts;

    /// <summary>Whether the action pages by ScrollToken, so PageNo beside a token is no depth.</summary>
    protected virtual bool Scrolls => false;

    /// <summary>The paged query narrowed by the action's filters, or the error naming the filter that is wrong.</summary>
    protected abstract RpcResult<LibraryQuery> Narrow(RpcCall call, LibraryQuery query);
}
