using System.Globalization;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>GetVideoList: a page of the videos the caller may read, by status, category and creation time.</summary>
internal sealed class GetVideoListAction(LibraryQueryService library) : VodListAction<GetVideoListResponse>(library)
{
    public const string Name = "GetVideoList";

    protected override RpcResult<LibraryQuery> Narrow(RpcCall call, LibraryQuery query)
    {
        if (call.TryGet("Status", out var statuses))
        {
            if (!VodListing.TryStatuses(statuses.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), out var parsed))
            {
                return RpcError.InvalidParameter("Status");
            }

            query = query with { Statuses = parsed };
        }

        if (call.TryGet("CateId", out var cate))
        {
            if (!long.TryParse(cate, NumberStyles.None, CultureInfo.InvariantCulture, out var cateId))
            {
                return RpcError.InvalidParameter("CateId");
            }

            query = query with { CategoryId = cateId };
        }

        if (!TryTime(call, "StartTime", out var from))
        {
            return RpcError.InvalidParameter("StartTime");
        }

        if (!TryTime(call, "EndTime", out var to))
        {
            return RpcError.InvalidParameter("EndTime");
        }

        return query with { CreatedFromUtc = from, CreatedToUtc = to };
    }

    protected override RpcResult<GetVideoListResponse> Answer(RpcCall call, AssetDetailsPage page) =>
        new GetVideoListResponse(call.RequestId, page.Total, new VodVideoList(page.Assets.Select(VodVideo.From).ToList()));

    /// <summary>False for a time that is not 'yyyy-MM-ddTHH:mm:ssZ'; true with null when none was sent.</summary>
    private static bool TryTime(RpcCall call, string name, out DateTime? time)
    {
        time = null;
        if (!call.TryGet(name, out var raw))
        {
            return true;
        }

        if (!RpcTime.TryParse(raw, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }
}
