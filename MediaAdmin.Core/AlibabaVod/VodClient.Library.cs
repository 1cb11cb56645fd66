using System.Globalization;
using System.Text.Json;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>The media library operations of ApsaraVideo VOD that the AlibabaVod library source uses.</summary>
public sealed partial class VodClient
{
    /// <summary>GetVideoInfos' and DeleteVideo's limit of IDs per call.</summary>
    public const int MaxVideoIdsPerCall = 20;

    private const string SearchFields = "Title,Description,Status,Duration,Size,CateId,CateName,CoverURL,CreationTime,ModificationTime,Snapshots";

    /// <summary>SearchMedia: one page of videos (or audio); pass the page's ScrollToken back for the next (full traversal).</summary>
    public async Task<VodReply<VodSearchPage>> SearchMediaAsync(VodAccount account, VodSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PageSize is < 1 or > VodSearchRequest.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.PageSize, $"SearchMedia pages hold 1 to {VodSearchRequest.MaxPageSize} items.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageNo, 1, nameof(request));

        var parameters = new Dictionary<string, string>
        {
            ["SearchType"] = request.SearchType,
            ["Fields"] = SearchFields,
            ["PageSize"] = request.PageSize.ToString(CultureInfo.InvariantCulture),
            ["SortBy"] = request.SortBy,
        };
        if (!string.IsNullOrEmpty(request.Match))
        {
            parameters["Match"] = request.Match;
        }

        // Alibaba's full traversal sets PageNo, PageSize and the previous page's ScrollToken, the page number one more each call.
        parameters["PageNo"] = request.PageNo.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(request.ScrollToken))
        {
            parameters["ScrollToken"] = request.ScrollToken;
        }

        var reply = await CallAsync(account, "SearchMedia", parameters, cancellationToken);
        return reply.Then(root =>
        {
            var videos = new List<VodRemoteVideo>();
            foreach (var item in Array(root, "MediaList"))
            {
                var type = VodReplyReader.Text(item, "MediaType");
                var isAudio = string.Equals(type, "audio", StringComparison.OrdinalIgnoreCase);
                if (!item.TryGetProperty(isAudio ? "Audio" : "Video", out var described) || VodVideoReader.Read(described, isAudio ? MediaType.Audio : MediaType.Video) is not { } video)
                {
                    return Missing("SearchMedia", "a VideoId in every MediaList item", root);
                }

                videos.Add(video);
            }

            var total = long.TryParse(VodReplyReader.Text(root, "Total"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : videos.Count;
            return VodReply<VodSearchPage>.Success(new VodSearchPage(videos, total, VodReplyReader.Text(root, "ScrollToken"), VodReplyReader.Text(root, "RequestId")));
        });
    }

    /// <summary>GetVideoInfos: at most <see cref="MaxVideoIdsPerCall"/> videos by ID, and the IDs that name none.</summary>
    public async Task<VodReply<VodVideoInfos>> GetVideoInfosAsync(VodAccount account, IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken = default)
    {
        CheckIds(videoIds);
        var reply = await CallAsync(account, "GetVideoInfos", new Dictionary<string, string> { ["VideoIds"] = string.Join(",", videoIds) }, cancellationToken);
        return reply.Then(root =>
        {
            var videos = new List<VodRemoteVideo>();
            foreach (var item in Array(root, "VideoList"))
            {
                if (VodVideoReader.Read(item, mediaType: null) is not { } video)
                {
                    return Missing("GetVideoInfos", "a VideoId in every VideoList item", root);
                }

                videos.Add(video);
            }

            return VodReply<VodVideoInfos>.Success(new VodVideoInfos(videos, Texts(root, "NonExistVideoIds"), VodReplyReader.Text(root, "RequestId")));
        });
    }

    /// <summary>GetPlayInfo: every stream of one video, every definition and format.</summary>
    public async Task<VodReply<IReadOnlyList<VodPlayUrl>>> GetPlayInfoAsync(VodAccount account, string videoId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoId);
        var reply = await CallAsync(account, "GetPlayInfo", new Dictionary<string, string> { ["VideoId"] = videoId }, cancellationToken);
        return reply.Then(root =>
        {
            var streams = new List<VodPlayUrl>();
            var list = root.TryGetProperty("PlayInfoList", out var playInfoList) ? playInfoList : default;
            foreach (var item in Array(list, "PlayInfo"))
            {
                if (VodReplyReader.Text(item, "PlayURL") is not { Length: > 0 } url)
                {
                    return Missing("GetPlayInfo", "a PlayURL in every PlayInfo item", root);
                }

                streams.Add(new VodPlayUrl(url, VodReplyReader.Text(item, "Definition"), VodReplyReader.Text(item, "Format")));
            }

            return VodReply<IReadOnlyList<VodPlayUrl>>.Success(streams);
        });
    }

    /// <summary>
    /// DeleteVideo with at most <see cref="MaxVideoIdsPerCall"/> IDs. It is sent once: a retry after a lost reply
    /// would report videos the first attempt deleted as non-existent, so only flow control (which refuses before any
    /// work) is retried; a <see cref="VodErrorCodes.Timeout"/> or <see cref="VodErrorCodes.Unreachable"/> means the
    /// outcome is unknown and the caller re-checks with <see cref="GetVideoInfosAsync"/>.
    /// </summary>
    public async Task<VodReply<VodDeleteOutcome>> DeleteVideoAsync(VodAccount account, IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken = default)
    {
        CheckIds(videoIds);
        var reply = await SendAsync(account, "DeleteVideo", new Dictionary<string, string> { ["VideoIds"] = string.Join(",", videoIds) }, retryAfterSend: false, cancellationToken);
        return reply.Then(root => VodReply<VodDeleteOutcome>.Success(
            new VodDeleteOutcome(Texts(root, "ForbiddenVideoIds"), Texts(root, "NonExistVideoIds"), VodReplyReader.Text(root, "RequestId"))));
    }

    private static void CheckIds(IReadOnlyCollection<string> videoIds)
    {
        ArgumentNullException.ThrowIfNull(videoIds);
        if (videoIds.Count is 0 or > MaxVideoIdsPerCall || videoIds.Any(id => string.IsNullOrWhiteSpace(id) || id.Contains(',', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Between 1 and {MaxVideoIdsPerCall} video IDs, none empty or with a comma.", nameof(videoIds));
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : [];

    private static List<string> Texts(JsonElement parent, string name) =>
        [.. Array(parent, name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
}
