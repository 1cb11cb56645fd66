using System.Text.Json;
using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Tests.Events;

/// <summary>Remote videos as a test writes them into the mirror, and GetVideoInfos replies describing them.</summary>
public static class RemoteVideos
{
    public static string NewId() => Guid.NewGuid().ToString("N");

    public static VodRemoteVideo Video(string videoId, string title) => new(
        videoId, MediaType.Video, title, null, "Normal", 12.5, 1_439_213, null, null, null,
        new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 27, 8, 5, 0, DateTimeKind.Utc), []);

    public static string GetVideoInfosReply(string videoId, string title, string status = "Normal") => JsonSerializer.Serialize(new
    {
        RequestId = Guid.NewGuid().ToString("D").ToUpperInvariant(),
        VideoList = new[]
        {
            new
            {
                VideoId = videoId, Title = title, Status = status, Duration = 12.5, Size = 1_439_213,
                CreationTime = "2026-11-27T08:00:00Z", ModificationTime = "2026-11-27T08:05:00Z",
            },
        },
        NonExistVideoIds = Array.Empty<string>(),
    });

    public static string NonExistentReply(string videoId) => JsonSerializer.Serialize(new
    {
        RequestId = Guid.NewGuid().ToString("D").ToUpperInvariant(),
        VideoList = Array.Empty<object>(),
        NonExistVideoIds = new[] { videoId },
    });
}
