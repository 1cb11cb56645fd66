using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Ingest;

/// <summary>DeleteVideo on an asset the pipeline made: every file of it goes, and the CDN reminder stays readable.</summary>
public sealed class IngestedAssetDeletionTests : IngestHostTest
{
    [Fact]
    public async Task Deleting_a_transcoded_video_removes_all_its_files_and_reminds_of_playlists_and_mp4_with_segments_as_their_folder()
    {
        var editor = await Host.App.CreateUserAsync(RoleNames.Editor);
        var id = await Host.SubmitAsync(editor.Id, await TestClips.VideoAsync(Sources.Path, 640, 360, seconds: 3));
        Assert.Equal(IngestJobState.Succeeded, await Host.AttemptEndedAsync(id));
        var fileCount = (await Host.AssetAsync(id)).Files.Count;

        var result = await Host.App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), id);

        Assert.Equal(fileCount, Assert.Single(result.Deleted).FileCount);
        await using var db = await Host.App.OpenDbAsync();
        var urls = (await db.CdnInvalidations.SingleAsync()).Urls;
        var streams = $"https://cdn.example.test/vod/media/{id}/streams/";
        Assert.Contains(streams + "master.m3u8", urls);
        Assert.Contains(streams + "hls-360p/index.m3u8", urls);
        Assert.Contains(streams + "hls-360p/", urls);
        Assert.Contains(streams + "mp4-360p.mp4", urls);
        Assert.Contains($"https://cdn.example.test/vod/media/{id}/snapshots/cover.jpg", urls);
        Assert.DoesNotContain(urls, u => u.Contains("/seg-", StringComparison.Ordinal) || u.EndsWith("init.mp4", StringComparison.Ordinal));
        await Host.AssertNothingStrayAsync();
        Assert.Empty(await Host.App.StoredKeysAsync());
    }
}
