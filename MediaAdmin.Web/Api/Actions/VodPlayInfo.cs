using System.Globalization;
using System.Text.Json.Serialization;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>
/// One stream of GetPlayInfo in Alibaba's field names. MediaAdmin neither encrypts nor narrow-band transcodes, so
/// Encrypt is 0 and NarrowBandType "0"; every stream listed is playable, so Status is "Normal".
/// </summary>
internal sealed record VodPlayInfo(
    [property: JsonPropertyName("PlayURL")] string PlayUrl,
    string Definition,
    string Format,
    string Bitrate,
    long Width,
    long Height,
    long Size,
    string Duration,
    long Encrypt,
    string StreamType,
    string Status,
    string NarrowBandType,
    string CreationTime,
    string ModificationTime)
{
    public static VodPlayInfo From(AssetPreview asset, PreviewFile stream)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(stream);
        return new VodPlayInfo(
            stream.PlayUrl, stream.Definition ?? "OD", stream.Format, (stream.BitrateKbps ?? 0).ToString(CultureInfo.InvariantCulture),
            stream.Width ?? 0, stream.Height ?? 0, stream.SizeBytes, VodVideoBase.Seconds(asset.Asset.DurationSeconds), 0, StreamTypeOf(asset, stream),
            "Normal", "0", RpcTime.Format(asset.Asset.CreatedAtUtc), RpcTime.Format(asset.UpdatedAtUtc));
    }

    /// <summary>"video" for a stream with a picture, "audio" for a sound-only one, as Alibaba's StreamType filter names them.</summary>
    public static string StreamTypeOf(AssetPreview asset, PreviewFile stream)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(stream);
        return asset.Asset.MediaType == MediaType.Video && stream.Height is not null ? "video" : "audio";
    }
}
