using MediaAdmin.Core.Cdn.UrlAuth;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

/// <summary>What a playlist or sprite index names is signed; nothing else in them changes.</summary>
public sealed class SignedReferencesTests
{
    private static string Mark(string reference) => $"[{reference}]";

    [Fact]
    public void Every_uri_of_a_playlist_is_signed_and_its_tags_are_kept()
    {
        const string playlist = "#EXTM3U\r\n#EXT-X-VERSION:7\r\n#EXT-X-MAP:URI=\"init.mp4\"\r\n#EXTINF:2.0,\r\nseg-001.m4s\r\n#EXTINF:2.0,\r\nseg-002.m4s\r\n#EXT-X-ENDLIST\r\n";

        var signed = SignedReferences.Rewrite("index.m3u8", playlist, Mark);

        Assert.Equal("#EXTM3U\r\n#EXT-X-VERSION:7\r\n#EXT-X-MAP:URI=\"[init.mp4]\"\r\n#EXTINF:2.0,\r\n[seg-001.m4s]\r\n#EXTINF:2.0,\r\n[seg-002.m4s]\r\n#EXT-X-ENDLIST\r\n", signed);
    }

    [Fact]
    public void The_variants_of_a_master_playlist_are_signed()
    {
        const string master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\nhls-360p/index.m3u8\n\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",URI=\"audio/index.m3u8\"\n";

        var signed = SignedReferences.Rewrite("master.m3u8", master, Mark);

        Assert.Equal("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\n[hls-360p/index.m3u8]\n\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",URI=\"[audio/index.m3u8]\"\n", signed);
    }

    [Fact]
    public void Only_the_image_cues_of_a_webvtt_file_are_signed_never_subtitle_text()
    {
        const string vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:10.000\nsprite-0.jpg#xywh=0,0,160,90\n\n00:00:10.000 --> 00:00:20.000\nThe harbour at dawn.jpg is lovely\n";

        var signed = SignedReferences.Rewrite("sprite.vtt", vtt, Mark);

        Assert.Equal("WEBVTT\n\n00:00:00.000 --> 00:00:10.000\n[sprite-0.jpg#xywh=0,0,160,90]\n\n00:00:10.000 --> 00:00:20.000\nThe harbour at dawn.jpg is lovely\n", signed);
    }

    [Theory]
    [InlineData("master.m3u8", true)]
    [InlineData("sprite.VTT", true)]
    [InlineData("clip.mp4", false)]
    [InlineData("cover.jpg", false)]
    public void Only_playlists_and_webvtt_files_name_other_files(string name, bool applies) => Assert.Equal(applies, SignedReferences.Applies(name));
}
