using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>
/// GetPlayInfo: the playable streams of one Normal video the caller may read (the HLS master as Definition AUTO,
/// each rung's playlist, the progressive files), narrowed by Formats, Definition and StreamType as Alibaba does.
/// </summary>
internal sealed class GetPlayInfoAction(AssetPreviewService previews)
{
    public const string Name = "GetPlayInfo";

    // Alibaba's own answers for a video that cannot be played yet, and for filters that leave no stream.
    private static readonly RpcError IllegalStatus = new("Forbidden.IllegalStatus", "Status of the video is illegal.", 400);
    private static readonly RpcError NoneStream = new("InvalidVideo.NoneStream", "The video has no stream available for playing.", 404);

    private static readonly string[] Formats = ["mp4", "m3u8", "mp3", "m4a", "flv", "mpd"];
    private static readonly string[] Definitions = ["FD", "LD", "SD", "HD", "FHD", "2K", "4K", "OD", "AUTO", "SQ", "HQ"];
    private static readonly string[] StreamTypes = ["video", "audio"];

    public async Task<RpcResult<GetPlayInfoResponse>> RunAsync(RpcCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!call.TryGet("VideoId", out var videoId))
        {
            return RpcError.MissingParameter("VideoId");
        }

        var formats = ReadList(call, "Formats", Formats, StringComparer.OrdinalIgnoreCase);
        var definitions = ReadList(call, "Definition", Definitions, StringComparer.OrdinalIgnoreCase);
        var streamTypes = ReadList(call, "StreamType", StreamTypes, StringComparer.OrdinalIgnoreCase);
        if (!formats.IsSuccess || !definitions.IsSuccess || !streamTypes.IsSuccess)
        {
            return formats.Error ?? definitions.Error ?? streamTypes.Error!;
        }

        var found = await previews.GetAsync(call.Caller.UserId, videoId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Status == ResultStatus.Forbidden ? RpcError.Forbidden : RpcError.VideoNotFound;
        }

        var asset = found.Value;
        if (asset.Asset.Status != MediaStatus.Normal)
        {
            return IllegalStatus;
        }

        var streams = asset.PlayableStreams
            .Where(s => Allows(formats.Value, s.Format) && Allows(definitions.Value, s.Definition ?? "OD") && Allows(streamTypes.Value, VodPlayInfo.StreamTypeOf(asset, s)))
            .Select(s => VodPlayInfo.From(asset, s))
            .ToList();
        return streams.Count == 0
            ? NoneStream
            : new GetPlayInfoResponse(call.RequestId, VodVideoBase.From(asset), new VodPlayInfoList(streams));
    }

    private static bool Allows(IReadOnlySet<string> wanted, string value) => wanted.Count == 0 || wanted.Contains(value);

    /// <summary>A comma list of known values (empty when the parameter is not sent), or InvalidParameter naming the unknown one.</summary>
    private static RpcResult<IReadOnlySet<string>> ReadList(RpcCall call, string name, string[] known, StringComparer comparer)
    {
        var values = new HashSet<string>(comparer);
        if (!call.TryGet(name, out var raw))
        {
            return values;
        }

        foreach (var value in raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!known.Contains(value, comparer))
            {
                return RpcError.InvalidParameter(name, $"'{value}' is not one of {string.Join(", ", known)}");
            }

            values.Add(value);
        }

        return values;
    }
}
