using System.Globalization;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>GetVideoList: a page of the videos the caller may read, by status, category and creation time.</summary>
internal sealed class GetVideoListAction(LibraryQueryService library)
{
    public const string Name = "GetVideoList";

    public async Task<RpcResult<GetVideoListResponse>> RunAsync(RpcCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var query = ReadQuery(call);
        if (!query.IsSuccess)
        {
            return query.Error;
        }

        var page = await LibraryPage.ReadAsync(library, call, query.Value, cancellationToken);
        return new GetVideoListResponse(call.RequestId, page.Total, new VodVideoList(page.Assets.Select(VodVideo.From).ToList()));
    }

    private static RpcResult<LibraryQuery> ReadQuery(RpcCall call)
    {
        var paging = VodListing.Paging(call);
        if (!paging.IsSuccess)
        {
            return paging;
        }

        var query = paging.Value;
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
