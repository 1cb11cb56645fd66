using System.Text.Json.Serialization;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>One item of SearchMedia's MediaList: the asset under "Video" or "Audio" by its type, never both.</summary>
internal sealed record VodMedia(
    string MediaId,
    string MediaType,
    string CreationTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VodMediaInfo? Video,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VodMediaInfo? Audio)
{
    public static VodMedia From(AssetDetails asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var isAudio = asset.MediaType == Core.Library.MediaType.Audio;
        var described = VodMediaInfo.ByType(asset);
        return new VodMedia(asset.Id, isAudio ? "audio" : "video", RpcTime.Format(asset.CreatedAtUtc), isAudio ? null : described, isAudio ? described : null);
    }
}
