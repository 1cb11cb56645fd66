using System.Globalization;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// The ffmpeg command lines of the transcoding template, as argument lists. One decode feeds every video
/// output (the HLS ladder, the MP4, the snapshots); the cover is a fast seek of its own, and the sprite
/// sheets are tiled from the snapshots, so no output waits for many frames and progress reports flow.
/// </summary>
public static class FfmpegArguments
{
    public const string StreamsFolder = "streams";
    public const string SnapshotsFolder = "snapshots";
    public const string MasterPlaylist = "master.m3u8";
    public const string VariantPlaylist = "index.m3u8";
    public const string CoverFile = "cover.jpg";
    public const string SpriteIndexFile = "sprite.vtt";
    private const string NormalSnapshots = "normal-%05d.jpg";

    /// <summary>Sprite sheets are grids of this many tiles a side.</summary>
    public const int SpriteColumns = 5;

    public const int SpriteTileWidth = 160;

    private static readonly string[] Common = ["-hide_banner", "-nostdin", "-y", "-v", "error", "-progress", "pipe:1", "-nostats"];

    /// <summary>The height of a sprite tile for a source of this shape (even, as the encoder needs).</summary>
    public static int SpriteTileHeight(MediaProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var video = probe.Video ?? throw new ArgumentException("Only video has sprite tiles.", nameof(probe));
        return Math.Max(2, (int)Math.Round((double)SpriteTileWidth * video.Height / video.Width / 2) * 2);
    }

    /// <summary>Every stream, the snapshots and the sprite sheets of a video, in one ffmpeg run.</summary>
    public static IReadOnlyList<string> Video(TranscodeRequest request, IReadOnlyList<Rendition> renditions)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(renditions);
        var ladder = renditions.Where(r => r.Format == RenditionFormat.Hls).ToList();
        var download = renditions.Single(r => r.Format == RenditionFormat.Mp4);
        var hasAudio = request.Probe.Audio is not null;
        var interval = Seconds(request.SnapshotInterval);
        var keyframes = $"expr:gte(t,n_forced*{Seconds(request.SegmentLength)})";
        var outputs = ladder.Count + 2;

        var filters = new List<string> { $"[0:v]split={outputs}" + string.Concat(Enumerable.Range(0, outputs).Select(i => $"[in{i}]")) };
        filters.AddRange(ladder.Select((r, i) => $"[in{i}]scale={r.Width}:{r.Height}[hls{i}]"));
        filters.Add($"[in{ladder.Count}]scale={download.Width}:{download.Height}[mp4]");
        filters.Add($"[in{ladder.Count + 1}]fps=1/{interval}:round=up,scale={download.Width}:{download.Height}[snap]");

        var args = new List<string>(Common) { "-i", request.SourcePath, "-filter_complex", string.Join(';', filters) };

        for (var i = 0; i < ladder.Count; i++)
        {
            args.AddRange(["-map", $"[hls{i}]"]);
            if (hasAudio)
            {
                args.AddRange(["-map", "0:a:0"]);
            }
        }

        args.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-force_key_frames", keyframes]);
        for (var i = 0; i < ladder.Count; i++)
        {
            args.AddRange(VideoBitrate(ladder[i], $":v:{i}"));
        }

        if (hasAudio)
        {
            args.AddRange(["-c:a", "aac", "-b:a", $"{ladder[0].AudioKbps}k", "-ac", "2"]);
        }

        var variants = ladder.Select((r, i) => $"v:{i}" + (hasAudio ? $",a:{i}" : string.Empty) + $",name:{r.Height}p");
        args.AddRange(
        [
            "-f", "hls", "-hls_time", Seconds(request.SegmentLength), "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
            "-hls_fmp4_init_filename", "init.mp4",
            "-hls_segment_filename", Path.Combine(request.WorkFolder, StreamsFolder, "hls-%v", "seg-%05d.m4s"),
            "-master_pl_name", MasterPlaylist, "-var_stream_map", string.Join(' ', variants),
            Path.Combine(request.WorkFolder, StreamsFolder, "hls-%v", VariantPlaylist),
        ]);

        args.AddRange(["-map", "[mp4]"]);
        if (hasAudio)
        {
            args.AddRange(["-map", "0:a:0", "-c:a", "aac", "-b:a", $"{download.AudioKbps}k", "-ac", "2"]);
        }

        args.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", .. VideoBitrate(download, ":v"), "-movflags", "+faststart",
            Path.Combine(request.WorkFolder, StreamsFolder, download.Name)]);

        args.AddRange(["-map", "[snap]", "-q:v", "3", Path.Combine(request.WorkFolder, SnapshotsFolder, NormalSnapshots)]);
        return args;
    }

    /// <summary>Sprite sheets: the normal snapshots, shrunk to tiles and laid out in grids.</summary>
    public static IReadOnlyList<string> Sprites(TranscodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return
        [
            .. Common, "-framerate", "1", "-i", Path.Combine(request.WorkFolder, SnapshotsFolder, NormalSnapshots),
            "-vf", $"scale={SpriteTileWidth}:{SpriteTileHeight(request.Probe)},tile={SpriteColumns}x{SpriteColumns}", "-q:v", "3",
            Path.Combine(request.WorkFolder, SnapshotsFolder, "sprite-%03d.jpg"),
        ];
    }

    /// <summary>The cover: one frame a second in (or half-way through a shorter clip), at the download size.</summary>
    public static IReadOnlyList<string> VideoCover(TranscodeRequest request, Rendition download)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(download);
        var at = Math.Min(1.0, request.Probe.DurationSeconds / 2);
        return
        [
            .. Common, "-ss", at.ToString("0.###", CultureInfo.InvariantCulture), "-i", request.SourcePath,
            "-frames:v", "1", "-vf", $"scale={download.Width}:{download.Height}", "-q:v", "3",
            Path.Combine(request.WorkFolder, SnapshotsFolder, CoverFile),
        ];
    }

    /// <summary>AAC and MP3 renditions of an audio asset and its cover, a picture of the waveform.</summary>
    public static IReadOnlyList<string> Audio(TranscodeRequest request, IReadOnlyList<Rendition> renditions)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(renditions);
        var args = new List<string>(Common) { "-i", request.SourcePath };
        foreach (var rendition in renditions)
        {
            var codec = rendition.Format == RenditionFormat.Mp3 ? "libmp3lame" : "aac";
            args.AddRange(["-map", "0:a:0", "-vn", "-c:a", codec, "-b:a", $"{rendition.AudioKbps}k", Path.Combine(request.WorkFolder, StreamsFolder, rendition.Name)]);
        }

        args.AddRange(
        [
            "-filter_complex", "[0:a:0]aformat=channel_layouts=mono,showwavespic=s=640x240:colors=0x1e88e5[wave]",
            "-map", "[wave]", "-frames:v", "1", "-q:v", "3", Path.Combine(request.WorkFolder, SnapshotsFolder, CoverFile),
        ]);
        return args;
    }

    private static string[] VideoBitrate(Rendition rendition, string streamSpecifier) =>
    [
        $"-b{streamSpecifier}", $"{rendition.VideoKbps}k",
        $"-maxrate{streamSpecifier}", $"{rendition.VideoKbps * 107 / 100}k",
        $"-bufsize{streamSpecifier}", $"{rendition.VideoKbps * 3 / 2}k",
    ];

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
