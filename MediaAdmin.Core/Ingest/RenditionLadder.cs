namespace MediaAdmin.Core.Ingest;

/// <summary>
/// The transcoding template group, modelled on ApsaraVideo VOD's: an HLS ladder from LD 360p to FHD 1080p limited
/// to what the source can carry (never upscaled), one SD MP4 for download, and AAC plus MP3 for audio.
/// </summary>
public static class RenditionLadder
{
    private const int AudioKbps = 128;

    private static readonly (string Definition, int Height, int VideoKbps)[] VideoRungs =
    [
        ("LD", 360, 800),
        ("SD", 540, 1500),
        ("HD", 720, 2500),
        ("FHD", 1080, 4500),
    ];

    /// <summary>The renditions to make of <paramref name="probe"/>, lowest first.</summary>
    public static IReadOnlyList<Rendition> Plan(MediaProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Video is not { } video)
        {
            return
            [
                new Rendition("SQ", RenditionFormat.M4a, 0, 0, 0, AudioKbps),
                new Rendition("SQ", RenditionFormat.Mp3, 0, 0, 0, AudioKbps),
            ];
        }

        var audioKbps = probe.Audio is null ? 0 : AudioKbps;

        // The short side decides the rung, so a portrait 1080x1920 source is "1080p" as viewers expect.
        var shortSide = Math.Min(video.Width, video.Height);
        var rungs = VideoRungs.Where(r => r.Height <= shortSide).ToList();
        if (rungs.Count == 0)
        {
            rungs.Add(VideoRungs[0] with { Height = Even(shortSide) });
        }

        var ladder = rungs
            .Select(r => Sized(r.Definition, RenditionFormat.Hls, video, r.Height, r.VideoKbps, audioKbps))
            .ToList();
        var download = rungs.Last(r => r.Height <= 540 || r == rungs[0]);
        ladder.Add(Sized(download.Definition, RenditionFormat.Mp4, video, download.Height, download.VideoKbps, audioKbps));
        return ladder;
    }

    private static Rendition Sized(string definition, RenditionFormat format, VideoStreamInfo video, int shortSide, int videoKbps, int audioKbps)
    {
        var landscape = video.Width >= video.Height;
        var longSide = Even((double)Math.Max(video.Width, video.Height) * shortSide / Math.Min(video.Width, video.Height));
        var (width, height) = landscape ? (longSide, shortSide) : (shortSide, longSide);
        return new Rendition(definition, format, width, height, videoKbps, audioKbps);
    }

    // H.264 with 4:2:0 chroma needs even dimensions.
    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);
}
