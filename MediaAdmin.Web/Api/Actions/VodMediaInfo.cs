using System.Text.Json.Serialization;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>
/// A video as GetVideoInfos' VideoList and SearchMedia's Video describe it, or an audio as SearchMedia's Audio does
/// (its ID named AudioId there): Alibaba's field names, Snapshots as a plain list of URLs.
/// </summary>
internal sealed record VodMediaInfo(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VideoId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AudioId,
    string Title,
    string? Description,
    string Status,
    double Duration,
    long Size,
    long? CateId,
    string? CateName,
    [property: JsonPropertyName("CoverURL")] string? CoverUrl,
    string CreationTime,
    string ModificationTime,
    IReadOnlyList<string> Snapshots)
{
    public static VodMediaInfo Video(AssetDetails asset) => From(asset, asAudio: false);

    /// <summary>The asset under the name its type has in SearchMedia: AudioId for audio, VideoId otherwise.</summary>
    public static VodMediaInfo ByType(AssetDetails asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return From(asset, asAudio: asset.MediaType == MediaType.Audio);
    }

    private static VodMediaInfo From(AssetDetails asset, bool asAudio)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new VodMediaInfo(
            asAudio ? null : asset.Id, asAudio ? asset.Id : null, asset.Title, asset.Description, asset.Status.ToString(), Math.Round(asset.DurationSeconds, 3),
            asset.TotalSizeBytes, asset.CategoryId, asset.CategoryName, asset.CoverUrl, RpcTime.Format(asset.CreatedAtUtc), RpcTime.Format(asset.UpdatedAtUtc),
            asset.SnapshotUrls);
    }
}
