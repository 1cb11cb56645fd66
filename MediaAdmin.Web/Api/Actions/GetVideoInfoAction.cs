using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>GetVideoInfo: one asset the caller may read, by VideoId; InvalidVideo.NotFound otherwise.</summary>
internal sealed class GetVideoInfoAction(LibraryQueryService library) : VodReadAction<GetVideoInfoResponse>(library)
{
    public const string Name = "GetVideoInfo";

    protected override RpcResult<LibraryQuery> ReadQuery(RpcCall call) =>
        call.TryGet("VideoId", out var id) ? new LibraryQuery { VideoId = id, PageSize = 1 } : RpcError.MissingParameter("VideoId");

    protected override RpcResult<GetVideoInfoResponse> Answer(RpcCall call, AssetDetailsPage page) =>
        page.Assets is [var asset, ..] ? new GetVideoInfoResponse(call.RequestId, VodVideo.From(asset)) : RpcError.VideoNotFound;
}
