using System.Text.Json;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Events;

/// <summary>A local-source console sending the ingest events Alibaba sends: upload done, each stream, all streams, snapshots.</summary>
public sealed class VodIngestCallbackTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _sources = new();
    private readonly CallbackReceiver _receiver = new();
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await ConsoleServer.StartAsync(_folder.Path, VodCallbackSendingTests.Settings(_receiver.Url, "ingest-key-81b2"));

    [Fact]
    public async Task An_upload_that_transcodes_sends_FileUploadComplete_then_a_StreamTranscodeComplete_per_playable_stream_TranscodeComplete_and_SnapshotComplete()
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        var clip = await TestClips.VideoAsync(_sources.Path, 320, 180, seconds: 2);
        var submitted = await _server.Services.GetRequiredService<IIngestPipeline>().SubmitAsync(new IngestSubmission(editor.Id, "Callback clip", clip, "clip.mp4"));
        Assert.True(submitted.IsSuccess, submitted.Error);
        var id = submitted.Value;

        await Poll.UntilAsync(async () => await UnsentAsync(id) == 0 && _receiver.Received.Any(r => r.Body.Contains("\"SnapshotComplete\"", StringComparison.Ordinal)),
            "every ingest callback of the clip to be delivered", seconds: 120);

        var bodies = _receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(bodies, b => Assert.Equal(id, b.GetProperty("VideoId").GetString()));
        var types = bodies.Select(b => b.GetProperty("EventType").GetString()).ToList();
        Assert.Equal("FileUploadComplete", types[0]);
        Assert.EndsWith($"/media/{id}/source/clip.mp4", bodies[0].GetProperty("FileUrl").GetString(), StringComparison.Ordinal);

        var streams = bodies.Where(b => b.GetProperty("EventType").GetString() == "StreamTranscodeComplete").ToList();
        Assert.NotEmpty(streams);
        Assert.All(streams, s => Assert.Matches(@"\.(m3u8|mp4)$", s.GetProperty("FileUrl").GetString()));
        Assert.Contains(streams, s => s.GetProperty("Definition").GetString() == "AUTO" && s.GetProperty("Format").GetString() == "m3u8");
        Assert.DoesNotContain(streams, s => s.GetProperty("FileUrl").GetString()!.Contains("/seg-", StringComparison.Ordinal));

        var transcode = Assert.Single(bodies, b => b.GetProperty("EventType").GetString() == "TranscodeComplete");
        Assert.Equal(streams.Count, transcode.GetProperty("StreamInfos").GetArrayLength());
        var snapshots = Assert.Single(bodies, b => b.GetProperty("EventType").GetString() == "SnapshotComplete");
        Assert.Contains($"/media/{id}/", snapshots.GetProperty("CoverUrl").GetString(), StringComparison.Ordinal);
        Assert.True(types.IndexOf("TranscodeComplete") > types.LastIndexOf("StreamTranscodeComplete"), "all streams are reported before the whole");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _receiver.Dispose();
        _sources.Dispose();
        _folder.Dispose();
    }

    private async Task<int> UnsentAsync(string videoId)
    {
        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();
        return await db.OutgoingVodEvents.CountAsync(e => e.VideoId == videoId && e.SentAtUtc == null);
    }
}
