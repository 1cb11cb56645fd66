using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>GetVideoList and SearchMedia: a page (PageNo, PageSize, SortBy) of the library, narrowed by the action's own filters.</summary>
internal abstract class VodListAction<TResponse>(LibraryQueryService library) : VodReadAction<TResponse>(library)
{
    protected sealed override RpcResult<LibraryQuery> ReadQuery(RpcCall call)
    {
        var paging = VodListing.Paging(call);
        return paging.IsSuccess ? Narrow(call, paging.Value) : paging;
    }

    /// <summary>The paged query narrowed by the action's filters, or the error naming the filter that is wrong.</summary>
    protected abstract RpcResult<LibraryQuery> Narrow(RpcCall call, LibraryQuery query);
}
