using System.Text;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>What the purge tests share: an HLS asset's files, the settings that make the worker quick, waiting for a state.</summary>
internal static class PurgeFixtures
{
    public const int SegmentCount = 6;

    /// <summary>A video with a mezzanine, a progressive MP4, an HLS rendition (playlist and <see cref="SegmentCount"/> segments) and a snapshot.</summary>
    public static AssetDraft HlsVideo(string ownerId, string title = "Purged clip")
    {
        var files = new List<FileDraft>
        {
            new(MediaFileKind.Mezzanine, "source.mp4", "mp4", Bytes("mezzanine " + title), BitrateKbps: 8000),
            new(MediaFileKind.Stream, "streams/sd.mp4", "mp4", Bytes("sd " + title), "SD", 900),
            new(MediaFileKind.Stream, "hls/sd/index.m3u8", "m3u8", Bytes("#EXTM3U"), "SD", 900),
            new(MediaFileKind.Snapshot, "snapshots/00.png", "png", PngImage.Encode(4, 4, (_, _) => ((byte)1, (byte)2, (byte)3)), Width: 4, Height: 4, SnapshotKind: SnapshotKind.Cover),
        };
        files.AddRange(Enumerable.Range(0, SegmentCount).Select(i =>
            new FileDraft(MediaFileKind.Stream, $"hls/sd/seg-{i:000}.m4s", "m4s", Bytes($"segment {i} {title}"), "SD", 900)));
        return new AssetDraft(title, MediaType.Video, ownerId, files, DurationSeconds: 12);
    }

    /// <summary>Settings that let the worker retry, probe and give up within seconds instead of minutes.</summary>
    public static Dictionary<string, string?> QuickPurge(Uri publicBase, Uri edgeUrl, bool automatic = false, bool banPrefix = false, string verifyFor = "00:01:00") => new()
    {
        ["Cdn:BaseUrl"] = new Uri(publicBase, "/cdn").ToString(),
        ["Cdn:Purge:Provider"] = "Http",
        ["Cdn:Purge:Http:EdgeUrl"] = edgeUrl.ToString(),
        ["Cdn:Purge:Http:BanPrefix"] = banPrefix ? "true" : "false",
        ["Cdn:Purge:Automatic"] = automatic ? "true" : "false",
        ["Cdn:Purge:VerifyFor"] = verifyFor,
        ["Cdn:Purge:ProbeInterval"] = "00:00:00.200",
        ["Cdn:Purge:RetryBaseDelay"] = "00:00:00.100",
        ["Cdn:Purge:RetryMaxDelay"] = "00:00:00.500",
        ["Cdn:Purge:WorkerPollInterval"] = "00:00:00.100",
        ["Cdn:Purge:StepLease"] = "00:00:02",
        ["Cdn:Purge:SegmentSampleSize"] = "2",
        ["Cdn:Purge:MaxAttempts"] = "200",
    };

    /// <summary>Polls the deletion's detail until <paramref name="done"/> holds, failing with the last state seen after a generous deadline.</summary>
    public static async Task<CdnPurgeDetail> WaitForAsync(IServiceProvider services, string userId, string requestId, Func<CdnPurgeDetail, bool> done, int seconds = 60)
    {
        var queries = services.GetRequiredService<CdnPurgeQueries>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var detail = (await queries.DetailAsync(userId, requestId)).Value;
            if (done(detail))
            {
                return detail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting: the purge is {detail.Summary.State} after {detail.Summary.Attempts} attempt(s): {detail.Summary.Error}");
            await Task.Delay(100);
        }
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.PadRight(256, '.'));
}
