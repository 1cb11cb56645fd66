using System.Text.Json.Serialization;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>A video (or audio) as GetVideoInfo, GetVideoList and SearchMedia describe it, in Alibaba's field names and order.</summary>
internal sealed record VodVideo(
    string VideoId,
    string Title,
    string? Description,
    string Status,
    double Duration,
    long Size,
    long? CateId,
    string? CateName,
    string CreationTime,
    string ModificationTime,
    [property: JsonPropertyName("CoverURL")] string? CoverUrl,
    VodSnapshots Snapshots)
{
    public static VodVideo From(AssetDetails asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new VodVideo(
            asset.Id, asset.Title, asset.Description, asset.Status.ToString(), Math.Round(asset.DurationSeconds, 3), asset.TotalSizeBytes,
            asset.CategoryId, asset.CategoryName, RpcTime.Format(asset.CreatedAtUtc), RpcTime.Format(asset.UpdatedAtUtc), asset.CoverUrl,
            new VodSnapshots(asset.SnapshotUrls));
    }
}
