using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>
/// A read action: its parameters become a library query, the library answers with the page the caller
/// may read, and the page becomes the action's response. The read actions' one way into the library.
/// </summary>
internal abstract class VodReadAction<TResponse>(LibraryQueryService library)
{
    public async Task<RpcResult<TResponse>> RunAsync(RpcCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var query = ReadQuery(call);
        if (!query.IsSuccess)
        {
            return query.Error;
        }

        var found = await library.DetailsAsync(call.Caller.UserId, query.Value, cancellationToken);
        return found.Status switch
        {
            ResultStatus.Ok => Answer(call, found.Value),
            ResultStatus.Forbidden => RpcError.Forbidden,

            // A filter the library refuses (an ID that is not a VideoId) matches nothing, as Alibaba answers it.
            _ => Answer(call, new AssetDetailsPage([], 0)),
        };
    }

    /// <summary>The query the parameters ask for, or the error naming the parameter that is wrong.</summary>
    protected abstract RpcResult<LibraryQuery> ReadQuery(RpcCall call);

    protected abstract RpcResult<TResponse> Answer(RpcCall call, AssetDetailsPage page);
}
