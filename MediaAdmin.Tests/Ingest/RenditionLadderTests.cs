using MediaAdmin.Core.Ingest;

namespace MediaAdmin.Tests.Ingest;

public sealed class RenditionLadderTests
{
    [Theory]
    [InlineData(1920, 1080, "LD SD HD FHD", "SD 960x540")]
    [InlineData(1280, 720, "LD SD HD", "SD 960x540")]
    [InlineData(640, 360, "LD", "LD 640x360")]
    [InlineData(320, 240, "LD", "LD 320x240")]
    [InlineData(1080, 1920, "LD SD HD FHD", "SD 540x960")]
    public void The_ladder_never_upscales_and_the_download_is_at_most_sd(int width, int height, string definitions, string download)
    {
        var probe = new MediaProbe("mov", 10, 1000, 1000, new VideoStreamInfo("h264", width, height, 25), new AudioStreamInfo("aac", 2, 48000));

        var ladder = RenditionLadder.Plan(probe);

        Assert.Equal(definitions, string.Join(' ', ladder.Where(r => r.Format == RenditionFormat.Hls).Select(r => r.Definition)));
        Assert.All(ladder, r => Assert.True(r.Width <= Math.Max(width, height) && r.Height <= Math.Max(width, height)));
        Assert.All(ladder, r => Assert.True(r.Width % 2 == 0 && r.Height % 2 == 0));
        var mp4 = Assert.Single(ladder, r => r.Format == RenditionFormat.Mp4);
        Assert.Equal(download, $"{mp4.Definition} {mp4.Width}x{mp4.Height}");
    }

    [Fact]
    public void Audio_gets_aac_and_mp3()
    {
        var probe = new MediaProbe("wav", 10, 1000, 1411, null, new AudioStreamInfo("pcm_s16le", 2, 44100));

        Assert.Equal(["audio-sq.m4a", "audio-sq.mp3"], RenditionLadder.Plan(probe).Select(r => r.Name));
    }
}
