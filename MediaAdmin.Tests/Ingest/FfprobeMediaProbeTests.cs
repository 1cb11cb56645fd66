using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Ingest;

/// <summary>ffprobe decides what a file is; its name and extension do not.</summary>
public sealed class FfprobeMediaProbeTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FfprobeMediaProbe _probe = new(Options.Create(new IngestOptions()));

    [Fact]
    public async Task A_video_reports_its_duration_size_codecs_resolution_and_bitrate()
    {
        var source = await TestClips.VideoAsync(_folder.Path, 320, 180, seconds: 2, name: "named-like-audio.mp3");

        var probe = (await _probe.ProbeAsync(source)).Value;

        Assert.Equal(MediaType.Video, probe.MediaType);
        Assert.InRange(probe.DurationSeconds, 1.9, 2.1);
        Assert.Equal(new FileInfo(source).Length, probe.SizeBytes);
        Assert.Equal(("h264", 320, 180), (probe.Video!.Codec, probe.Video.Width, probe.Video.Height));
        Assert.Equal("aac", probe.Audio!.Codec);
        Assert.True(probe.BitrateKbps > 0);
    }

    [Theory]
    [InlineData("empty.mp4", new byte[0], "The file is empty.")]
    [InlineData("noise.mp4", new byte[] { 0x13, 0x37, 0x00, 0xFF, 0x42, 0x42, 0x42, 0x42, 0x01, 0x02 }, "The file is not audio or video")]
    [InlineData("notes.mov", new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x0A }, "The file is not audio or video")]
    public async Task A_file_that_is_not_media_is_refused_with_a_reason(string name, byte[] content, string message)
    {
        var path = Path.Combine(_folder.Path, name);
        await File.WriteAllBytesAsync(path, content);

        var result = await _probe.ProbeAsync(path);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder.Path, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_still_image_is_not_a_video()
    {
        var clip = await TestClips.VideoAsync(_folder.Path, 160, 90, seconds: 1, withAudio: false);
        var image = Path.Combine(_folder.Path, "frame.mp4");
        Assert.True((await ToolRun.RunAsync("ffmpeg", ["-v", "error", "-i", clip, "-frames:v", "1", "-f", "image2", "-c:v", "png", image], CancellationToken.None)).Succeeded);

        var result = await _probe.ProbeAsync(image);

        Assert.Equal(ResultStatus.Invalid, result.Status);
    }

    public void Dispose() => _folder.Dispose();
}
