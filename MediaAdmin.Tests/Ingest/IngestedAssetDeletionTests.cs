using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Ingest;

/// <summary>DeleteVideo on an asset the pipeline made: every file of it goes, and the CDN reminder stays readable.</summary>
public sealed class IngestedAssetDeletionTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _sources = new();
    private IngestTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestTestHost.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
        _sources.Dispose();
    }

    [Fact]
    public async Task Deleting_a_transcoded_video_removes_all_its_files_and_reminds_of_playlists_and_mp4_with_segments_as_their_folder()
    {
        var editor = await _host.App.CreateUserAsync(RoleNames.Editor);
        var id = await _host.SubmitAsync(editor.Id, await TestClips.VideoAsync(_sources.Path, 640, 360, seconds: 3));
        Assert.Equal(IngestJobState.Succeeded, await _host.AttemptEndedAsync(id));
        var fileCount = (await _host.AssetAsync(id)).Files.Count;

        var result = await _host.App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), id);

        Assert.Equal(fileCount, Assert.Single(result.Deleted).FileCount);
        await using var db = await _host.App.OpenDbAsync();
        var urls = (await db.CdnInvalidations.SingleAsync()).Urls;
        var streams = $"https://cdn.example.test/vod/media/{id}/streams/";
        Assert.Contains(streams + "master.m3u8", urls);
        Assert.Contains(streams + "hls-360p/index.m3u8", urls);
        Assert.Contains(streams + "hls-360p/", urls);
        Assert.Contains(streams + "mp4-360p.mp4", urls);
        Assert.Contains($"https://cdn.example.test/vod/media/{id}/snapshots/cover.jpg", urls);
        Assert.DoesNotContain(urls, u => u.Contains("/seg-", StringComparison.Ordinal) || u.EndsWith("init.mp4", StringComparison.Ordinal));
        await _host.AssertNothingStrayAsync();
        Assert.Empty(await _host.App.StoredKeysAsync());
    }
}
