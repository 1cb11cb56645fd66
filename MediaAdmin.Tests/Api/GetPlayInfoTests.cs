using System.Net;
using System.Text.Json;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Api;

/// <summary>GetPlayInfo over the real API port, for really transcoded media: Alibaba's shape, filters and errors.</summary>
public sealed class GetPlayInfoTests(AlibabaClientsFixture clients) : IClassFixture<AlibabaClientsFixture>, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private ConsoleServer _server = null!;

    private AssetIngestion Ingestion => _server.Services.GetRequiredService<AssetIngestion>();

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_transcoded_video_answers_its_master_rung_and_mp4_with_urls_sizes_and_video_base_as_alibaba_does()
    {
        var (editorId, key) = await EditorWithKeyAsync();
        var asset = await TranscodedClips.AddVideoAsync(Ingestion, editorId, "Harbour at dawn");

        var (status, body) = await CallAsync(key, new() { ["VideoId"] = asset.Id });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["RequestId", "VideoBase", "PlayInfoList"], body.EnumerateObject().Select(p => p.Name));
        var videoBase = body.GetProperty("VideoBase");
        Assert.Equal((asset.Id, "Harbour at dawn", "Normal", "video"), (Text(videoBase, "VideoId"), Text(videoBase, "Title"), Text(videoBase, "Status"), Text(videoBase, "MediaType")));
        Assert.Equal($"https://cdn.example.test/vod/media/{asset.Id}/snapshots/cover.jpg", Text(videoBase, "CoverURL"));
        Assert.InRange(double.Parse(Text(videoBase, "Duration"), System.Globalization.CultureInfo.InvariantCulture), 3.5, 4.5);
        var streams = body.GetProperty("PlayInfoList").GetProperty("PlayInfo").EnumerateArray().ToList();
        Assert.Equal(
            [("streams/hls-360p/index.m3u8", "m3u8", "LD"), ("streams/master.m3u8", "m3u8", "AUTO"), ("streams/mp4-360p.mp4", "mp4", "LD")],
            streams.Select(s => (Text(s, "PlayURL")[$"https://cdn.example.test/vod/media/{asset.Id}/".Length..], Text(s, "Format"), Text(s, "Definition"))));
        foreach (var stream in streams)
        {
            var file = asset.Files.Single(f => f.CdnUrl == Text(stream, "PlayURL"));
            Assert.Equal((file.SizeBytes, 640L, 360L), (stream.GetProperty("Size").GetInt64(), stream.GetProperty("Width").GetInt64(), stream.GetProperty("Height").GetInt64()));
            Assert.Equal((0L, "Normal", "video", "0"), (stream.GetProperty("Encrypt").GetInt64(), Text(stream, "Status"), Text(stream, "StreamType"), Text(stream, "NarrowBandType")));
            Assert.Equal(Text(videoBase, "Duration"), Text(stream, "Duration"));
            Assert.Equal(Text(videoBase, "CreationTime"), Text(stream, "CreationTime"));
        }

        var mp4 = streams.Single(s => Text(s, "Format") == "mp4");
        Assert.Equal(asset.Files.Single(f => f.CdnUrl == Text(mp4, "PlayURL")).BitrateKbps, int.Parse(Text(mp4, "Bitrate"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Formats_definition_and_stream_type_narrow_the_streams_and_unknown_values_are_InvalidParameter()
    {
        var (editorId, key) = await EditorWithKeyAsync();
        var video = await TranscodedClips.AddVideoAsync(Ingestion, editorId, "Clip");
        var audio = await TranscodedClips.AddAudioAsync(Ingestion, editorId, "Tone");

        var mp4Only = await CallAsync(key, new() { ["VideoId"] = video.Id, ["Formats"] = "mp4" });
        var auto = await CallAsync(key, new() { ["VideoId"] = video.Id, ["Formats"] = "m3u8,mp4", ["Definition"] = "AUTO" });
        var mp3 = await CallAsync(key, new() { ["VideoId"] = audio.Id, ["Formats"] = "mp3", ["StreamType"] = "audio" });
        var badFormat = await CallAsync(key, new() { ["VideoId"] = video.Id, ["Formats"] = "mp4,avi" });
        var badDefinition = await CallAsync(key, new() { ["VideoId"] = video.Id, ["Definition"] = "8K" });

        Assert.Equal(["mp4"], Streams(mp4Only.Body).Select(s => Text(s, "Format")));
        Assert.Equal(["AUTO"], Streams(auto.Body).Select(s => Text(s, "Definition")));
        var mp3Stream = Assert.Single(Streams(mp3.Body));
        Assert.Equal(("mp3", "SQ", "audio", 0L), (Text(mp3Stream, "Format"), Text(mp3Stream, "Definition"), Text(mp3Stream, "StreamType"), mp3Stream.GetProperty("Width").GetInt64()));
        Assert.Equal("audio", Text(mp3.Body.GetProperty("VideoBase"), "MediaType"));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), (badFormat.Status, Text(badFormat.Body, "Code")));
        Assert.Equal("The specified parameter \"Formats\" is not valid: 'avi' is not one of mp4, m3u8, mp3, m4a, flv, mpd.", Text(badFormat.Body, "Message"));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), (badDefinition.Status, Text(badDefinition.Body, "Code")));
        Assert.Contains("\"Definition\"", Text(badDefinition.Body, "Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_video_is_NotFound_a_transcoding_one_IllegalStatus_and_filters_leaving_nothing_NoneStream()
    {
        var (editorId, key) = await EditorWithKeyAsync();
        var video = await TranscodedClips.AddVideoAsync(Ingestion, editorId, "Clip");
        var transcoding = await AddDraftAsync(editorId, MediaStatus.Transcoding);

        var missing = await CallAsync(key, new() { ["VideoId"] = VideoId.New() });
        var notReady = await CallAsync(key, new() { ["VideoId"] = transcoding.Id });
        var nothing = await CallAsync(key, new() { ["VideoId"] = video.Id, ["Formats"] = "mp3" });
        var noId = await CallAsync(key, []);

        Assert.Equal((HttpStatusCode.NotFound, "InvalidVideo.NotFound"), (missing.Status, Text(missing.Body, "Code")));
        Assert.Equal((HttpStatusCode.BadRequest, "Forbidden.IllegalStatus", "Status of the video is illegal."), (notReady.Status, Text(notReady.Body, "Code"), Text(notReady.Body, "Message")));
        Assert.Equal((HttpStatusCode.NotFound, "InvalidVideo.NoneStream"), (nothing.Status, Text(nothing.Body, "Code")));
        Assert.Equal((HttpStatusCode.BadRequest, "MissingParameter"), (noId.Status, Text(noId.Body, "Code")));
    }

    [Fact]
    public async Task Alibabas_pop_core_client_reads_the_play_urls_of_an_audio_asset()
    {
        var (editorId, key) = await EditorWithKeyAsync();
        var audio = await TranscodedClips.AddAudioAsync(Ingestion, editorId, "Tone");

        var answer = await clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "GET", "GetPlayInfo", new { VideoId = audio.Id, Formats = "m4a,mp3" });

        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
        var data = answer.GetProperty("data");
        Assert.Equal(
            [$"https://cdn.example.test/vod/media/{audio.Id}/streams/audio-sq.m4a", $"https://cdn.example.test/vod/media/{audio.Id}/streams/audio-sq.mp3"],
            Streams(data).Select(s => Text(s, "PlayURL")));
        Assert.Equal(audio.Id, Text(data.GetProperty("VideoBase"), "VideoId"));
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static List<JsonElement> Streams(JsonElement body) => body.GetProperty("PlayInfoList").GetProperty("PlayInfo").EnumerateArray().ToList();

    private Task<MediaAsset> AddDraftAsync(string ownerId, MediaStatus status) => Ingestion.IngestAsync(Drafts.Video(ownerId, "Still transcoding", status: status));

    private async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(NewAccessKey key, Dictionary<string, string> parameters)
    {
        using var http = new HttpClient { BaseAddress = _server.ApiAddress };
        using var answer = await http.GetAsync("/?" + SignedRequests.Query(key.Id, key.Secret, "GetPlayInfo", parameters));
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return (answer.StatusCode, json.RootElement.Clone());
    }

    private async Task<(string EditorId, NewAccessKey Key)> EditorWithKeyAsync()
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        var key = await _server.Services.GetRequiredService<AccessKeyService>().CreateAsync(editor.Id, editor.Id);
        return (editor.Id, key.Value);
    }
}
