using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.AlibabaVod;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>
/// The library side of ApsaraVideo VOD on a <see cref="VodStandIn"/>: a catalog of videos with their play URLs,
/// cover and snapshots, answering GetVideoInfos, GetPlayInfo and DeleteVideo in Alibaba's JSON, and the faults the
/// deletion tests need (a refusal, a video deleted meanwhile, an answer lost after the delete, a failing re-check).
/// </summary>
public sealed class VodLibraryFake
{
    private readonly ConcurrentDictionary<string, RemoteVideo> _videos = new(StringComparer.Ordinal);
    private int _counter;
    private volatile bool _deleteDone;

    public VodLibraryFake(VodStandIn standIn)
    {
        ArgumentNullException.ThrowIfNull(standIn);
        standIn.OtherActions = Answer;
    }

    /// <summary>Videos DeleteVideo lists as ForbiddenVideoIds, as Alibaba does when the AccessKey's RAM policy excludes them.</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Videos someone else deletes on the remote after GetVideoInfos saw them and before DeleteVideo arrives.</summary>
    public ConcurrentDictionary<string, bool> VanishBeforeDelete { get; } = new(StringComparer.Ordinal);

    /// <summary>DeleteVideo deletes, then answers this late (past the client's attempt timeout: the answer is lost).</summary>
    public TimeSpan StallAfterDelete { get; set; }

    /// <summary>DeleteVideo deletes, then answers with an HTML page instead of Alibaba's JSON.</summary>
    public bool MalformedAfterDelete { get; set; }

    /// <summary>Once DeleteVideo ran, GetVideoInfos answers with an HTML page: the re-check fails too.</summary>
    public bool FailRecheck { get; set; }

    /// <summary>URL authentication is on: play URLs, covers and snapshots come signed with an expiring auth_key.</summary>
    public bool SignedUrls { get; set; }

    public string? DeleteRequestId { get; private set; }

    /// <summary>Moves a video to another category on the remote, as Alibaba's console does, without the mirror hearing of it.</summary>
    public void MoveTo(string videoId, long cateId, string cateName) =>
        _videos[videoId] = _videos[videoId] with { Video = _videos[videoId].Video with { CateId = cateId, CateName = cateName } };

    public bool Has(string videoId) => _videos.ContainsKey(videoId);

    /// <summary>Deletes a video on the remote behind MediaAdmin's back.</summary>
    public void Remove(string videoId) => _videos.TryRemove(videoId, out _);

    /// <summary>A transcoded video in category <paramref name="cateId"/>, with an adaptive playlist, two renditions, a cover and two snapshots.</summary>
    public RemoteVideo Add(long cateId, string cateName, string title, bool playable = true)
    {
        var id = $"{Interlocked.Increment(ref _counter):x4}{Guid.NewGuid():N}"[..32];
        var folder = $"https://vod-cdn.example.test/{id}";
        var video = new VodRemoteVideo(
            id, MediaType.Video, title, null, playable ? "Normal" : "Transcoding", 12.5, 4_200_000, cateId, cateName,
            $"https://vod-img.example.test/image/cover/{id}-6-2.png",
            new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc),
            [$"{folder}/snapshots/{id}-00001.jpg", $"{folder}/snapshots/{id}-00002.jpg"]);
        IReadOnlyList<VodPlayUrl> streams = playable
            ? [new($"{folder}/master-AUTO.m3u8", "AUTO", "m3u8"), new($"{folder}/stream-LD.m3u8", "LD", "m3u8"), new($"{folder}/stream-SD.mp4", "SD", "mp4")]
            : [];
        return _videos[id] = new RemoteVideo(video, streams);
    }

    private (int Status, string Body)? Answer(VodCall call)
    {
        var ids = call.Parameters.GetValueOrDefault("VideoIds", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        return call.Action switch
        {
            "GetVideoInfos" when FailRecheck && _deleteDone => (200, "<html><body>502 Bad Gateway</body></html>"),
            "GetVideoInfos" => Json(200, new
            {
                RequestId = RequestId(),
                VideoList = ids.Where(Has).Select(id => Describe(Signed(_videos[id].Video))).ToArray(),
                NonExistVideoIds = ids.Where(id => !Has(id)).ToArray(),
            }),
            "GetPlayInfo" => PlayInfo(call.Parameters.GetValueOrDefault("VideoId", "")),
            "DeleteVideo" => Delete(ids),
            _ => null,
        };
    }

    private (int Status, string Body) PlayInfo(string id)
    {
        if (!_videos.TryGetValue(id, out var entry))
        {
            return Json(404, new { RequestId = RequestId(), Code = "InvalidVideo.NotFound", Message = "The video does not exist." });
        }

        if (entry.Streams.Count == 0)
        {
            return Json(400, new { RequestId = RequestId(), Code = "Forbidden.IllegalStatus", Message = "Status of the video is illegal." });
        }

        var streams = entry.Streams.Select(s => new { PlayURL = Sign(s.PlayUrl), s.Definition, s.Format, Bitrate = "800", Duration = "12.5" }).ToArray();
        return Json(200, new { RequestId = RequestId(), VideoBase = new { VideoId = id, entry.Video.Title }, PlayInfoList = new { PlayInfo = streams } });
    }

    private (int Status, string Body) Delete(string[] ids)
    {
        foreach (var id in VanishBeforeDelete.Keys)
        {
            _videos.TryRemove(id, out _);
        }

        var missing = ids.Where(id => !Has(id)).ToArray();
        var refused = ids.Where(id => Has(id) && Refused.ContainsKey(id)).ToArray();
        DeleteRequestId = RequestId();
        if (missing.Length == ids.Length)
        {
            return Json(404, new { RequestId = DeleteRequestId, Code = "InvalidVideo.NotFound", Message = "The video does not exist." });
        }

        foreach (var id in ids.Except(missing).Except(refused))
        {
            _videos.TryRemove(id, out _);
        }

        _deleteDone = true;
        Thread.Sleep(StallAfterDelete);
        return MalformedAfterDelete
            ? (200, "<html><body>upstream answered nothing</body></html>")
            : Json(200, new { RequestId = DeleteRequestId, ForbiddenVideoIds = refused, NonExistVideoIds = missing });
    }

    private VodRemoteVideo Signed(VodRemoteVideo video) =>
        video with { CoverUrl = Sign(video.CoverUrl!), SnapshotUrls = [.. video.SnapshotUrls.Select(Sign)] };

    /// <summary>Alibaba's URL authentication type A: <c>auth_key=timestamp-rand-uid-md5hash</c>.</summary>
    private string Sign(string url) => SignedUrls ? $"{url}?auth_key=1795000000-0-0-{Guid.NewGuid():N}#t=0" : url;

    private static object Describe(VodRemoteVideo video) => new
    {
        video.VideoId, video.Title, video.Status, Duration = video.DurationSeconds, Size = video.SizeBytes, video.CateId, video.CateName,
        CoverURL = video.CoverUrl, Snapshots = video.SnapshotUrls,
        CreationTime = video.CreatedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    private static (int Status, string Body) Json(int status, object body) => (status, JsonSerializer.Serialize(body));

    private static string RequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();
}

/// <summary>A video of the fake catalog and the streams GetPlayInfo lists for it.</summary>
public sealed record RemoteVideo(VodRemoteVideo Video, IReadOnlyList<VodPlayUrl> Streams)
{
    public string Id => Video.VideoId;
}
