using System.Globalization;
using System.Text.Json.Serialization;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>The video GetPlayInfo plays, as Alibaba's VideoBase describes it (Duration is a string there).</summary>
internal sealed record VodVideoBase(
    string VideoId,
    string Title,
    string Duration,
    [property: JsonPropertyName("CoverURL")] string? CoverUrl,
    string Status,
    string MediaType,
    string CreationTime,
    string OutputType)
{
    public static VodVideoBase From(AssetPreview asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new VodVideoBase(
            asset.Asset.Id, asset.Asset.Title, Seconds(asset.Asset.DurationSeconds), asset.Cover?.PlayUrl, asset.Asset.Status.ToString(),
            asset.Asset.MediaType == Core.Library.MediaType.Audio ? "audio" : "video", RpcTime.Format(asset.Asset.CreatedAtUtc), "cdn");
    }

    /// <summary>Seconds as Alibaba writes a duration: a decimal string, to the millisecond.</summary>
    public static string Seconds(double seconds) => Math.Round(seconds, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
