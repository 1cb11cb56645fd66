using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Ingest;

/// <summary>The transcoding template on Debian's real ffmpeg, over clips a few seconds long.</summary>
public sealed class FfmpegTranscoderTests : IDisposable
{
    private static readonly IOptions<IngestOptions> Options = Microsoft.Extensions.Options.Options.Create(new IngestOptions());
    private readonly TempFolder _folder = new();
    private readonly FfprobeMediaProbe _probe = new(Options);
    private readonly FfmpegTranscoder _transcoder = new(Options);

    [Fact]
    public async Task A_360p_video_gets_only_the_360p_rung_playable_hls_an_mp4_of_the_same_length_and_snapshots_every_interval()
    {
        var source = await TestClips.VideoAsync(_folder.Path, 640, 360, seconds: 5);
        var probe = (await _probe.ProbeAsync(source)).Value;
        var work = Path.Combine(_folder.Path, "work");
        var seen = new List<double>();

        var result = await _transcoder.TranscodeAsync(
            new TranscodeRequest(source, probe, work, TimeSpan.FromSeconds(2)) { SegmentLength = TimeSpan.FromSeconds(2) },
            new SynchronousProgress(seen.Add),
            CancellationToken.None);

        var files = result.Value;
        Assert.Equal(["LD"], files.Where(f => f.Format == "m3u8" && f.Definition != "AUTO").Select(f => f.Definition));
        Assert.DoesNotContain(files, f => f.Height > 360);
        var master = Path.Combine(work, "streams", "master.m3u8");
        var variants = HlsPlaylist.References(master);
        Assert.Equal([Path.Combine(work, "streams", "hls-360p", "index.m3u8")], variants);
        var segments = HlsPlaylist.References(variants[0]);
        Assert.True(segments.Count >= 3, $"init and at least two segments, got {segments.Count}");
        Assert.All(segments, segment => Assert.True(File.Exists(segment), segment));
        Assert.True(HlsPlaylist.IsComplete(variants[0]));
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(work, f.RelativePath)), f.RelativePath));
        Assert.Equal(Directory.GetFiles(work, "*", SearchOption.AllDirectories).Length, files.Count);

        var mp4 = (await _probe.ProbeAsync(Path.Combine(work, "streams", "mp4-360p.mp4"))).Value;
        Assert.InRange(mp4.DurationSeconds, 4.5, 5.5);
        Assert.Equal((640, 360), (mp4.Video!.Width, mp4.Video.Height));
        Assert.NotNull(mp4.Audio);

        Assert.Equal(3, files.Count(f => f.SnapshotKind == SnapshotKind.Normal));
        Assert.Single(files, f => f.SnapshotKind == SnapshotKind.Cover);
        Assert.Equal(["snapshots/sprite-001.jpg", "snapshots/sprite.vtt"], files.Where(f => f.SnapshotKind == SnapshotKind.Sprite).Select(f => f.RelativePath));
        var cues = File.ReadAllLines(Path.Combine(work, "snapshots", "sprite.vtt")).Where(l => l.Contains("#xywh=", StringComparison.Ordinal)).ToList();
        Assert.Equal(["sprite-001.jpg#xywh=0,0,160,90", "sprite-001.jpg#xywh=160,0,160,90", "sprite-001.jpg#xywh=320,0,160,90"], cues);

        Assert.NotEmpty(seen);
        Assert.Equal(1, seen[^1]);
    }

    [Fact]
    public async Task A_720p_video_gets_ld_sd_and_hd_but_no_fhd_and_an_sd_download()
    {
        var source = await TestClips.VideoAsync(_folder.Path, 1280, 720, seconds: 1, withAudio: false);
        var probe = (await _probe.ProbeAsync(source)).Value;
        var work = Path.Combine(_folder.Path, "work");

        var files = (await _transcoder.TranscodeAsync(new TranscodeRequest(source, probe, work, TimeSpan.FromSeconds(5)), null, CancellationToken.None)).Value;

        Assert.Equal(
            ["streams/hls-360p/index.m3u8", "streams/hls-540p/index.m3u8", "streams/hls-720p/index.m3u8"],
            files.Where(f => f.RelativePath.EndsWith("/index.m3u8", StringComparison.Ordinal)).Select(f => f.RelativePath));
        Assert.Equal(3, HlsPlaylist.References(Path.Combine(work, "streams", "master.m3u8")).Count);
        var download = Assert.Single(files, f => f.Format == "mp4" && f.RelativePath.StartsWith("streams/mp4-", StringComparison.Ordinal));
        Assert.Equal(("SD", 960, 540), (download.Definition, download.Width, download.Height));
        Assert.Null((await _probe.ProbeAsync(Path.Combine(work, download.RelativePath))).Value.Audio);
    }

    [Fact]
    public async Task An_audio_file_gets_aac_and_mp3_renditions_of_its_length_and_a_waveform_cover()
    {
        var source = await TestClips.AudioAsync(_folder.Path, seconds: 3);
        var probe = (await _probe.ProbeAsync(source)).Value;
        var work = Path.Combine(_folder.Path, "work");

        var files = (await _transcoder.TranscodeAsync(new TranscodeRequest(source, probe, work, TimeSpan.FromSeconds(2)), null, CancellationToken.None)).Value;

        Assert.Equal(MediaType.Audio, probe.MediaType);
        Assert.Equal(["snapshots/cover.jpg", "streams/audio-sq.m4a", "streams/audio-sq.mp3"], files.Select(f => f.RelativePath));
        foreach (var stream in files.Where(f => f.Kind == MediaFileKind.Stream))
        {
            var rendition = (await _probe.ProbeAsync(Path.Combine(work, stream.RelativePath))).Value;
            Assert.InRange(rendition.DurationSeconds, 2.5, 3.5);
            Assert.Null(rendition.Video);
        }

        var cover = (await _probe.ProbeAsync(Path.Combine(work, "snapshots", "cover.jpg"))).Problem;
        Assert.NotNull(cover);
        Assert.Equal(ResultStatus.Invalid, cover.Status);
        Assert.True(new FileInfo(Path.Combine(work, "snapshots", "cover.jpg")).Length > 1000);
    }

    [Fact]
    public async Task A_cancelled_transcode_stops_ffmpeg_and_throws()
    {
        // Long enough at 720p that ffmpeg is still encoding when its first progress report arrives.
        var source = await TestClips.VideoAsync(_folder.Path, 1280, 720, seconds: 30, withAudio: false);
        var probe = (await _probe.ProbeAsync(source)).Value;
        using var cancel = new CancellationTokenSource();
        var work = Path.Combine(_folder.Path, "work");
        var started = new TaskCompletionSource();

        var transcode = _transcoder.TranscodeAsync(new TranscodeRequest(source, probe, work, TimeSpan.FromSeconds(5)), new SynchronousProgress(_ => started.TrySetResult()), cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transcode);
        Assert.False(File.Exists(Path.Combine(work, "streams", "hls-720p", "index.m3u8")) && HlsPlaylist.IsComplete(Path.Combine(work, "streams", "hls-720p", "index.m3u8")));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need every report in order before the call returns.</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
