using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Deletion.Remote;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>
/// Deleting in the gateway's console: MediaAdmin's roles decide first (by granted category), then the remote, and
/// what the remote deleted is gone from both libraries and from the remote's storage.
/// </summary>
[Collection(VodPairGroup.Name)]
public sealed class VodPairDeletionTests(VodPairFixture fixture)
{
    private VodPair Pair => fixture.Pair;

    [Fact]
    public async Task A_delete_in_the_gateway_console_removes_the_remote_assets_their_files_and_the_mirrored_rows()
    {
        var first = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory);
        var second = await fixture.AddOnRemoteAsync(VodPairFixture.OtherCategory);
        await fixture.MirrorAsync();

        var result = await DeleteOnGatewayAsync(Pair.GatewayAdministrator.Id, first, second);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal([first.Id, second.Id], result.Deleted.Select(d => d.VideoId));
        Assert.Empty(result.Forbidden);
        foreach (var asset in new[] { first, second })
        {
            Assert.Null(await LibraryRows.FindAsync(Pair.Remote, asset.Id));
            Assert.Null(await LibraryRows.FindAsync(Pair.Gateway, asset.Id));
            await RemoteFilesRemovedAsync(asset);
        }
    }

    [Fact]
    public async Task The_cdn_urls_captured_before_the_delete_are_the_remotes_play_urls_cover_and_snapshots()
    {
        var asset = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory);
        await fixture.MirrorAsync();
        var vod = Pair.Gateway.Services.GetRequiredService<VodClient>();
        var play = await vod.GetPlayInfoAsync(Pair.RemoteAccount, asset.Id);
        var info = await vod.GetVideoInfosAsync(Pair.RemoteAccount, [asset.Id]);
        Assert.True(play.IsSuccess && info.IsSuccess, $"{play.Error} {info.Error}");
        var video = Assert.Single(info.Value.Videos);
        string[] remoteUrls = [.. play.Value.Select(p => p.PlayUrl), video.CoverUrl!, .. video.SnapshotUrls];

        var result = await DeleteOnGatewayAsync(Pair.GatewayAdministrator.Id, asset);

        var deleted = Assert.Single(result.Deleted);
        Assert.Equal(remoteUrls.ToHashSet(), deleted.CdnUrls.ToHashSet());
        var streamsAndSnapshots = asset.Files.Where(f => f.Kind != MediaFileKind.Mezzanine).Select(f => f.CdnUrl).ToHashSet();
        Assert.Equal(streamsAndSnapshots, deleted.CdnUrls.ToHashSet());
    }

    [Fact]
    public async Task An_editor_is_refused_a_video_outside_their_granted_categories_with_the_category_named()
    {
        var granted = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory);
        var other = await fixture.AddOnRemoteAsync(VodPairFixture.OtherCategory);
        await fixture.MirrorAsync();

        var result = await DeleteOnGatewayAsync(fixture.GatewayEditor.Id, granted, other);

        Assert.Equal([granted.Id], result.Deleted.Select(d => d.VideoId));
        var refused = Assert.Single(result.Forbidden);
        Assert.Equal(other.Id, refused.VideoId);
        Assert.Contains($"\"{VodPairFixture.OtherCategory.Name}\"", refused.Reason, StringComparison.Ordinal);
        Assert.NotNull(await LibraryRows.FindAsync(Pair.Remote, other.Id));
        Assert.NotNull(await LibraryRows.FindAsync(Pair.Gateway, other.Id));
        Assert.Null(await LibraryRows.FindAsync(Pair.Remote, granted.Id));
    }

    [Fact]
    public async Task A_video_the_remote_refuses_is_shown_as_refused_by_Alibaba_Cloud_and_stays_in_both_libraries()
    {
        var allowed = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory);
        var colleagues = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory, ownedByColleague: true);
        await fixture.MirrorAsync();

        var result = await DeleteOnGatewayAsync(fixture.GatewayEditor.Id, allowed, colleagues);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal([allowed.Id], result.Deleted.Select(d => d.VideoId));
        var refused = Assert.Single(result.Forbidden);
        Assert.Equal((colleagues.Id, RemoteDeletionErrors.RefusedByAlibaba), (refused.VideoId, refused.Reason));
        Assert.NotNull(await LibraryRows.FindAsync(Pair.Remote, colleagues.Id));
        Assert.NotNull(await LibraryRows.FindAsync(Pair.Gateway, colleagues.Id));
        foreach (var file in colleagues.Files)
        {
            Assert.True(await Pair.Remote.Services.GetRequiredService<IMediaStorage>().ExistsAsync(StorageKey.Parse(file.StorageKey)));
        }
    }

    private Task<DeleteVideosResult> DeleteOnGatewayAsync(string userId, params MediaAsset[] assets) =>
        Pair.Gateway.Services.GetRequiredService<VideoDeletionService>()
            .DeleteAsync(new DeletionCaller(userId, DeletionChannel.Console), string.Join(",", assets.Select(a => a.Id)));

    /// <summary>The remote's worker removes the files after its commit; waits for it, with a deadline for a hung test.</summary>
    private async Task RemoteFilesRemovedAsync(MediaAsset asset)
    {
        var storage = Pair.Remote.Services.GetRequiredService<IMediaStorage>();
        foreach (var file in asset.Files)
        {
            await Poll.UntilAsync(async () => !await storage.ExistsAsync(StorageKey.Parse(file.StorageKey)), TimeSpan.FromSeconds(60), $"the remote to remove {file.StorageKey}");
        }
    }
}
