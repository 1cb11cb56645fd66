using System.Globalization;
using System.Text.Json.Nodes;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.Events;

/// <summary>
/// The bodies of ApsaraVideo VOD's event notifications, field for field as Alibaba's event reference writes them
/// (EventType, EventTime in UTC to the second, VideoId or MediaId, Status, and each event's own fields), so a
/// receiver written for Alibaba reads MediaAdmin's callbacks unchanged.
/// </summary>
internal static class VodEventBodies
{
    public const string DeleteMediaComplete = "DeleteMediaComplete";
    public const string FileUploadComplete = "FileUploadComplete";
    public const string StreamTranscodeComplete = "StreamTranscodeComplete";
    public const string TranscodeComplete = "TranscodeComplete";
    public const string SnapshotComplete = "SnapshotComplete";

    private static readonly string[] SegmentFormats = ["m4s", "ts"];

    public static string DeleteMedia(string videoId, DateTime eventTimeUtc) => new JsonObject
    {
        ["EventType"] = DeleteMediaComplete,
        ["EventTime"] = Time(eventTimeUtc),
        ["Status"] = "success",
        ["MediaType"] = "video",
        ["DeleteType"] = "all",
        ["MediaId"] = videoId,
    }.ToJsonString();

    public static string FileUpload(MediaAsset asset, DateTime eventTimeUtc)
    {
        var mezzanine = asset.Files.FirstOrDefault(f => f.Kind == MediaFileKind.Mezzanine);
        var body = new JsonObject
        {
            ["Status"] = "success",
            ["EventTime"] = Time(eventTimeUtc),
            ["EventType"] = FileUploadComplete,
            ["VideoId"] = asset.Id,
            ["Size"] = mezzanine?.SizeBytes ?? asset.SourceSizeBytes,
        };
        if (mezzanine is not null)
        {
            body["FileUrl"] = mezzanine.CdnUrl;
        }

        return body.ToJsonString();
    }

    /// <summary>One StreamTranscodeComplete per playable stream, then TranscodeComplete, then SnapshotComplete when snapshots were taken.</summary>
    public static IEnumerable<(string EventType, string Body)> IngestFinished(string videoId, MediaType mediaType, double durationSeconds, IReadOnlyList<MediaFile> outputs, DateTime eventTimeUtc)
    {
        var time = Time(eventTimeUtc);
        var streams = PlayableStreams(outputs).Select(f => StreamInfo(f, mediaType, durationSeconds)).ToList();
        foreach (var stream in streams)
        {
            var single = new JsonObject { ["EventTime"] = time, ["EventType"] = StreamTranscodeComplete, ["VideoId"] = videoId };
            foreach (var (name, value) in stream)
            {
                single[name] = value?.DeepClone();
            }

            yield return (StreamTranscodeComplete, single.ToJsonString());
        }

        yield return (TranscodeComplete, new JsonObject
        {
            ["EventTime"] = time,
            ["EventType"] = TranscodeComplete,
            ["VideoId"] = videoId,
            ["Status"] = "success",
            ["StreamInfos"] = new JsonArray([.. streams]),
        }.ToJsonString());

        var snapshots = outputs.Where(f => f.Kind == MediaFileKind.Snapshot).ToList();
        if (snapshots.Count > 0)
        {
            yield return (SnapshotComplete, Snapshots(videoId, snapshots, time));
        }
    }

    /// <summary>Playlists and whole files; the segments and init files an HLS playlist lists are parts of its stream.</summary>
    private static IEnumerable<MediaFile> PlayableStreams(IReadOnlyList<MediaFile> outputs)
    {
        var streams = outputs.Where(f => f.Kind == MediaFileKind.Stream && !SegmentFormats.Contains(f.Format)).ToList();
        var hlsFolders = streams.Where(IsPlaylist).Select(f => Folder(f.StorageKey)).ToHashSet(StringComparer.Ordinal);
        return streams.Where(f => IsPlaylist(f) || !hlsFolders.Contains(Folder(f.StorageKey)));
    }

    private static JsonObject StreamInfo(MediaFile stream, MediaType mediaType, double durationSeconds)
    {
        var info = new JsonObject
        {
            ["Status"] = "success",
            ["Bitrate"] = stream.BitrateKbps?.ToString(CultureInfo.InvariantCulture),
            ["Definition"] = stream.Definition ?? "OD",
            ["Duration"] = durationSeconds,
            ["Encrypt"] = false,
            ["FileUrl"] = stream.CdnUrl,
            ["Format"] = stream.Format,
            ["Size"] = stream.SizeBytes,
            ["IsAudio"] = mediaType == MediaType.Audio,
        };
        if (stream.Width is { } width && stream.Height is { } height)
        {
            info["Width"] = width;
            info["Height"] = height;
        }

        return info;
    }

    private static string Snapshots(string videoId, List<MediaFile> snapshots, string time)
    {
        var infos = new JsonArray();
        foreach (var group in snapshots.GroupBy(s => s.SnapshotKind ?? SnapshotKind.Normal).OrderBy(g => g.Key))
        {
            infos.Add(new JsonObject
            {
                ["Status"] = "success",
                ["SnapshotType"] = group.Key switch { SnapshotKind.Cover => "CoverSnapshot", SnapshotKind.Sprite => "SpriteSnapshot", _ => "NormalSnapshot" },
                ["SnapshotCount"] = group.Count(),
            });
        }

        var body = new JsonObject { ["EventTime"] = time, ["EventType"] = SnapshotComplete, ["VideoId"] = videoId, ["Status"] = "success" };
        if (snapshots.FirstOrDefault(s => s.SnapshotKind == SnapshotKind.Cover) is { } cover)
        {
            body["CoverUrl"] = cover.CdnUrl;
        }

        body["SnapshotInfos"] = infos;
        return body.ToJsonString();
    }

    private static bool IsPlaylist(MediaFile file) => file.Format == "m3u8";

    private static string Folder(string storageKey) => storageKey[..(storageKey.LastIndexOf('/') + 1)];

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
