using System.Globalization;
using System.Text.Json;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// Reads a video object of SearchMedia or GetVideoInfos. Alibaba writes numbers sometimes as strings and snapshots
/// either as a list or as <c>{"Snapshot": [...]}</c>; both are read. Null when the object has no VideoId.
/// </summary>
internal static class VodVideoReader
{
    public static VodRemoteVideo? Read(JsonElement video, MediaType? mediaType)
    {
        if (VodReplyReader.Text(video, "VideoId") is not { Length: > 0 } id)
        {
            // SearchMedia names the audio's ID AudioId in some versions of its reply.
            if (VodReplyReader.Text(video, "AudioId") is not { Length: > 0 } audioId)
            {
                return null;
            }

            id = audioId;
        }

        return new VodRemoteVideo(
            id,
            mediaType,
            VodReplyReader.Text(video, "Title") ?? "",
            VodReplyReader.Text(video, "Description"),
            VodReplyReader.Text(video, "Status") ?? "",
            Number(video, "Duration"),
            (long)Number(video, "Size"),
            long.TryParse(VodReplyReader.Text(video, "CateId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cateId) && cateId > 0 ? cateId : null,
            VodReplyReader.Text(video, "CateName"),
            VodReplyReader.Text(video, "CoverURL"),
            Time(video, "CreationTime") ?? DateTime.UnixEpoch,
            Time(video, "ModificationTime"),
            Snapshots(video));
    }

    private static double Number(JsonElement video, string name) =>
        double.TryParse(VodReplyReader.Text(video, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>Alibaba's times are UTC ISO 8601 ("2017-11-14T09:15:50Z").</summary>
    private static DateTime? Time(JsonElement video, string name) =>
        DateTime.TryParse(VodReplyReader.Text(video, name), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : null;

    private static List<string> Snapshots(JsonElement video)
    {
        if (!video.TryGetProperty("Snapshots", out var snapshots))
        {
            return [];
        }

        var list = snapshots.ValueKind == JsonValueKind.Object && snapshots.TryGetProperty("Snapshot", out var inner) ? inner : snapshots;
        return list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!)]
            : [];
    }
}
