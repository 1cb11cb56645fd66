using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>
/// GetVideoInfos: up to 20 assets the caller may read, by VideoIds; the IDs that name none come back in
/// NonExistVideoIds, even when none exists (a re-check after a lost DeleteVideo reply reads them there).
/// </summary>
internal sealed class GetVideoInfosAction(LibraryQueryService library) : VodReadAction<GetVideoInfosResponse>(library)
{
    public const string Name = "GetVideoInfos";

    protected override RpcResult<LibraryQuery> ReadQuery(RpcCall call)
    {
        var ids = VideoIdList.Parse(VideoIdsParameter.Read(call.Parameters));
        return ids.Error switch
        {
            null => new LibraryQuery { VideoIds = ids.Ids, PageSize = VideoIdList.MaxIds },
            { Code: DeletionError.MissingVideoIdsCode } => RpcError.MissingParameter("VideoIds"),
            var error => RpcError.From(error),
        };
    }

    protected override RpcResult<GetVideoInfosResponse> Answer(RpcCall call, AssetDetailsPage page)
    {
        var found = page.Assets.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var asked = VideoIdList.Parse(VideoIdsParameter.Read(call.Parameters)).Ids;
        return new GetVideoInfosResponse(
            call.RequestId,
            asked.Where(found.ContainsKey).Select(id => VodMediaInfo.Video(found[id])).ToList(),
            asked.Where(id => !found.ContainsKey(id)).ToList());
    }
}
