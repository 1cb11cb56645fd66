using MediaAdmin.Core.Library;

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

        var (assets, total) = await library.DetailsAsync(call.Caller.UserId, query.Value, cancellationToken);
        return Answer(call, new LibraryPage(assets, total));
    }

    /// <summary>The query the parameters ask for, or the error naming the parameter that is wrong.</summary>
    protected abstract RpcResult<LibraryQuery> ReadQuery(RpcCall call);

    protected abstract RpcResult<TResponse> Answer(RpcCall call, LibraryPage page);
}
