using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>GetVideoInfo: one asset the caller may read, by VideoId; InvalidVideo.NotFound otherwise.</summary>
internal sealed class GetVideoInfoAction(LibraryQueryService library)
{
    public const string Name = "GetVideoInfo";

    public async Task<RpcResult<GetVideoInfoResponse>> RunAsync(RpcCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!call.TryGet("VideoId", out var id))
        {
            return RpcError.MissingParameter("VideoId");
        }

        var page = await LibraryPage.ReadAsync(library, call, new LibraryQuery { VideoId = id, PageSize = 1 }, cancellationToken);
        return page.Assets.Count == 0 ? RpcError.VideoNotFound : new GetVideoInfoResponse(call.RequestId, VodVideo.From(page.Assets[0]));
    }
}
